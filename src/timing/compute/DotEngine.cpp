#include "timing/compute/DotEngine.h"

namespace vgm::timing {

uint64_t DotEngine::issues(const GemmShape& g, uint32_t lanes) const {
    return ceilDiv(g.m, geo_.m) * ceilDiv(g.k, geo_.k * lanes) * ceilDiv(g.n, geo_.n) * g.batch;
}

uint64_t DotEngine::gemmCycles(const GemmShape& g, const UnitMode& mode) const {
    return issues(g, mode.lanes) + geo_.latency + mode.depth - 1;
}

std::string DotEngine::describe() const {
    return "dot " + std::to_string(geo_.m) + "x" + std::to_string(geo_.k) + "x" + std::to_string(geo_.n);
}

}  // namespace vgm::timing
