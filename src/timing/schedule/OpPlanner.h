#pragma once
// What the sparsity unit, recovery unit and zero-skipping scheduler decide
// for one operator, in plain C++: which rows run, the SU/RU costs, the
// look-ahead outcome, the tile schedule over the DSP groups and the bytes the
// operator moves. The accelerator model turns this into timed events.
#include <cstdint>
#include <memory>
#include <vector>

#include "timing/compute/ComputeSpec.h"
#include "timing/schedule/Lookahead.h"
#include "timing/schedule/ScheduleSpec.h"
#include "timing/schedule/SchedulerIF.h"
#include "timing/sparsity/SparsitySpec.h"
#include "timing/sparsity/TokenLayout.h"
#include "workload/Operator.h"

namespace vgm::timing {

struct OpPlan {
    Precision precision = Precision::Fp16;
    bool examined = false;     // the SU looked at this operator's tokens
    bool speculated = false;   // issued on the previous step's mask
    bool tiled = false;        // scheduled by the ZSS (else the DSP array's own split)
    uint64_t rowsComputed = 0;
    uint64_t macsExecuted = 0, macsSkipped = 0;
    std::shared_ptr<const workload::SkipSet> skipped;  // rows not computed; the RU copies them
    SuWork su;
    uint64_t suCycles = 0, suMacs = 0, suBytes = 0;
    uint64_t ruRows = 0, ruCycles = 0, ruBytes = 0;
    Speculation spec;
    ScheduleResult zss;        // tiled only: tile placements, per-group busy
    uint64_t computeCycles = 0;  // tiled only: makespan (replay penalties are spec.replayCycles)
    uint64_t weightBytes = 0, inputBytes = 0, outputBytes = 0;
};

class OpPlanner {
public:
    // `grid`/`batch` from the trace header (frames x tokens per frame), or 1 x m.
    OpPlanner(const ComputeSpec& compute, const SparsitySpec& sparsity, const ScheduleSpec& sched,
              uint64_t frames, uint64_t perFrame, uint64_t batch);
    // `slot` = position of the operator within its step (the look-ahead's key).
    OpPlan plan(const workload::Operator& op, size_t slot);
    static uint64_t elemBytes(Precision p);

private:
    void schedule(const workload::Operator& op, OpPlan& p);
    const ComputeSpec& compute_;
    const SparsitySpec& sparsity_;
    const ScheduleSpec& sched_;
    uint64_t frames_, perFrame_, batch_;
    std::unique_ptr<SchedulerIF> policy_;
    MaskHistory history_;
    std::vector<int> groupMode_;  // last precision per group, -1 = none
};

}  // namespace vgm::timing
