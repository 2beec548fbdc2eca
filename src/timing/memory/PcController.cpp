#include "timing/memory/PcController.h"

#include <algorithm>
#include <stdexcept>

namespace vgm::memory {

PcController::PcController(const MemSpec& spec, const ControllerPolicy& policy)
    : spec_(spec),
      policy_(policy),
      checker_(spec),
      queues_(spec.banks),
      openRow_(spec.banks, -1),
      actCycle_(spec.banks, TimingChecker::kLongAgo),
      cand_(spec.banks),
      hasCand_(spec.banks, 0),
      stale_(spec.banks, kChoiceStale) {
    if (policy.refresh == ControllerPolicy::Refresh::AllBank) refreshDue_ = spec.tREFI;
    if (policy.refresh == ControllerPolicy::Refresh::PerBank) refreshDue_ = spec.tREFISB;
}

bool PcController::canAccept(uint32_t bank, Cycle now) const {
    if (now <= lastAccept_) return false;  // one request per tCK
    return policy_.bankwiseBuffer ? queues_[bank].size() < policy_.depth : queued_ < policy_.depth;
}

void PcController::accept(MemRequest req, Cycle now) {
    if (now < now_ || !canAccept(req.bank, now)) throw std::logic_error("PcController::accept out of order or full");
    req.arrival = now;
    req.seq = seq_++;
    queues_[req.bank].push_back(req);
    ++queued_;
    stale_[req.bank] = kChoiceStale;
    candValid_ = false;
    lastAccept_ = now;
}

bool PcController::bankBlocked(uint32_t bank) const {
    if (!refreshPending_) return false;
    return policy_.refresh == ControllerPolicy::Refresh::AllBank || bank == refreshBank_;
}

bool PcController::candidateFor(uint32_t bank, Candidate& c) const {
    if (queues_[bank].empty() || bankBlocked(bank)) return false;
    int i = pickRequest(policy_.scheduler, queues_[bank], openRow_[bank]);
    const MemRequest& r = queues_[bank][size_t(i)];
    c.bank = bank;
    c.index = i;
    if (openRow_[bank] < 0)
        c.cmd = Command::ACT;
    else if (openRow_[bank] != int64_t(r.row))
        c.cmd = Command::PRE;
    else
        c.cmd = r.write ? Command::WR : Command::RD;
    c.at = checker_.earliest(c.cmd, bank);
    return true;
}

void PcController::computeCandidates() const {
    candMin_ = kNever;
    for (uint32_t b = 0; b < spec_.banks; ++b) {
        if (stale_[b] == kChoiceStale)
            hasCand_[b] = candidateFor(b, cand_[b]);
        else if (stale_[b] == kTimeStale && hasCand_[b])
            cand_[b].at = checker_.earliest(cand_[b].cmd, b);
        stale_[b] = kFresh;
        if (hasCand_[b]) candMin_ = std::min(candMin_, cand_[b].at);
    }
    candValid_ = true;
}

bool PcController::refreshCandidate(Candidate& c) const {
    if (!refreshPending_) return false;
    c.index = -1;
    if (policy_.refresh == ControllerPolicy::Refresh::AllBank) {
        c.bank = 0;
        c.cmd = openBanks_ ? Command::PREA : Command::REFab;
    } else {
        c.bank = refreshBank_;
        c.cmd = openRow_[refreshBank_] >= 0 ? Command::PRE : Command::REFpb;
    }
    c.at = std::max(now_, checker_.earliest(c.cmd, c.bank));
    return true;
}

Cycle PcController::nextEvent() const {
    Cycle t = refreshPending_ ? kNever : std::max(now_, refreshDue_);
    Candidate c;
    if (refreshCandidate(c)) t = std::min(t, c.at);
    if (!candValid_) computeCandidates();
    if (candMin_ != kNever) t = std::min(t, std::max(now_, candMin_));
    return t;
}

void PcController::runUntil(Cycle end, std::vector<Completion>& out) {
    for (Cycle t = nextEvent(); t < end; t = nextEvent()) {
        issueAt(t, out);
        now_ = t + 1;
    }
    now_ = std::max(now_, end);
}

// One cycle: a due refresh blocks new work; then at most one column command
// and one row command (separate HBM buses), each the oldest legal candidate.
void PcController::issueAt(Cycle t, std::vector<Completion>& out) {
    now_ = t;
    if (!refreshPending_ && t >= refreshDue_) refreshPending_ = true, invalidateAll();
    Candidate col{}, row{}, c{};
    bool haveCol = false, haveRow = false;
    uint64_t colSeq = 0, rowSeq = 0;
    if (!candValid_) computeCandidates();
    if (candMin_ <= t)
        for (uint32_t b = 0; b < spec_.banks; ++b) {
            if (!hasCand_[b] || cand_[b].at > t) continue;
            c = cand_[b];
            uint64_t seq = queues_[b][size_t(c.index)].seq;
            if (isColumn(c.cmd)) {
                if (!haveCol || seq < colSeq) col = c, colSeq = seq, haveCol = true;
            } else if (!haveRow || seq < rowSeq) {
                row = c, rowSeq = seq, haveRow = true;
            }
        }
    if (refreshCandidate(c) && c.at <= t) row = c, haveRow = true;  // refresh outranks requests
    if (haveCol) issue(col, t, out);
    if (haveRow) issue(row, t, out);
}

void PcController::issue(const Candidate& c, Cycle t, std::vector<Completion>& out) {
    candValid_ = false;
    if (c.cmd == Command::PREA || c.cmd == Command::REFab || c.cmd == Command::REFpb) {
        invalidateAll();  // rows or the refresh-blocked bank change
    } else {
        stale_[c.bank] = kChoiceStale;
        for (uint32_t b = 0; b < spec_.banks; ++b)
            if (hasCand_[b] && stale_[b] == kFresh && checker_.affectsOthers(c.cmd, cand_[b].cmd))
                stale_[b] = kTimeStale;
    }
    checker_.record(c.cmd, c.bank, t);
    ++counters_.commands[int(c.cmd)];
    bool autoPre = isColumn(c.cmd) && !policy_.openPage;
    if (log_) log_->push_back(IssuedCommand{t, c.cmd, c.bank, autoPre});
    switch (c.cmd) {
        case Command::ACT:
            openRow_[c.bank] = queues_[c.bank][size_t(c.index)].row;
            actCycle_[c.bank] = t;
            ++openBanks_;
            if (queues_[c.bank][size_t(c.index)].rowState == 0) queues_[c.bank][size_t(c.index)].rowState = 1;
            break;
        case Command::PRE:
            openRow_[c.bank] = -1;
            --openBanks_;
            if (c.index >= 0) queues_[c.bank][size_t(c.index)].rowState = 2;
            break;
        case Command::PREA:
            std::fill(openRow_.begin(), openRow_.end(), -1);
            openBanks_ = 0;
            break;
        case Command::REFab:
        case Command::REFpb: {
            bool all = c.cmd == Command::REFab;
            counters_.refreshBusyCycles += uint64_t(all ? spec_.tRFC : spec_.tRFCSB);
            refreshPending_ = false;
            refreshDue_ += all ? spec_.tREFI : spec_.tREFISB;
            if (!all) refreshBank_ = (refreshBank_ + 1) % spec_.banks;
            break;
        }
        case Command::RD:
        case Command::WR: {
            auto& q = queues_[c.bank];
            MemRequest r = q[size_t(c.index)];
            q.erase(q.begin() + c.index);
            --queued_;
            bool wr = c.cmd == Command::WR;
            Cycle done = t + (wr ? spec_.writeLatency() : spec_.readLatency());
            out.push_back(Completion{r.tag, wr, t, done, r.rowState});
            (wr ? counters_.writes : counters_.reads)++;
            (r.rowState == 0 ? counters_.rowHits : r.rowState == 1 ? counters_.rowMisses : counters_.rowConflicts)++;
            counters_.dataBusyCycles += uint64_t(spec_.burstCycles());
            if (autoPre) {
                Cycle ready = wr ? t + spec_.writeLatency() + spec_.tWR : t + spec_.tRTP;
                checker_.recordImplicitPrecharge(c.bank, std::max(ready, actCycle_[c.bank] + spec_.tRAS));
                openRow_[c.bank] = -1;
                --openBanks_;
            }
            break;
        }
        default:
            break;
    }
}

}  // namespace vgm::memory
