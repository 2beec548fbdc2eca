#pragma once
// What the sparsity unit, recovery unit and zero-skipping scheduler decide
// for one operator, in plain C++: which rows run, the SU/RU costs, the
// look-ahead outcome and the bytes the operator moves. src/program lowers it
// into commands; the machine decides when they run.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "timing/compute/ComputeSpec.h"
#include "timing/schedule/Lookahead.h"
#include "timing/schedule/ScheduleSpec.h"
#include "timing/sparsity/SparsitySpec.h"
#include "timing/sparsity/TokenLayout.h"
#include "workload/Operator.h"
#include "workload/Windows.h"

namespace vgm::timing {

struct OpPlan {
    Precision precision = Precision::Fp16;
    bool examined = false;     // the SU looked at this operator's tokens
    bool speculated = false;   // issued on the previous step's mask
    uint64_t rowsComputed = 0;
    uint64_t macsExecuted = 0, macsSkipped = 0;
    std::shared_ptr<const workload::SkipSet> skipped;  // rows not computed; the RU copies them
    // Rows the tiles are issued without: the predicted mask when speculated, else `skipped`.
    std::shared_ptr<const workload::SkipSet> issued;
    uint64_t rowsIssued = 0;            // rows the tiles compute (rowsComputed minus replays)
    std::vector<uint32_t> replayRows;   // false positives: predicted skipped, needed; replayed after verification
    bool reusedMask = false;            // fc2: fc1's mask, no SU pass (its input rows are fc1's copies)
    SuWork su;
    uint64_t suCycles = 0, suMacs = 0, suBytes = 0;
    uint64_t ruRows = 0, ruCycles = 0, ruBytes = 0;
    Speculation spec;
    uint64_t weightBytes = 0, inputBytes = 0, outputBytes = 0;
};

class OpPlanner {
public:
    // `grid`/`batch` from the trace header (frames x tokens per frame), or 1 x m.
    // `grid` (the header's latent T x H x W, if any) gives the window units of trace masks.
    OpPlanner(const ComputeSpec& compute, const SparsitySpec& sparsity, const ScheduleSpec& sched,
              uint64_t frames, uint64_t perFrame, uint64_t batch,
              std::optional<workload::TokenGrid> grid = std::nullopt);
    // `slot` = position of the operator within its step (the look-ahead's key).
    OpPlan plan(const workload::Operator& op, size_t slot);
    static uint64_t elemBytes(Precision p);

private:
    const ComputeSpec& compute_;
    const SparsitySpec& sparsity_;
    const ScheduleSpec& sched_;
    uint64_t frames_, perFrame_, batch_;
    std::optional<workload::TokenGrid> grid_;
    // SU work of the artifact detector on an operator without activations (a trace mask).
    SuWork artifactTraceWork(const workload::Operator& op, const TokenLayout& lay) const;
    MaskHistory history_;
    // The last fc1's final mask and its (step, block): fc2 of the same block reuses it.
    std::shared_ptr<const workload::SkipSet> fc1Mask_;
    uint64_t fc1Key_ = UINT64_MAX;
};

}  // namespace vgm::timing
