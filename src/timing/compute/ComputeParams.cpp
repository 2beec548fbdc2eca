#include "config/Components.h"

namespace vgm::config {

namespace {

void declareUnit(Section& dsp, const std::string& key, const std::string& desc, const int macs[4],
                 int switchCycles, bool extra) {
    static const char* const prec[] = {"int8", "int16", "fp16", "fp32"};
    Section& u = dsp.section(key, desc);
    for (int i = 0; i < 4; ++i)
        u.param(std::string(prec[i]) + "_macs").integer().withUnit("MAC/cycle").defaultValue(macs[i]).range(0, 64)
            .describe(std::string("MACs per cycle per unit in ") + prec[i] + " mode (0 = mode not supported)");
    for (int i = 0; i < 4; ++i)
        u.param(std::string(prec[i]) + "_depth").integer().withUnit("cycle").defaultValue(1).range(1, 64).describe(
            std::string("Pipeline depth of the MAC in ") + prec[i] +
            " mode; 1 = single-cycle PE as SCALE-Sim assumes (assumed default)");
    u.param("mode_switch_cycles").integer().withUnit("cycle").defaultValue(switchCycles).range(0, 100000).describe(
        "Cycles to drain and reconfigure a group when it changes precision mode (assumed)");
    if (!extra) return;
    u.param("extra_lut").integer().withUnit("LUT").defaultValue(120).range(0, 100000).describe(
        "Extra LUTs per DSP-E unit for the added multipliers/adders (assumed; FlightVGM does not publish it)");
    u.param("extra_ff").integer().withUnit("FF").defaultValue(160).range(0, 100000).describe(
        "Extra flip-flops per DSP-E unit (assumed)");
}

void declareGroups(Section& dsp) {
    Section& g = dsp.arrayOf("groups", "DSP groups (heterogeneous arrays list several)", 1);
    g.defaultItems = Json::array({Json{{"name", "g0"}}});
    g.param("name").string().defaultValue("g").describe("Group name used in stats and reports");
    g.param("unit").oneOf({"dsp58", "dsp-e"}).defaultValue("dsp-e").describe(
        "Unit kind: dsp58 = native DSP58 (FP 1 MAC/cycle, INT8 dot 3 MAC/cycle); "
        "dsp-e = DSP58 plus extra multipliers (FP16 2 MAC/cycle, INT8 4 MAC/cycle)");
    g.param("engine").oneOf({"systolic", "dot"}).defaultValue("systolic").describe(
        "How the units are arranged: systolic R x C array or an M x K x N dot-product engine");
    g.param("count").integer().withUnit("engine").defaultValue(1).range(1, 10848).describe(
        "Identical engines in the group; an operator's work is split across them");
    g.param("rows").integer().withUnit("PE").defaultValue(32).range(1, 4096).describe("Systolic array rows R");
    g.param("cols").integer().withUnit("PE").defaultValue(32).range(1, 4096).describe("Systolic array columns C");
    g.param("dataflow").oneOf({"os", "ws", "is"}).defaultValue("os").describe(
        "Systolic dataflow: output, weight or input stationary");
    g.param("convention").oneOf({"scalesim", "pipelined"}).defaultValue("pipelined").describe(
        "Fold timing: scalesim = folds do not overlap (SCALE-Sim v2 counts); "
        "pipelined = next fold's fill overlaps the previous drain");
    g.param("dot_m").integer().withUnit("PE").defaultValue(128).range(1, 4096).describe(
        "Dot engine rows M (FlightLLM: M128 x K16 x N2)");
    g.param("dot_k").integer().withUnit("PE").defaultValue(16).range(1, 4096).describe(
        "Dot engine dot-product width K in units; a unit with L MACs/cycle reduces L elements");
    g.param("dot_n").integer().withUnit("PE").defaultValue(2).range(1, 4096).describe("Dot engine columns N");
    g.param("dot_latency").integer().withUnit("cycle").defaultValue(5).range(0, 10000).describe(
        "Dot engine cycles after the last issue (adder tree + accumulator; assumed log2(16) + 1)");
    g.param("modes").string().defaultValue("all").describe(
        "Precisions this group may run: all, or a comma list of int8,int16,fp16,fp32 "
        "(each must be supported by the unit)");
}

}  // namespace

void declareComputeParams(Section& root) {
    Section& dsp = root.section("dsp", "The DSP array: a list of groups, each N units of one kind in one engine");
    declareGroups(dsp);
    static const int dsp58Macs[4] = {3, 1, 1, 1};
    static const int dspEMacs[4] = {4, 1, 2, 1};
    declareUnit(dsp, "dsp58", "Native DSP58 modes: INT8 dot (3 products), int 27x24, DSPFP32 (FP16/FP32 inputs)",
                dsp58Macs, 0, false);
    declareUnit(dsp, "dsp_e", "DSP-Expansion unit: DSP58 plus extra multipliers, switchable FP16 x2 / INT8 x4",
                dspEMacs, 4, true);

    Section& p = root.section("precision", "Precision policy: the mode each operator role runs in");
    const std::vector<std::string> allowed = {"int8", "int16", "fp16", "fp32"};
    for (const char* role : {"qkv", "out_proj", "cross_q", "cross_kv", "cross_out", "fc1", "fc2", "adaln",
                             "t_block", "embed", "final"})
        p.param(role).oneOf(allowed).defaultValue("int8").describe(
            std::string("Precision of the ") + role + " linear layers (FlightVGM: linear layers INT8)");
    p.param("attention").oneOf(allowed).defaultValue("fp16").describe(
        "Precision of attention QK^T and AV (FlightVGM: attention stays FP16)");
    p.param("other").oneOf(allowed).defaultValue("fp16").describe("Precision of any other GEMM");

    Section& s = root.section("sfu", "Special-function unit: softmax, norms, GELU, modulate, residual");
    s.param("elements_per_cycle").integer().withUnit("element/cycle").defaultValue(16).range(1, 65536).describe(
        "Elements processed per cycle (FlightLLM misc unit: 16)");
    s.param("latency").integer().withUnit("cycle").defaultValue(8).range(0, 100000).describe(
        "Cycles after the last element issues until its result leaves (assumed)");
    Section& passes = s.section("passes", "Passes over the data per operator kind");
    for (const auto& [kind, n] : std::vector<std::pair<const char*, int>>{
             {"softmax", 2}, {"layernorm", 2}, {"gelu", 1}, {"modulate", 1}, {"residual", 1}, {"embed", 1}})
        passes.param(kind).integer().withUnit("pass").defaultValue(n).range(1, 16).describe(
            std::string("Passes for ") + kind + (n == 2 ? " (statistics, then normalise)" : ""));
}

}  // namespace vgm::config
