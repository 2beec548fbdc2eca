#include "config/Components.h"

namespace vgm::config {

void declareMemoryParams(Section& root) {
    Section& mem = root.section("memory", "Off-chip memory and the path to it");
    mem.param("model").oneOf({"ideal"}).defaultValue("ideal").describe(
        "ideal = every access completes with no delay, so compute can be checked alone");
}

}  // namespace vgm::config
