#pragma once
// The zero-skipping scheduler as the accelerator's issue loop: for each
// operator it waits for the SU's mask (or issues on the look-ahead's
// prediction), waits for each chunk of weights/spilled input, issues the
// surviving tiles to the DSP groups (or the whole operator to the DSP array /
// SFU), lets the RU copy skipped rows alongside, and books every cycle as
// compute, memory stall or sparsity overhead.
#include <chrono>
#include <systemc>
#include <vector>

#include "models/DmaPlan.h"
#include "models/DmaStream.h"
#include "models/DspArray.h"
#include "models/Sfu.h"
#include "models/SparsityUnit.h"
#include "models/Timeline.h"
#include "stats/RunResult.h"

namespace vgm::models {

class ZeroSkipScheduler : public sc_core::sc_module {
public:
    SC_HAS_PROCESS(ZeroSkipScheduler);
    ZeroSkipScheduler(sc_core::sc_module_name name, const workload::Trace& trace, const timing::ComputeSpec& spec,
                      const timing::SparsitySpec& sparsity, const timing::ScheduleSpec& sched, DmaPlan& plan, DmaStream& weights,
                      DmaStream& activations, DspArray& dsp, Sfu& sfu, Timeline& timeline, bool progress,
                      stats::RunResult& result);
    bool done() const { return done_; }
    uint64_t endCycle() const { return cycle_; }
    // Derived ZSS values (imbalance); call once after the run.
    void finish();

private:
    void run();
    void runOperator(size_t i);
    uint64_t compute(const workload::Operator& op, const OpWork& w, uint64_t chunk);
    void waitUntil(uint64_t cycle);
    uint64_t groupRate(const timing::GroupSpec& g, timing::Precision p) const;
    void account(const workload::Operator& op, const OpWork& w);
    void bufferBytes(const timing::BufferSpec& b, uint64_t bytes);
    void progress(size_t i);

    const workload::Trace& trace_;
    const timing::ComputeSpec& spec_;
    const timing::SparsitySpec& sparsity_;
    const timing::ScheduleSpec& sched_;
    DmaPlan& plan_;
    DmaStream &weights_, &activations_;
    DspArray& dsp_;
    Sfu& sfu_;
    Timeline& timeline_;
    bool progress_;
    stats::RunResult& result_;
    SparsityUnit su_;
    RecoveryUnit ru_;
    uint64_t cycle_ = 0, prevStart_ = 0;
    bool done_ = false;
    std::chrono::steady_clock::time_point wallStart_, lastPrint_;
    // ZSS statistics.
    std::vector<stats::Counter*> groupBusy_;
    stats::Counter *tiles_, *tiledOps_, *switches_, *tiledSpan_, *tiledBusy_;
    stats::Counter *predictions_, *hits_, *falseSkips_, *missedSkips_, *replays_, *replayCycles_;
    stats::Counter *suHidden_, *suAdded_, *rowsSkipped_;
    stats::Scalar *imbalance_, *groupSpread_;
};

}  // namespace vgm::models
