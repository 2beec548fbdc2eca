#include "timing/sparsity/SuTiming.h"

#include <algorithm>

namespace vgm::timing {

namespace {
uint64_t ceilDivU(uint64_t a, uint64_t b) { return (a + b - 1) / b; }
}  // namespace

uint64_t suReadCycles(const SuDatapath& dp, uint64_t dim) {
    return ceilDivU(dim * dp.elemBytes, dp.readBytesPerCycle);
}

uint64_t suCandidateCycles(const SuDatapath& dp, uint64_t dim) {
    return std::max(suReadCycles(dp, dim), ceilDivU(3 * dim, dp.lanes));
}

uint64_t suCycles(const SuDatapath& dp, const SuWork& w, uint64_t dim) {
    if (w.candidates == 0 || dim == 0) return 0;
    return w.refLoads * suReadCycles(dp, dim) + w.candidates * suCandidateCycles(dp, dim) + w.compares + dp.depth + 1;
}

}  // namespace vgm::timing
