#include "power/Resources.h"

namespace vgm::power {

ResourceEstimate estimateResources(const config::Config& cfg) {
    ResourceEstimate r;
    r.device = deviceByPart(cfg.root()["device"].str("part"));
    const config::View groups = cfg.root()["dsp"]["groups"];
    for (size_t i = 0; i < groups.size(); ++i) {
        const config::View g = groups.at(i);
        r.dsp += static_cast<uint64_t>(g.integer("rows") * g.integer("cols"));
    }
    return r;
}

}  // namespace vgm::power
