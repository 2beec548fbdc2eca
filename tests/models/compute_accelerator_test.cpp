// The Accelerator (compute only, ideal memory) against the closed forms.
#include <catch2/catch.hpp>

#include "common/Error.h"
#include "FreshKernel.h"
#include "models/Accelerator.h"

using namespace vgm;

namespace {

workload::Operator gemm(uint64_t m, uint64_t k, uint64_t n, uint64_t batch = 1,
                        workload::OpKind kind = workload::OpKind::Linear, workload::Role role = workload::Role::Fc1) {
    workload::Operator op;
    op.kind = kind;
    op.role = role;
    op.m = m;
    op.k = k;
    op.n = n;
    op.batch = batch;
    return op;
}

workload::Operator sfuOp(workload::OpKind kind, uint64_t m, uint64_t n) {
    workload::Operator op;
    op.kind = kind;
    op.role = workload::Role::Norm;
    op.m = m;
    op.n = n;
    op.k = 1;
    return op;
}

stats::RunResult simulateOnce(const config::Config& cfg, const workload::Trace& trace) {
    stats::RunResult result;
    models::Accelerator top("top", cfg, trace, models::SimOptions{}, result);
    sc_core::sc_start();
    top.finish();
    return result;
}

uint64_t counter(const stats::RunResult& r, const std::string& path) {
    const stats::Counter* c = r.stats.findCounter(path);
    REQUIRE(c != nullptr);
    return c->value;
}

}  // namespace

TEST_CASE("accelerator: scalesim os 32x32 gives SCALE-Sim v2's cycles for a GEMM", "[compute][model]") {
    test::FreshKernel k;
    const config::Config cfg = config::Config::load(VGMSIM_SOURCE_DIR "/configs/scalesim/os_32x32.json");
    workload::Trace trace;
    trace.name = "g";
    trace.ops.push_back(gemm(100, 50, 70));
    const stats::RunResult r = simulateOnce(cfg, trace);
    // ceil(100/32) * ceil(70/32) folds of R + C + K - 2 rows, last index reported.
    CHECK(r.totalCycles == 12 * (32 + 32 + 50 - 2) - 1);
    CHECK(r.computeCycles == r.totalCycles);
    CHECK(r.macsExecuted == 100 * 50 * 70);
    CHECK(r.peakMacs == r.totalCycles * 1024);
    CHECK(counter(r, "units.sa.busy_cycles") == r.totalCycles);
    CHECK(counter(r, "units.sa.idle_cycles") == 0);
    REQUIRE(r.layers.size() == 1);
    CHECK(r.layers[0].cycles == r.totalCycles);
    CHECK(sc_core::sc_time_stamp() == models::cycleTime(r.totalCycles, 300.0));
}

TEST_CASE("accelerator: heterogeneous groups, SFU ops and mode switches", "[compute][model]") {
    test::FreshKernel k;
    // An FP16 DSP58 group for attention and an INT8/FP16 DSP-E group.
    Json doc = {{"dsp", {{"dsp_e", {{"mode_switch_cycles", 7}}}}}};
    doc["dsp"]["groups"] = Json::array(
        {Json{{"name", "att"}, {"unit", "dsp58"}, {"rows", 8}, {"cols", 8}, {"modes", "fp16"}},
         Json{{"name", "lin"}, {"unit", "dsp-e"}, {"engine", "dot"}, {"dot_m", 4}, {"dot_k", 4}, {"dot_n", 2},
              {"dot_latency", 3}}});
    const config::Config cfg = config::Config::fromJson(doc, "het.json");
    const timing::ComputeSpec spec = timing::ComputeSpec::fromConfig(cfg);

    workload::Trace trace;
    trace.name = "mix";
    trace.ops.push_back(gemm(64, 72, 96));                                   // int8: only "lin"
    trace.ops.push_back(sfuOp(workload::OpKind::Softmax, 64, 64));           // SFU, 2 passes
    trace.ops.push_back(gemm(64, 72, 64, 16, workload::OpKind::AttentionQK,  // fp16: both groups
                             workload::Role::SelfAttention));
    trace.ops.push_back(gemm(64, 72, 96));                                   // int8 again: "lin" switches back
    const stats::RunResult r = simulateOnce(cfg, trace);

    // Op 0: "lin" alone, INT8 (4 lanes): 16 x ceil(72/16) x 48 issues + 3 latency.
    const uint64_t op0 = 16 * 5 * 48 + 3;
    // Op 1: 2 passes x 64*64/16 + 8 latency.
    const uint64_t op1 = 2 * 256 + 8;
    CHECK(r.layers[0].cycles == op0);
    CHECK(r.layers[1].cycles == op1);
    // Op 2: 16 heads split by peak (att 64 units x 1, lin 32 units x 2 lanes): 8 heads each.
    const timing::GemmShape att{64, 72, 64, 8}, lin{64, 72, 64, 8};
    const uint64_t attCycles = spec.groups[0].engine->gemmCycles(att, spec.mode(spec.groups[0], timing::Precision::Fp16));
    const uint64_t linCycles = spec.groups[1].engine->gemmCycles(lin, spec.mode(spec.groups[1], timing::Precision::Fp16)) + 7;
    CHECK(r.layers[2].cycles == std::max(attCycles, linCycles));
    CHECK(r.layers[3].cycles == op0 + 7);
    CHECK(counter(r, "units.lin.mode_switches") == 2);
    CHECK(counter(r, "units.att.mode_switches") == 0);

    for (const std::string g : {"att", "lin", "sfu"}) {
        uint64_t all = 0;
        for (const char* k : {".busy_cycles", ".idle_cycles", ".stall_input_cycles", ".stall_output_cycles",
                              ".stall_buffer_cycles"})
            all += counter(r, "units." + g + k);
        CHECK(all == r.totalCycles);
    }
    CHECK(counter(r, "units.att.macs") + counter(r, "units.lin.macs") == r.macsExecuted);
    CHECK(r.macsExecuted == 2 * 64 * 72 * 96 + 16 * 64 * 72 * 64);
    CHECK(r.peakMacs > r.macsExecuted);
}

TEST_CASE("accelerator: a precision no group runs fails before simulation", "[compute][model][error]") {
    test::FreshKernel k;
    Json doc;
    doc["dsp"]["groups"] = Json::array({Json{{"name", "lin"}, {"modes", "int8"}}});
    const config::Config cfg = config::Config::fromJson(doc, "configs/int8only.json");
    workload::Trace trace;
    trace.name = "att";
    trace.ops.push_back(gemm(8, 8, 8, 1, workload::OpKind::AttentionAV, workload::Role::SelfAttention));
    stats::RunResult result;
    CHECK_THROWS_WITH(models::Accelerator("top", cfg, trace, models::SimOptions{}, result),
                      Catch::Contains("configs/int8only.json: /precision/attention: fp16 is run by no DSP group"));
}
