#pragma once
// ZSS speculative look-ahead: an operator's skip mask is predicted from the
// previous denoising step's mask of the same operator; the ZSS issues the
// operator's tiles on the prediction while the SU verifies in parallel. Each
// row predicted skipped that must be computed (false positive) is replayed
// once verification has seen it: the row is computed after all, plus
// `penalty` cycles. A row predicted computed that could have been skipped
// (missed skip) is simply computed: work done for nothing, no replay.
#include <cstdint>
#include <memory>
#include <vector>

#include "workload/Operator.h"

namespace vgm::timing {

struct Speculation {
    uint64_t rows = 0;            // predictions made (one per row)
    uint64_t predictedSkips = 0;
    uint64_t hits = 0;            // rows whose prediction was right
    uint64_t falseSkips = 0;      // predicted skip, actually computed: replayed
    uint64_t missedSkips = 0;     // predicted computed, actually skippable: computed anyway
    uint64_t replayCycles = 0;    // penalty only: falseSkips x penalty
    uint64_t rowsSkipped() const { return predictedSkips - falseSkips; }
    uint64_t rowsComputed() const { return rows - rowsSkipped(); }
};

// Null sets mean "nothing skipped".
Speculation verifyPrediction(const workload::SkipSet* predicted, const workload::SkipSet* actual, uint64_t rows,
                             uint64_t penalty);

// The false positives below `rows` (predicted skipped, not actually skipped), ascending.
std::vector<uint32_t> falsePositives(const workload::SkipSet* predicted, const workload::SkipSet* actual,
                                     uint64_t rows);

// The rows skipped by both sets (ascending), with `actual`'s references.
workload::SkipSet intersectSkips(const workload::SkipSet& predicted, const workload::SkipSet& actual);

// Last step's mask per operator slot (position of the operator within a step).
class MaskHistory {
public:
    std::shared_ptr<const workload::SkipSet> predict(size_t slot) const {
        return slot < masks_.size() ? masks_[slot] : nullptr;
    }
    bool seen(size_t slot) const { return slot < seen_.size() && seen_[slot]; }
    void update(size_t slot, std::shared_ptr<const workload::SkipSet> actual);

private:
    std::vector<std::shared_ptr<const workload::SkipSet>> masks_;
    std::vector<bool> seen_;
};

}  // namespace vgm::timing
