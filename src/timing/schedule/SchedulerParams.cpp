// Zero-skipping scheduler parameters (FlightVGM dynamic-static scheduling and
// the VN1752 variant's speculative look-ahead).
#include "config/Components.h"

namespace vgm::config {

void declareSchedulerParams(Section& root) {
    Section& s = root.section("scheduler", "Zero-skipping scheduler (ZSS): tiles of surviving rows to DSP groups");
    s.param("policy").oneOf({"static", "dynamic", "dynamic-static"}).defaultValue("dynamic-static").describe(
        "static = fixed dense-tile assignment; dynamic = next tile to the first free group; dynamic-static = "
        "tiles re-ordered by post-sparsity work, weights preloaded (FlightVGM)");
    s.param("tile_rows").integer().withUnit("row").defaultValue(0).range(0, 1 << 20).describe(
        "Rows (tokens) per row tile the ZSS issues to the groups; 0 = no ZSS tiling: each GEMM is split "
        "over the groups by the DSP array itself (SCALE-Sim-comparable configs)");
    s.param("tile_cols").integer().withUnit("column").defaultValue(0).range(0, 1 << 20).describe(
        "Output columns per tile; 0 = the whole N of the operator in one column tile");
    s.param("weight_switch_cycles").integer().withUnit("cycle").defaultValue(32).range(0, 1 << 20).describe(
        "Cycles a group stalls to load another column tile's weights when they were not preloaded (assumed)");
    s.param("lookahead").boolean().defaultValue(true).describe(
        "Speculative look-ahead: issue on the previous step's mask of the same operator, verify in parallel");
    s.param("replay_penalty_cycles").integer().withUnit("cycle").defaultValue(5).range(0, 1 << 20).describe(
        "Cycles per replayed tile after a false skip (VN1752 variant: 5)");
}

}  // namespace vgm::config
