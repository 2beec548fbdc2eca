#include "config/Components.h"

namespace vgm::config {

void declareComputeParams(Section& root) {
    Section& dsp = root.section("dsp", "The DSP array: a list of groups, each N units of one kind in one engine");
    Section& g = dsp.arrayOf("groups", "DSP groups (heterogeneous arrays list several)", 1);
    g.defaultItems = Json::array({Json{{"name", "g0"}}});
    g.param("name").string().defaultValue("g").describe("Group name used in stats and reports");
    g.param("unit").oneOf({"dsp58", "dsp-e"}).defaultValue("dsp-e").describe(
        "Unit kind: dsp58 = native DSP58 (FP 1 MAC/cycle, INT8 dot 3 MAC/cycle); "
        "dsp-e = DSP58 plus extra multipliers (FP16 2 MAC/cycle, INT8 4 MAC/cycle)");
    g.param("engine").oneOf({"systolic", "dot"}).defaultValue("systolic").describe(
        "How the units are arranged: systolic R x C array or an M x K x N dot-product engine");
    g.param("rows").integer().withUnit("PE").defaultValue(32).range(1, 4096).describe("Systolic array rows R");
    g.param("cols").integer().withUnit("PE").defaultValue(32).range(1, 4096).describe("Systolic array columns C");
    g.param("dataflow").oneOf({"os", "ws", "is"}).defaultValue("os").describe(
        "Systolic dataflow: output, weight or input stationary");
    g.param("convention").oneOf({"scalesim", "pipelined"}).defaultValue("pipelined").describe(
        "Fold timing: scalesim = folds do not overlap (SCALE-Sim v2 counts); "
        "pipelined = next fold's fill overlaps the previous drain");
}

}  // namespace vgm::config
