#include "timing/compute/Systolic.h"

namespace vgm::timing {

SystolicMap mapGemm(Dataflow df, const GemmShape& g, uint32_t lanes) {
    const uint64_t k = ceilDiv(g.k, lanes);
    switch (df) {
        case Dataflow::Os: return {g.m, g.n, k};
        case Dataflow::Ws: return {k, g.n, g.m};
        case Dataflow::Is: return {k, g.m, g.n};
    }
    return {};
}

}  // namespace vgm::timing
