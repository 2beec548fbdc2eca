#pragma once
// The controller of one HBM channel: `ranks` pseudo-channels (1 = a
// pseudo-channel alone) sharing the row and column command buses; request
// buffer, bank states, scheduler, refresh per pseudo-channel and the timing
// checker. Banks are numbered rank x banks + bank (MemRequest::bank).
// Event-driven: nextEvent() is the earliest cycle at
// which anything can happen, runUntil() issues every command before a cycle;
// there is no per-cycle loop. An idle channel refreshes lazily, when the next
// request comes or runUntil() is called; over a long idle stretch it replays
// one refresh period, checks that the state repeats, and jumps the remaining
// whole periods at once (PcControllerIdle.cpp): the commands and counts are
// those of the replay, without the replay's cost.
#include <deque>
#include <limits>
#include <vector>

#include "timing/memory/ControllerPolicy.h"
#include "timing/memory/Scheduler.h"
#include "timing/memory/TimingChecker.h"

namespace vgm::memory {

struct Completion {
    uint64_t tag;
    bool write;
    Cycle issued;  // RD/WR command cycle
    Cycle done;    // last data beat
    uint8_t rowState;
    uint32_t rank = 0;  // pseudo-channel within the controller
    uint32_t bank = 0;  // MemRequest::bank
};

struct PcCounters {
    uint64_t commands[kCommands] = {};
    uint64_t reads = 0, writes = 0;  // bursts
    uint64_t rowHits = 0, rowMisses = 0, rowConflicts = 0;
    uint64_t dataBusyCycles = 0;     // cycles the data bus carried data
    uint64_t refreshBusyCycles = 0;  // tRFC / tRFCSB summed
};

class PcController {
public:
    static constexpr Cycle kNever = std::numeric_limits<Cycle>::max();

    PcController(const MemSpec& spec, const ControllerPolicy& policy, uint32_t ranks = 1);

    // True when `bank`'s buffer has a slot and nothing was accepted at `now`.
    bool canAccept(uint32_t bank, Cycle now) const;
    // Call runUntil(now) first. Enqueues at `now` (eligible at `now`).
    // `more`: a further burst of a request accepted in this cycle (no room check).
    void accept(MemRequest req, Cycle now, bool more = false);
    size_t queued(uint32_t bank) const { return queues_[bank].size(); }
    size_t queuedTotal() const { return queued_; }

    Cycle nextEvent() const;  // kNever when idle and refresh off
    // Issues every command at cycles < end; completions appended to `out`.
    void runUntil(Cycle end, std::vector<Completion>& out);
    bool hasRequests() const { return queued_ > 0; }
    Cycle now() const { return now_; }

    const PcCounters& counters(uint32_t rank = 0) const { return counters_[rank]; }
    uint32_t ranks() const { return ranks_; }
    // When set, every issued command is appended (tests compare these; the
    // commands of skipped idle periods are written out too).
    void setCommandLog(std::vector<IssuedCommand>* log) { log_ = log; }
    // Idle tCK crossed by the fast-forward instead of a replay.
    uint64_t skippedCycles() const { return skipped_; }

private:
    struct Candidate {
        Command cmd;
        uint32_t bank;
        int index;  // request index in the bank queue, -1 for refresh
        Cycle at;
    };
    bool candidateFor(uint32_t bank, Candidate& c) const;
    void computeCandidates() const;  // refreshes stale cand_ (at = raw earliest, not clamped to now_)
    void invalidateAll() { std::fill(stale_.begin(), stale_.end(), kChoiceStale), candValid_ = false; }
    // A bank's cached candidate: fresh; only its earliest cycle may have moved;
    // or its request/command choice must be redone (queue, row or refresh changed).
    enum : uint8_t { kFresh, kTimeStale, kChoiceStale };
    bool refreshCandidate(Candidate& c) const;
    uint32_t rankOf(uint32_t bank) const { return bank / spec_.banks; }
    bool bankBlocked(uint32_t bank) const;
    // Row-bus priority of candidate a (request seq aSeq) over b.
    bool rowBefore(const Candidate& a, uint64_t aSeq, const Candidate& b, uint64_t bSeq, Cycle t) const;
    void issueAt(Cycle t, std::vector<Completion>& out);
    void runPlain(Cycle end, std::vector<Completion>& out);  // runUntil without the fast-forward
    // Idle fast-forward at event cycle t (PcControllerIdle.cpp); true if it moved now_.
    bool skipIdle(Cycle t, Cycle end, std::vector<Completion>& out);
    void idleState(Cycle now, std::vector<Cycle>& out) const;
    Cycle refreshPeriod() const;
    void issue(const Candidate& c, Cycle t, std::vector<Completion>& out);

    const MemSpec& spec_;
    ControllerPolicy policy_;
    TimingChecker checker_;
    std::vector<std::deque<MemRequest>> queues_;  // per bank
    uint32_t ranks_, banks_;                      // banks_ over all ranks
    std::vector<int64_t> openRow_;                // -1 closed
    std::vector<Cycle> actCycle_;
    uint32_t queued_ = 0;
    uint64_t seq_ = 0;
    Cycle now_ = 0, lastAccept_ = -1;
    struct RankRefresh {
        Cycle due = kNever;
        bool pending = false;
        uint32_t bank = 0;  // per-bank refresh: next bank (within the rank)
        uint32_t openBanks = 0;
    };
    std::vector<RankRefresh> ref_;
    uint32_t pendingRanks_ = 0;
    std::vector<PcCounters> counters_;  // per rank
    std::vector<IssuedCommand>* log_ = nullptr;
    uint64_t skipped_ = 0;
    std::vector<Cycle> idleBefore_, idleAfter_;  // skipIdle scratch
    // Candidates of every bank. A bank's entry goes stale when its queue or
    // row changes, or a command that can move its earliest cycle issues.
    // Banks with a non-empty queue (bit per bank): the per-cycle scans visit only these.
    std::vector<uint64_t> active_;
    template <class F>
    void forActive(F f) const {
        for (size_t w = 0; w < active_.size(); ++w)
            for (uint64_t m = active_[w]; m; m &= m - 1) f(uint32_t(w * 64 + uint32_t(__builtin_ctzll(m))));
    }
    mutable std::vector<Candidate> cand_;
    mutable std::vector<uint8_t> hasCand_, stale_;
    mutable Cycle candMin_ = kNever;
    mutable bool candValid_ = false;
};

}  // namespace vgm::memory
