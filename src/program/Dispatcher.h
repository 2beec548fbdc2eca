#pragma once
// The ZSS's bookkeeping in plain C++: the command window (lowered lazily,
// operator by operator), the stream heads, dependencies, buffer occupancy and
// unit credits, following the rules in Program.h. The SystemC ZSS calls
// retire() for each completion at a cycle, then dispatch(), and sends what it
// returns over TLM; unitState() is each unit's class for the cycles until the
// next completion.
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

#include "program/HoldTable.h"
#include "program/Program.h"
#include "program/StableQueue.h"

namespace vgm::program {

enum class UnitClass : uint8_t { Busy, Idle, StallInput, StallOutput, StallBuffer };

class Dispatcher {
public:
    // `lower(out, base, nextOp)` appends the next lowering group's commands
    // (program index base + k for out[k]; all with the same `op`), sets
    // nextOp to the `op` the group after it will have, and returns false when
    // nothing is left.
    using Source = std::function<bool(std::vector<Command>& out, uint64_t base, uint64_t& nextOp)>;
    Dispatcher(const Machine& m, Source lower);

    struct Issue {
        uint64_t index = 0;
        const Command* cmd = nullptr;
        uint32_t unit = 0;
    };
    // A command ended at `cycle`: done, its freed buffer bytes return.
    void retire(uint64_t index, uint32_t unit);
    // Dispatches what the rules allow at this cycle (after all retirements of it).
    void dispatch(std::vector<Issue>& out);
    UnitClass unitState(uint32_t unit) const { return state_[unit]; }
    // Units whose class the last dispatch() may have changed (the others kept theirs).
    const std::vector<uint32_t>& touched() const { return classified_; }
    bool finished() const { return exhausted_ && window_.empty(); }
    // Buffer holds still open (after a finished run: acquires whose users never all retired).
    size_t holds() const { return allocs_.size(); }
    uint64_t outstanding() const { return outstandingTotal_; }
    uint64_t lowered() const { return base_ + window_.size(); }
    // Why nothing can move (for a deadlock error): the blocked stream heads.
    std::string blockedReport() const;

private:
    struct Entry {
        Command cmd;
        bool done = false;
        uint32_t depRange = 0, depOffset = 0;  // dependencies verified so far
    };
    struct Alloc {
        Buffer buffer = Buffer::None;
        uint64_t bytes = 0;
        uint32_t users = 0;
    };
    struct OpSpan {  // one lowering group
        uint64_t op = 0, first = 0, count = 0, left = 0;
    };
    enum class Head : uint8_t { None, Deps, Buffer, Queue };
    struct Wait {  // what a blocked stream head waits for
        enum Kind : uint8_t { None, Dep, Span, Buffer, Queue } kind = None;
        uint64_t dep = 0;  // Dep: command index; Span: one past its end; Buffer: buffer index
        uint64_t gen = 0;  // Buffer: freed_ count when it was blocked; Queue: the stream's roomGen_
        const OpSpan* span = nullptr;
    };
    bool stillBlocked(uint32_t s) const {
        // A head re-checked only when what it waited for may have changed (most wake-ups change nothing for it).
        const Wait& w = wait_[s];
        switch (w.kind) {
        case Wait::Dep: return !isDone(w.dep);
        case Wait::Span: return w.dep > base_ && w.span->left > 0;  // a span is dropped only once base_ passed it
        case Wait::Buffer: return freed_[w.dep] == w.gen;
        // No unit of the stream has retired a command: all its eligible units are still full (and
        // busy, so re-checking the head's buffer could not change any unit's class either).
        case Wait::Queue: return roomGen_[s] == w.gen;
        default: return false;
        }
    }
    // Done flags and operators of the window in dense rings: dependency checks touch only these.
    bool isDone(uint64_t i) const { return i < base_ || doneRing_[i & mask_]; }
    void grow();
    bool depsDone(Entry& e, Wait& w);
    bool rangeDone(const DepRange& r, uint32_t& offset, Wait& w) const;
    void fill();
    void classify();
    void dispatchStream(uint32_t s, std::vector<Issue>& out);
    int64_t target(uint32_t s, const Command& c) const;  // a unit of stream s with room for c, or -1
    // Machine::eligible and nominalCycles from per-unit arrays (the pool asks for every command).
    bool eligible(uint32_t u, timing::Precision p) const { return (unitPrec_[u] >> unsigned(p)) & 1u; }
    uint64_t work(uint32_t u, const Command& c) const {
        return c.groupCycles.empty() ? c.cycles : c.groupCycles[unitGroup_[u]];
    }
    void touch(uint32_t u) {
        if (!dirty_[u]) dirty_[u] = 1, touched_.push_back(u);
    }

    const Machine& m_;
    Source lower_;
    StableQueue<Entry> window_;  // stable addresses: units hold pointers to running commands
    std::vector<uint8_t> doneRing_;
    std::vector<OpSpan*> spanRing_;  // each window command's lowering group
    uint64_t mask_ = 0;
    uint64_t base_ = 0;
    bool exhausted_ = false;
    uint64_t nextOp_ = 0;  // `op` of the next group to lower
    std::vector<Command> scratch_;
    std::vector<std::deque<uint64_t>> heads_;  // per stream: undispatched, in order
    std::vector<Head> headState_;
    std::vector<Wait> wait_;
    std::vector<timing::Precision> headPrecision_;
    std::vector<Buffer> headAcquire_;
    uint64_t freed_[kBufferCount] = {};  // releases per buffer so far
    std::vector<uint64_t> outstanding_;        // per unit: dispatched - retired
    std::vector<uint64_t> work_;               // per unit: nominalCycles of its outstanding commands
    uint64_t outstandingTotal_ = 0;
    std::vector<std::vector<uint32_t>> feeds_;  // per unit: streams feeding it, in index order
    uint64_t used_[kBufferCount] = {};
    HoldTable<Alloc> allocs_;
    std::deque<OpSpan> ops_;  // lowering groups still in the window, by op
    std::vector<UnitClass> state_;
    std::vector<uint8_t> dirty_;      // per unit: in touched_
    std::vector<uint32_t> touched_;    // units to re-classify
    std::vector<uint32_t> classified_;  // the units the last classify() looked at
    std::vector<uint64_t> roomGen_;      // per stream: retirements on its units so far
    std::vector<uint64_t> nonEmpty_;     // bit per stream: heads_ not empty
    std::vector<uint32_t> unitPrec_;     // per unit: bit p = runs Precision p (all set: not a DSP group)
    std::vector<uint32_t> unitGroup_;    // per unit: its DSP group
    std::vector<uint8_t> balanced_;      // per unit: a DSP group whose queued work balanceWork tracks
};

}  // namespace vgm::program
