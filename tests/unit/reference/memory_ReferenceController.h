#pragma once
// Clock-stepped reference for the HBM channel controller: every tCK it
// offers requests, then tries every bank's next command and checks it
// against the whole recent command history, pair by pair, straight from the
// memspec definitions. `ranks` pseudo-channels share one row and one column
// command bus; an ACT holds the row bus for actCycles and its constraints
// count from its last cycle. Slow and obvious on purpose; PcController must
// give the same command timestamps.
#include <algorithm>
#include <deque>
#include <vector>

#include "timing/memory/Command.h"
#include "timing/memory/ControllerPolicy.h"

namespace vgm::test {

using memory::Command;
using memory::Cycle;
using memory::IssuedCommand;

struct RefRequest {
    Cycle cycle;  // offered at
    bool write;
    uint32_t bank, row;  // bank: rank x banks + bank
};

struct RefDone {
    size_t index;  // into the request stream
    Cycle issued, done;
};

class ReferenceController {
public:
    ReferenceController(const memory::MemSpec& s, const memory::ControllerPolicy& p, uint32_t ranks = 1)
        : s_(s), p_(p), ranks_(ranks) {
        queues_.resize(s.banks * ranks);
        openRow_.assign(s.banks * ranks, -1);
        actAt_.assign(s.banks * ranks, -1000000);
        refreshEvery_ = p.refresh == memory::ControllerPolicy::Refresh::PerBank ? s.tREFISB : s.tREFI;
        due_.assign(ranks, -1);
        for (uint32_t k = 0; k < ranks && p.refresh != memory::ControllerPolicy::Refresh::None; ++k)
            due_[k] = p.staggerRefresh && ranks == 2 && k == 1 ? refreshEvery_ - refreshEvery_ / 2 : refreshEvery_;
        pending_.assign(ranks, false);
        refBank_.assign(ranks, 0);
    }

    // Steps cycles [0, end) over the stream; returns issued commands.
    std::vector<IssuedCommand> run(const std::vector<RefRequest>& reqs, Cycle end, std::vector<RefDone>& done) {
        size_t next = 0;
        for (Cycle t = 0; t < end; ++t) {
            for (uint32_t k = 0; k < ranks_; ++k)
                if (due_[k] >= 0 && t >= due_[k]) pending_[k] = true;
            if (next < reqs.size() && reqs[next].cycle <= t && hasRoom(reqs[next].bank)) {
                queues_[reqs[next].bank].push_back(Entry{next, reqs[next], seq_++});
                ++next;
            }
            step(t, reqs, done);
        }
        return log_;
    }

private:
    struct Entry {
        size_t index;
        RefRequest r;
        uint64_t seq;
    };
    struct Past {
        Cycle at;
        Command cmd;
        uint32_t bank;
        bool onBus;
    };

    bool hasRoom(uint32_t bank) const {
        size_t n = 0;
        for (const auto& q : queues_) n += q.size();
        return p_.bankwiseBuffer ? queues_[bank].size() < p_.depth : n < p_.depth;
    }

    // Minimum distance from `a` to `b` that the memspec requires (kNoRule = none).
    Cycle gap(const Past& a, Command b, uint32_t bank) const {
        const bool sameRank = a.bank / s_.banks == bank / s_.banks;
        if (!sameRank) return kNoRule;  // pseudo-channels only share the command buses
        bool sameBank = a.bank == bank, sameGroup = s_.bankGroupOf(a.bank % s_.banks) == s_.bankGroupOf(bank % s_.banks);
        Cycle wrEnd = s_.WL + s_.burstLength / s_.dataRate;
        Cycle g = kNoRule;
        auto need = [&](bool cond, Cycle d) {
            if (cond) g = std::max(g, d);
        };
        switch (b) {
            case Command::ACT:
                if (a.cmd == Command::ACT) {
                    need(sameBank, s_.tRC);
                    need(sameGroup, s_.tRRDL);
                    need(true, s_.tRRDS);
                }
                if (a.cmd == Command::PRE) need(sameBank, s_.tRP);
                if (a.cmd == Command::PREA) need(true, s_.tRP);
                if (a.cmd == Command::REFab) need(true, s_.tRFC);
                if (a.cmd == Command::REFpb) {
                    need(sameBank, s_.tRFCSB);
                    need(sameGroup, s_.tRRDL);
                    need(true, s_.tRREFD);
                }
                break;
            case Command::RD:
                if (a.cmd == Command::ACT) need(sameBank, s_.tRCDRD);
                if (a.cmd == Command::RD) {
                    need(sameGroup, s_.tCCDL);
                    need(true, s_.tCCDS);
                }
                if (a.cmd == Command::WR) {
                    need(sameGroup, wrEnd + s_.tWTRL);
                    need(true, wrEnd + s_.tWTRS);
                }
                break;
            case Command::WR:
                if (a.cmd == Command::ACT) need(sameBank, s_.tRCDWR);
                if (a.cmd == Command::WR) {
                    need(sameGroup, s_.tCCDL);
                    need(true, s_.tCCDS);
                }
                if (a.cmd == Command::RD) need(true, s_.tRTW);
                break;
            case Command::PRE:
                if (a.cmd == Command::ACT) need(sameBank, s_.tRAS);
                if (a.cmd == Command::RD) need(sameBank, s_.tRTP);
                if (a.cmd == Command::WR) need(sameBank, wrEnd + s_.tWR);
                break;
            case Command::PREA:
                if (a.cmd == Command::ACT) need(true, s_.tRAS);
                if (a.cmd == Command::RD) need(true, s_.tRTP);
                if (a.cmd == Command::WR) need(true, wrEnd + s_.tWR);
                if (a.cmd == Command::REFpb) need(true, s_.tRFCSB);
                break;
            case Command::REFab:
                if (a.cmd == Command::ACT) need(true, s_.tRC);
                if (a.cmd == Command::PRE || a.cmd == Command::PREA) need(true, s_.tRP);
                if (a.cmd == Command::REFab) need(true, s_.tRFC);
                if (a.cmd == Command::REFpb) need(true, s_.tRFCSB);
                break;
            case Command::REFpb:
                if (a.cmd == Command::ACT) {
                    need(sameBank, s_.tRC);
                    need(sameGroup, s_.tRRDL);
                    need(true, s_.tRRDS);
                }
                if (a.cmd == Command::PRE) need(sameBank, s_.tRP);
                if (a.cmd == Command::PREA) need(true, s_.tRP);
                if (a.cmd == Command::REFab) need(true, s_.tRFC);
                if (a.cmd == Command::REFpb) {
                    need(sameBank, s_.tRFCSB);
                    need(true, s_.tRREFD);
                }
                break;
            default:
                break;
        }
        return g;
    }

    Cycle last(Command c, Cycle start) const { return c == Command::ACT ? start + s_.actCycles - 1 : start; }

    // dramsys mux: the cycle in [t, t + actCycles) at which c becomes legal, -1 if later
    // (a command legal only later than that can neither win nor block the row bus at t).
    Cycle readyWithin(Command c, uint32_t bank, Cycle t) const {
        for (Cycle d = 0; d < s_.actCycles; ++d)
            if (legal(c, bank, t + d)) return t + d;
        return -1;
    }

    bool legal(Command c, uint32_t bank, Cycle t) const {
        int activates = 0;
        const Cycle te = last(c, t);
        for (const Past& a : history_) {
            const Cycle ae = a.onBus ? last(a.cmd, a.at) : a.at;
            if (a.onBus && a.at <= t && t <= ae && memory::isColumn(a.cmd) == memory::isColumn(c)) return false;
            if (te < ae + gap(a, c, bank)) return false;
            bool actLike = a.cmd == Command::ACT || a.cmd == Command::REFpb;
            if (actLike && a.bank / s_.banks == bank / s_.banks && ae > te - s_.tFAW) ++activates;
        }
        return !((c == Command::ACT || c == Command::REFpb) && activates >= 4);
    }

    void step(Cycle t, const std::vector<RefRequest>& reqs, std::vector<RefDone>& done) {
        // Forget history that can no longer matter (longest rule is below 4096 tCK in tests).
        while (!history_.empty() && history_.front().at < t - 4096) history_.pop_front();
        int colBank = -1, rowBank = -1;
        Command colCmd = Command::RD, rowCmd = Command::ACT;
        uint64_t colSeq = ~0ull, rowSeq = ~0ull;
        size_t colIdx = 0, rowIdx = 0;
        Cycle rowAt = t, rowEnd = 0;  // dramsys mux: the picked row command's ready and end cycles
        for (uint32_t b = 0; b < s_.banks * ranks_; ++b) {
            auto& q = queues_[b];
            const uint32_t k = b / s_.banks;
            bool blocked = pending_[k] && (p_.refresh == memory::ControllerPolicy::Refresh::AllBank || b % s_.banks == refBank_[k]);
            if (q.empty() || blocked) continue;
            size_t pick = 0;
            if (p_.scheduler == memory::ControllerPolicy::Scheduler::FrFcfs && openRow_[b] >= 0)
                for (size_t i = q.size(); i-- > 0;)
                    if (int64_t(q[i].r.row) == openRow_[b]) pick = i;
            const RefRequest& r = q[pick].r;
            Command c = openRow_[b] < 0                 ? Command::ACT
                        : openRow_[b] != int64_t(r.row) ? Command::PRE
                        : r.write                       ? Command::WR
                                                        : Command::RD;
            bool col = memory::isColumn(c);
            if (!col && p_.shortRowCommandFirst) {  // DRAMSys mux: by (ready cycle + length, age), ready or not
                Cycle at = readyWithin(c, b, t);
                if (at < 0) continue;
                Cycle end = at + (c == Command::ACT ? s_.actCycles : 1);
                if (rowBank < 0 || end < rowEnd || (end == rowEnd && q[pick].seq < rowSeq))
                    rowSeq = q[pick].seq, rowBank = int(b), rowCmd = c, rowIdx = pick, rowAt = at, rowEnd = end;
                continue;
            }
            if (!legal(c, b, t)) continue;
            if (col && q[pick].seq < colSeq) colSeq = q[pick].seq, colBank = int(b), colCmd = c, colIdx = pick;
            if (!col && q[pick].seq < rowSeq) rowSeq = q[pick].seq, rowBank = int(b), rowCmd = c, rowIdx = pick;
        }
        for (uint32_t k = 0; k < ranks_; ++k) {  // the lowest pending rank refreshes first
            if (!pending_[k]) continue;
            bool all = p_.refresh == memory::ControllerPolicy::Refresh::AllBank;
            const uint32_t first = k * s_.banks;
            bool anyOpen = std::any_of(openRow_.begin() + first, openRow_.begin() + first + s_.banks,
                                       [](int64_t r) { return r >= 0; });
            Command c = all ? (anyOpen ? Command::PREA : Command::REFab)
                            : (openRow_[first + refBank_[k]] >= 0 ? Command::PRE : Command::REFpb);
            uint32_t b = all ? first : first + refBank_[k];
            if (p_.shortRowCommandFirst) {  // the oldest of all: wins unless a request ends strictly sooner
                Cycle at = readyWithin(c, b, t);
                if (at >= 0 && (rowBank < 0 || at + 1 <= rowEnd)) rowBank = int(b), rowCmd = c, rowIdx = size_t(-1), rowAt = at;
            } else if (legal(c, b, t)) {
                rowBank = int(b), rowCmd = c, rowIdx = size_t(-1);
            }
            break;
        }
        if (colBank >= 0) doColumn(t, uint32_t(colBank), colCmd, colIdx, done);
        if (rowBank >= 0 && rowAt == t) doRow(t, uint32_t(rowBank), rowCmd, rowIdx);
        (void)reqs;
    }

    void doColumn(Cycle t, uint32_t b, Command c, size_t idx, std::vector<RefDone>& done) {
        bool autoPre = !p_.openPage;
        history_.push_back(Past{t, c, b, true});
        log_.push_back(IssuedCommand{t, c, b, autoPre});
        bool wr = c == Command::WR;
        Cycle burst = s_.burstLength / s_.dataRate;
        done.push_back(RefDone{queues_[b][idx].index, t, t + (wr ? s_.WL + burst : s_.RL + s_.tDQSCK + burst)});
        queues_[b].erase(queues_[b].begin() + long(idx));
        if (autoPre) {
            Cycle pre = wr ? t + s_.WL + burst + s_.tWR : t + s_.tRTP;
            pre = std::max(pre, actAt_[b] + s_.tRAS);
            history_.push_back(Past{pre, Command::PRE, b, false});
            openRow_[b] = -1;
        }
    }

    void doRow(Cycle t, uint32_t b, Command c, size_t idx) {
        history_.push_back(Past{t, c, b, true});
        log_.push_back(IssuedCommand{t, c, b, false});
        const uint32_t k = b / s_.banks;
        if (c == Command::ACT) openRow_[b] = queues_[b][idx].r.row, actAt_[b] = last(c, t);
        if (c == Command::PRE) openRow_[b] = -1;
        if (c == Command::PREA) std::fill(openRow_.begin() + k * s_.banks, openRow_.begin() + (k + 1) * s_.banks, -1);
        if (c == Command::REFab || c == Command::REFpb) {
            pending_[k] = false;
            due_[k] += refreshEvery_;
            if (c == Command::REFpb) refBank_[k] = (refBank_[k] + 1) % s_.banks;
        }
    }

    static constexpr Cycle kNoRule = -(Cycle(1) << 50);
    const memory::MemSpec& s_;
    memory::ControllerPolicy p_;
    std::vector<std::deque<Entry>> queues_;
    std::vector<int64_t> openRow_;
    std::vector<Cycle> actAt_;
    std::deque<Past> history_;
    std::vector<IssuedCommand> log_;
    uint32_t ranks_;
    uint64_t seq_ = 0;
    Cycle refreshEvery_ = 0;
    std::vector<Cycle> due_;
    std::vector<bool> pending_;
    std::vector<uint32_t> refBank_;
};

}  // namespace vgm::test
