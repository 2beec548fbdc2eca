// Idle fast-forward of PcController. With no request queued, no refresh
// pending and every bank closed, the controller's future depends only on its
// state relative to the current cycle: the refresh dues and banks, the
// timing bounds that can still bind (TimingChecker::relativeState) and the
// open rows. skipIdle() replays one refresh period P (tREFI, or banks x
// tREFISB for per-bank refresh, after which the refreshed bank comes round
// again); if the state at its end equals the state at its start, every
// further period repeats it exactly, so k whole periods are skipped by
// moving every time k x P later and adding k times the period's command
// counts. Otherwise the period was simply replayed and the next one is tried.
#include "timing/memory/PcController.h"

namespace vgm::memory {

Cycle PcController::refreshPeriod() const {
    if (policy_.refresh == ControllerPolicy::Refresh::AllBank) return spec_.tREFI;
    if (policy_.refresh == ControllerPolicy::Refresh::PerBank) return spec_.tREFISB * Cycle(spec_.banks);
    return 0;
}

void PcController::idleState(Cycle now, std::vector<Cycle>& out) const {
    checker_.relativeState(now, out);
    for (const RankRefresh& r : ref_) {
        out.push_back(r.due - now);
        out.push_back(r.pending);
        out.push_back(r.bank);
        out.push_back(r.openBanks);
    }
    for (int64_t row : openRow_) out.push_back(row);
}

bool PcController::skipIdle(Cycle t, Cycle end, std::vector<Completion>& out) {
    const Cycle period = refreshPeriod();
    if (period == 0 || pendingRanks_ || end - t < 2 * period) return false;
    for (const RankRefresh& r : ref_)
        if (r.openBanks) return false;
    now_ = t;  // nothing can happen before t (t = nextEvent())
    idleState(now_, idleBefore_);
    const std::vector<PcCounters> before = counters_;
    const size_t logFrom = log_ ? log_->size() : 0;
    runPlain(t + period, out);  // one period, replayed
    idleState(now_, idleAfter_);
    if (idleAfter_ != idleBefore_) return true;
    const Cycle k = (end - now_) / period;
    if (k == 0) return true;
    const Cycle by = k * period;
    checker_.shift(now_, by);
    for (RankRefresh& r : ref_) r.due += by;
    for (size_t r = 0; r < counters_.size(); ++r) {
        PcCounters& c = counters_[r];
        for (int i = 0; i < kCommands; ++i) c.commands[i] += uint64_t(k) * (c.commands[i] - before[r].commands[i]);
        c.refreshBusyCycles += uint64_t(k) * (c.refreshBusyCycles - before[r].refreshBusyCycles);
    }
    if (log_) {
        const size_t logTo = log_->size();
        for (Cycle j = 1; j <= k; ++j)
            for (size_t i = logFrom; i < logTo; ++i) {
                IssuedCommand c = (*log_)[i];
                c.cycle += j * period;
                log_->push_back(c);
            }
    }
    now_ += by;
    skipped_ += uint64_t(by);
    invalidateAll();
    return true;
}

}  // namespace vgm::memory
