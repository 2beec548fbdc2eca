#include "timing/memory/PcController.h"

#include <algorithm>
#include <stdexcept>

namespace vgm::memory {

PcController::PcController(const MemSpec& spec, const ControllerPolicy& policy, uint32_t ranks)
    : spec_(spec),
      policy_(policy),
      checker_(spec, ranks),
      queues_(spec.banks * ranks),
      ranks_(ranks),
      banks_(spec.banks * ranks),
      openRow_(banks_, -1),
      actCycle_(banks_, TimingChecker::kLongAgo),
      ref_(ranks),
      counters_(ranks),
      active_((size_t(spec.banks) * ranks + 63) / 64, 0),
      cand_(banks_),
      hasCand_(banks_, 0),
      stale_(banks_, kChoiceStale) {
    for (uint32_t k = 0; k < ranks; ++k) {
        const Cycle every = policy.refresh == ControllerPolicy::Refresh::AllBank ? spec.tREFI : spec.tREFISB;
        if (policy.refresh != ControllerPolicy::Refresh::None)
            ref_[k].due = ControllerPolicy::firstRefresh(every, k, ranks, policy.staggerRefresh);
    }
}

bool PcController::canAccept(uint32_t bank, Cycle now) const {
    if (now <= lastAccept_) return false;  // one request per tCK
    return policy_.bankwiseBuffer ? queues_[bank].size() < policy_.depth : queued_ < policy_.depth;
}

void PcController::accept(MemRequest req, Cycle now, bool more) {
    if (now < now_ || (!more && !canAccept(req.bank, now))) throw std::logic_error("PcController::accept out of order or full");
    req.arrival = now;
    req.seq = seq_++;
    queues_[req.bank].push_back(req);
    active_[req.bank / 64] |= uint64_t(1) << (req.bank % 64);
    ++queued_;
    stale_[req.bank] = kChoiceStale;
    candValid_ = false;
    lastAccept_ = now;
}

bool PcController::bankBlocked(uint32_t bank) const {
    if (!pendingRanks_) return false;
    const RankRefresh& r = ref_[rankOf(bank)];
    return r.pending && (policy_.refresh == ControllerPolicy::Refresh::AllBank || bank % spec_.banks == r.bank);
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
    forActive([this](uint32_t b) {  // a bank with an empty queue has no candidate (hasCand_ 0)
        if (stale_[b] == kChoiceStale)
            hasCand_[b] = candidateFor(b, cand_[b]);
        else if (stale_[b] == kTimeStale && hasCand_[b])
            cand_[b].at = checker_.earliest(cand_[b].cmd, b);
        stale_[b] = kFresh;
        if (hasCand_[b]) candMin_ = std::min(candMin_, cand_[b].at);
    });
    candValid_ = true;
}

// The refresh step of the lowest pending rank (PREA/PRE first if rows are open).
bool PcController::refreshCandidate(Candidate& c) const {
    if (!pendingRanks_) return false;
    uint32_t k = 0;
    while (!ref_[k].pending) ++k;
    c.index = -1;
    if (policy_.refresh == ControllerPolicy::Refresh::AllBank) {
        c.bank = k * spec_.banks;
        c.cmd = ref_[k].openBanks ? Command::PREA : Command::REFab;
    } else {
        c.bank = k * spec_.banks + ref_[k].bank;
        c.cmd = openRow_[c.bank] >= 0 ? Command::PRE : Command::REFpb;
    }
    c.at = std::max(now_, checker_.earliest(c.cmd, c.bank));
    return true;
}

Cycle PcController::nextEvent() const {
    Cycle t = kNever;
    for (const RankRefresh& r : ref_)
        if (!r.pending) t = std::min(t, std::max(now_, r.due));
    Candidate c;
    if (refreshCandidate(c)) t = std::min(t, c.at);
    if (!candValid_) computeCandidates();
    if (candMin_ != kNever) t = std::min(t, std::max(now_, candMin_));
    return t;
}

void PcController::runUntil(Cycle end, std::vector<Completion>& out) {
    for (Cycle t = nextEvent(); t < end; t = nextEvent()) {
        if (!queued_ && skipIdle(t, end, out)) continue;
        issueAt(t, out);
        now_ = t + 1;
    }
    now_ = std::max(now_, end);
}

void PcController::runPlain(Cycle end, std::vector<Completion>& out) {
    for (Cycle t = nextEvent(); t < end; t = nextEvent()) {
        issueAt(t, out);
        now_ = t + 1;
    }
    now_ = std::max(now_, end);
}

bool PcController::rowBefore(const Candidate& a, uint64_t aSeq, const Candidate& b, uint64_t bSeq, Cycle t) const {
    if (policy_.shortRowCommandFirst) {
        auto end = [&](const Candidate& x) { return std::max(x.at, t) + (x.cmd == Command::ACT ? spec_.actCycles : 1); };
        if (end(a) != end(b)) return end(a) < end(b);
    }
    return aSeq < bSeq;
}

// One cycle: a due refresh blocks new work; then at most one column command
// and one row command (separate HBM buses), each the oldest legal candidate.
void PcController::issueAt(Cycle t, std::vector<Completion>& out) {
    now_ = t;
    for (RankRefresh& r : ref_)
        if (!r.pending && t >= r.due) r.pending = true, ++pendingRanks_, invalidateAll();
    Candidate col{}, row{}, c{};
    bool haveCol = false, haveRow = false;
    uint64_t colSeq = 0, rowSeq = 0;
    if (!candValid_) computeCandidates();
    const bool mux = policy_.shortRowCommandFirst;  // DRAMSys: row bus by (ready + length, age), ready or not
    if (candMin_ <= t)
        forActive([&](uint32_t b) {
            if (!hasCand_[b] || (cand_[b].at > t && (!mux || isColumn(cand_[b].cmd)))) return;
            c = cand_[b];
            uint64_t seq = queues_[b][size_t(c.index)].seq;
            if (isColumn(c.cmd)) {
                if (!haveCol || seq < colSeq) col = c, colSeq = seq, haveCol = true;
            } else if (!haveRow || rowBefore(c, seq, row, rowSeq, t)) {
                row = c, rowSeq = seq, haveRow = true;
            }
        });
    if (refreshCandidate(c)) {  // refresh outranks requests (ready, or with mux ending no later)
        if (c.at <= t || (mux && haveRow && !rowBefore(row, rowSeq, c, 0, t))) row = c, haveRow = true;
    }
    if (haveCol) issue(col, t, out);
    if (haveRow && row.at <= t) issue(row, t, out);  // mux: an earlier-ending row command not ready yet blocks
}

void PcController::issue(const Candidate& c, Cycle t, std::vector<Completion>& out) {
    candValid_ = false;
    if (c.cmd == Command::PREA || c.cmd == Command::REFab || c.cmd == Command::REFpb) {
        invalidateAll();  // rows or the refresh-blocked bank change
    } else {
        stale_[c.bank] = kChoiceStale;
        forActive([&](uint32_t b) {
            if (hasCand_[b] && stale_[b] == kFresh && checker_.affectsOthers(c.cmd, cand_[b].cmd))
                stale_[b] = kTimeStale;
        });
    }
    checker_.record(c.cmd, c.bank, t);
    PcCounters& k = counters_[rankOf(c.bank)];
    ++k.commands[int(c.cmd)];
    bool autoPre = isColumn(c.cmd) && !policy_.openPage;
    if (log_) log_->push_back(IssuedCommand{t, c.cmd, c.bank, autoPre});
    switch (c.cmd) {
        case Command::ACT:
            openRow_[c.bank] = queues_[c.bank][size_t(c.index)].row;
            actCycle_[c.bank] = t + spec_.actCycles - 1;
            ++ref_[rankOf(c.bank)].openBanks;
            if (queues_[c.bank][size_t(c.index)].rowState == 0) queues_[c.bank][size_t(c.index)].rowState = 1;
            break;
        case Command::PRE:
            openRow_[c.bank] = -1;
            --ref_[rankOf(c.bank)].openBanks;
            if (c.index >= 0) queues_[c.bank][size_t(c.index)].rowState = 2;
            break;
        case Command::PREA: {
            const uint32_t first = rankOf(c.bank) * spec_.banks;
            std::fill(openRow_.begin() + first, openRow_.begin() + first + spec_.banks, -1);
            ref_[rankOf(c.bank)].openBanks = 0;
            break;
        }
        case Command::REFab:
        case Command::REFpb: {
            bool all = c.cmd == Command::REFab;
            RankRefresh& r = ref_[rankOf(c.bank)];
            k.refreshBusyCycles += uint64_t(all ? spec_.tRFC : spec_.tRFCSB);
            r.pending = false;
            --pendingRanks_;
            r.due += all ? spec_.tREFI : spec_.tREFISB;
            if (!all) r.bank = (r.bank + 1) % spec_.banks;
            break;
        }
        case Command::RD:
        case Command::WR: {
            auto& q = queues_[c.bank];
            MemRequest r = q[size_t(c.index)];
            q.erase(q.begin() + c.index);
            --queued_;
            if (q.empty()) hasCand_[c.bank] = 0, active_[c.bank / 64] &= ~(uint64_t(1) << (c.bank % 64));
            bool wr = c.cmd == Command::WR;
            Cycle done = t + (wr ? spec_.writeLatency() : spec_.readLatency());
            out.push_back(Completion{r.tag, wr, t, done, r.rowState, rankOf(c.bank), c.bank});
            (wr ? k.writes : k.reads)++;
            (r.rowState == 0 ? k.rowHits : r.rowState == 1 ? k.rowMisses : k.rowConflicts)++;
            k.dataBusyCycles += uint64_t(spec_.burstCycles());
            if (autoPre) {
                Cycle ready = wr ? t + spec_.writeLatency() + spec_.tWR : t + spec_.tRTP;
                checker_.recordImplicitPrecharge(c.bank, std::max(ready, actCycle_[c.bank] + spec_.tRAS));
                openRow_[c.bank] = -1;
                --ref_[rankOf(c.bank)].openBanks;
            }
            break;
        }
        default:
            break;
    }
}

}  // namespace vgm::memory
