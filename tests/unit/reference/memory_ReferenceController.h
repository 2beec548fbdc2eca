#pragma once
// Clock-stepped reference for the HBM pseudo-channel controller: every tCK it
// offers requests, then tries every bank's next command and checks it
// against the whole recent command history, pair by pair, straight from the
// memspec definitions. Slow and obvious on purpose; PcController must give
// the same command timestamps.
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
    uint32_t bank, row;
};

struct RefDone {
    size_t index;  // into the request stream
    Cycle issued, done;
};

class ReferenceController {
public:
    ReferenceController(const memory::MemSpec& s, const memory::ControllerPolicy& p) : s_(s), p_(p) {
        queues_.resize(s.banks);
        openRow_.assign(s.banks, -1);
        actAt_.assign(s.banks, -1000000);
        refreshEvery_ = p.refresh == memory::ControllerPolicy::Refresh::PerBank ? s.tREFISB : s.tREFI;
        due_ = p.refresh == memory::ControllerPolicy::Refresh::None ? -1 : refreshEvery_;
    }

    // Steps cycles [0, end) over the stream; returns issued commands.
    std::vector<IssuedCommand> run(const std::vector<RefRequest>& reqs, Cycle end, std::vector<RefDone>& done) {
        size_t next = 0;
        for (Cycle t = 0; t < end; ++t) {
            if (due_ >= 0 && t >= due_) pending_ = true;
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
        bool sameBank = a.bank == bank, sameGroup = s_.bankGroupOf(a.bank) == s_.bankGroupOf(bank);
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

    bool legal(Command c, uint32_t bank, Cycle t) const {
        int activates = 0;
        for (const Past& a : history_) {
            if (a.onBus && a.at == t && memory::isColumn(a.cmd) == memory::isColumn(c)) return false;
            if (t < a.at + gap(a, c, bank)) return false;
            bool actLike = a.cmd == Command::ACT || a.cmd == Command::REFpb;
            if (actLike && a.at > t - s_.tFAW) ++activates;
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
        for (uint32_t b = 0; b < s_.banks; ++b) {
            auto& q = queues_[b];
            bool blocked = pending_ && (p_.refresh == memory::ControllerPolicy::Refresh::AllBank || b == refBank_);
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
            if (!legal(c, b, t)) continue;
            bool col = memory::isColumn(c);
            if (col && q[pick].seq < colSeq) colSeq = q[pick].seq, colBank = int(b), colCmd = c, colIdx = pick;
            if (!col && q[pick].seq < rowSeq) rowSeq = q[pick].seq, rowBank = int(b), rowCmd = c, rowIdx = pick;
        }
        if (pending_) {
            bool all = p_.refresh == memory::ControllerPolicy::Refresh::AllBank;
            bool anyOpen = std::any_of(openRow_.begin(), openRow_.end(), [](int64_t r) { return r >= 0; });
            Command c = all ? (anyOpen ? Command::PREA : Command::REFab)
                            : (openRow_[refBank_] >= 0 ? Command::PRE : Command::REFpb);
            uint32_t b = all ? 0 : refBank_;
            if (legal(c, b, t)) rowBank = int(b), rowCmd = c, rowIdx = size_t(-1);
        }
        if (colBank >= 0) doColumn(t, uint32_t(colBank), colCmd, colIdx, done);
        if (rowBank >= 0) doRow(t, uint32_t(rowBank), rowCmd, rowIdx);
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
        if (c == Command::ACT) openRow_[b] = queues_[b][idx].r.row, actAt_[b] = t;
        if (c == Command::PRE) openRow_[b] = -1;
        if (c == Command::PREA) std::fill(openRow_.begin(), openRow_.end(), -1);
        if (c == Command::REFab || c == Command::REFpb) {
            pending_ = false;
            due_ += refreshEvery_;
            if (c == Command::REFpb) refBank_ = (refBank_ + 1) % s_.banks;
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
    uint64_t seq_ = 0;
    Cycle due_ = -1, refreshEvery_ = 0;
    bool pending_ = false;
    uint32_t refBank_ = 0;
};

}  // namespace vgm::test
