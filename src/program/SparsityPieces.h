#pragma once
// Helpers for the SU/RU pieces of a lowered operator.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "program/Produced.h"
#include "workload/Operator.h"

namespace vgm::program {

constexpr uint64_t kNone = std::numeric_limits<uint64_t>::max();

// Skipped rows of an operator (null = none), counted by dense row range.
class SkipView {
public:
    SkipView(const workload::SkipSet* s, uint64_t m) : s_(s), m_(m) {}
    uint64_t count(uint64_t lo, uint64_t hi) const {
        if (!s_) return 0;
        auto a = std::lower_bound(s_->rows.begin(), s_->rows.end(), lo);
        auto b = std::lower_bound(a, s_->rows.end(), std::min(hi, m_));
        return uint64_t(b - a);
    }

    // The dense row of the c-th row that is computed (rows not skipped, in order).
    uint64_t denseRow(uint64_t c) const {
        if (!s_) return c;
        // Skipped row i has rows[i] - i computed rows before it: count those at or before c.
        size_t lo = 0, hi = size_t(std::lower_bound(s_->rows.begin(), s_->rows.end(), m_) - s_->rows.begin());
        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;
            if (s_->rows[mid] - mid <= c) lo = mid + 1;
            else hi = mid;
        }
        return c + lo;
    }
    const workload::SkipSet* set() const { return s_; }

private:
    const workload::SkipSet* s_;
    uint64_t m_;
};

// Appends the pieces (program indices, kNone = absent) over dense rows [lo, hi).
template <class Deps>  // std::vector<DepRange> or DepList
inline void appendPieces(Deps& deps, const std::vector<uint64_t>& pieces, uint64_t lo, uint64_t hi,
                         uint64_t pieceRows) {
    if (pieces.empty()) return;
    const uint64_t last = std::min<uint64_t>(pieces.size(), ceilDiv(std::max(hi, lo + 1), pieceRows));
    for (uint64_t r = lo / pieceRows; r < last; ++r)
        if (pieces[r] != kNone) deps.push_back({pieces[r], 1, false});
}

}  // namespace vgm::program
