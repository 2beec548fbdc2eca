#include "timing/schedule/Lookahead.h"

namespace vgm::timing {

using workload::SkipSet;

SkipSet intersectSkips(const SkipSet& predicted, const SkipSet& actual) {
    SkipSet out;
    size_t i = 0, j = 0;
    while (i < predicted.rows.size() && j < actual.rows.size()) {
        if (predicted.rows[i] < actual.rows[j]) {
            ++i;
        } else if (actual.rows[j] < predicted.rows[i]) {
            ++j;
        } else {
            out.rows.push_back(actual.rows[j]);
            out.refs.push_back(actual.refs[j]);
            ++i;
            ++j;
        }
    }
    return out;
}

std::vector<uint32_t> falsePositives(const SkipSet* predicted, const SkipSet* actual, uint64_t rows) {
    std::vector<uint32_t> out;
    if (!predicted) return out;
    size_t j = 0;
    for (uint32_t r : predicted->rows) {
        if (r >= rows) break;
        while (actual && j < actual->rows.size() && actual->rows[j] < r) ++j;
        if (!actual || j == actual->rows.size() || actual->rows[j] != r) out.push_back(r);
    }
    return out;
}

Speculation verifyPrediction(const SkipSet* predicted, const SkipSet* actual, uint64_t rows, uint64_t penalty) {
    Speculation s;
    s.rows = rows;
    uint64_t both = 0, pred = 0, act = 0;
    if (predicted)
        for (uint32_t r : predicted->rows) pred += r < rows;
    if (actual)
        for (uint32_t r : actual->rows) act += r < rows;
    if (predicted && actual) {
        const SkipSet common = intersectSkips(*predicted, *actual);
        for (uint32_t r : common.rows) both += r < rows;
    }
    s.predictedSkips = pred;
    s.falseSkips = pred - both;
    s.missedSkips = act - both;
    s.hits = rows - s.falseSkips - s.missedSkips;
    s.replayCycles = s.falseSkips * penalty;
    return s;
}

void MaskHistory::update(size_t slot, std::shared_ptr<const SkipSet> actual) {
    if (slot >= masks_.size()) {
        masks_.resize(slot + 1);
        seen_.resize(slot + 1, false);
    }
    masks_[slot] = std::move(actual);
    seen_[slot] = true;
}

}  // namespace vgm::timing
