#include "timing/compute/Systolic.h"

namespace vgm::timing {

uint64_t SystolicScaleSim::foldCycles(uint64_t t) const {
    const uint64_t r = geo_.rows, c = geo_.cols;
    // OS has no preload: the wave needs R + C - 2 cycles to cross the array.
    // WS/IS first shift the stationary operand in (R cycles).
    return geo_.dataflow == Dataflow::Os ? r + c + t - 2 : 2 * r + c + t - 2;
}

uint64_t SystolicScaleSim::gemmCycles(const GemmShape& g, const UnitMode& mode) const {
    const SystolicMap s = mapGemm(geo_.dataflow, g, mode.lanes);
    const uint64_t folds = ceilDiv(s.sr, geo_.rows) * ceilDiv(s.sc, geo_.cols) * g.batch;
    // A deeper MAC pipeline delays each fold's last result by depth - 1.
    return folds * (foldCycles(s.t) + mode.depth - 1) - 1;
}

std::string SystolicScaleSim::describe() const {
    static const char* const df[] = {"os", "ws", "is"};
    return "systolic " + std::to_string(geo_.rows) + "x" + std::to_string(geo_.cols) + " " +
           df[static_cast<int>(geo_.dataflow)] + " scalesim";
}

}  // namespace vgm::timing
