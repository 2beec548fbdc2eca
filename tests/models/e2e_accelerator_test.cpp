// The whole accelerator on small cases: a hand-checked sparse operator, the
// cycle identity, dense vs sparse, memory traffic and determinism.
#include <catch2/catch.hpp>

#include <cstdio>
#include <algorithm>
#include <map>
#include <set>

#include "common/Files.h"
#include "config/Config.h"
#include "models/FreshKernel.h"
#include "models/Simulation.h"
#include "report/Report.h"
#include "timing/compute/ComputeSpec.h"
#include "workload/Trace.h"

using namespace vgm;

namespace {

const std::string kRoot = VGMSIM_SOURCE_DIR;

config::Config small(const std::vector<std::string>& sets = {}) {
    const Json doc = Json::parse(R"({
      "dsp": {"groups": [{"name": "a", "unit": "dsp-e", "rows": 4, "cols": 4}]},
      "sparsity": {"enabled": true, "group_frames": 1, "block_tokens": 2, "overlap": false,
                   "su": {"lanes": 4, "read_bytes_per_cycle": 8, "pipeline_depth": 2, "precision": "fp16"},
                   "ru": {"bytes_per_cycle": 8, "latency": 1}},
      "scheduler": {"tile_rows": 4, "lookahead": false}})");
    return config::Config::fromJson(doc, "small.json", sets);
}

workload::Trace oneOp(std::shared_ptr<const workload::SkipSet> skip) {
    workload::Trace t;
    t.name = "one";
    t.steps = 1;
    workload::Operator op;
    op.role = workload::Role::Qkv;
    op.precision = workload::PrecisionClass::Int8Capable;
    op.m = 8, op.k = 4, op.n = 4;
    op.inputElems = 32, op.weightElems = 16, op.outputElems = 32;
    op.skip = std::move(skip);
    t.ops.push_back(op);
    return t;
}

void checkIdentity(const stats::RunResult& r) {
    CHECK(r.totalCycles == r.computeCycles + r.memoryStallCycles + r.sparsityOverheadCycles + r.idleCycles);
    uint64_t sum = 0;
    for (const auto& l : r.layers) sum = std::max(sum, l.startCycle + l.cycles);
    CHECK(sum <= r.totalCycles);
    // Every DSP group accounts each cycle of the run as busy or idle,
    // whether the DSP array or the ZSS placed its work.
    const stats::Group* dsp = r.stats.findGroup("units");
    REQUIRE(dsp != nullptr);
    const Json groups = dsp->toJson();
    for (const auto& [name, value] : groups.items()) {
        if (!value.is_object() || !value.contains("busy_cycles")) continue;
        INFO("group " << name);
        uint64_t all = 0;
        for (const char* k : {"busy_cycles", "idle_cycles", "stall_input_cycles", "stall_output_cycles",
                              "stall_buffer_cycles"})
            all += value[k].get<uint64_t>();
        CHECK(all == r.totalCycles);
    }
}

}  // namespace

TEST_CASE("e2e: one sparse operator, hand-checked", "[e2e]") {
    test::FreshKernel k;
    const config::Config cfg = small();
    const auto trace = oneOp(std::make_shared<const workload::SkipSet>(workload::SkipSet{{0, 2, 4}, {1, 3, 5}}));
    const stats::RunResult r = models::simulate(cfg, trace, {});
    // SU: 4 reference loads x 1 + 4 candidates x 3 + depth 2 + mask 1 = 19 cycles, in two row
    // pieces of 9 and 10 while the weights load (1 cycle, ideal memory). The 5 surviving rows
    // (dense 1, 3, 5, 6, 7) form row tiles of 4 and 1 on the one 4x4 group, one after the other
    // from cycle 19. RU piece 0 (rows 0 and 2: 2 x 1 beat + 1 = 3 cycles) follows tile 0, RU
    // piece 1 (row 4: 1 + 1 = 2 cycles) follows tile 1, which holds dense row 7 of its piece.
    const timing::ComputeSpec spec = timing::ComputeSpec::fromConfig(cfg);
    const auto& g = spec.groups[0];
    const auto mode = spec.mode(g, timing::Precision::Int8);
    const uint64_t c0 = g.engine->gemmCycles({4, 4, 4, 1}, mode), c = c0 + g.engine->gemmCycles({1, 4, 4, 1}, mode);
    REQUIRE(c - c0 >= 3);                          // RU piece 0 hides under tile 1
    CHECK(r.memoryStallCycles == 1);               // cycle 0: the weight load with the SU
    CHECK(r.sparsityOverheadCycles == 18 + 2);     // the rest of the SU, then RU piece 1 alone
    CHECK(r.computeCycles == c);
    CHECK(r.totalCycles == 19 + c + 2);
    CHECK(r.macsExecuted == 5 * 16);
    CHECK(r.macsSkipped == 3 * 16);
    CHECK(r.macsInt8 == 5 * 16);
    CHECK(r.suMacs == 4 * 12);
    checkIdentity(r);
}

TEST_CASE("e2e: sparsity off computes everything without SU cost", "[e2e]") {
    test::FreshKernel k;
    const config::Config cfg = small({"sparsity.enabled=false"});
    const auto trace = oneOp(std::make_shared<const workload::SkipSet>(workload::SkipSet{{0, 2, 4}, {1, 3, 5}}));
    const stats::RunResult r = models::simulate(cfg, trace, {});
    CHECK(r.macsSkipped == 0);
    CHECK(r.sparsityOverheadCycles == 0);
    CHECK(r.macsExecuted == 8 * 16);
    checkIdentity(r);
}

TEST_CASE("e2e: FlightVGM V80 skips MACs and beats the dense V80 on a sparse STDiT3 trace", "[e2e]") {
    const auto trace = workload::readTrace(kRoot + "/traces/tiny/stdit3-xl-2_240p_17f_2steps_stat.vgmt");
    stats::RunResult sparse, dense;
    {
        test::FreshKernel k;
        sparse = models::simulate(config::Config::load(kRoot + "/configs/flightvgm_v80.json", {"memory.model=ideal"}),
                                  trace, {});
    }
    {
        test::FreshKernel k;
        dense = models::simulate(config::Config::load(kRoot + "/configs/dense_v80.json", {"memory.model=ideal"}),
                                 trace, {});
    }
    CHECK(dense.macsSkipped == 0);
    CHECK(sparse.macsSkipped > 0);
    CHECK(sparse.totalCycles < dense.totalCycles);
    CHECK(sparse.layers.size() == trace.ops.size());
    CHECK(sparse.stats.findCounter("zss.lookahead.predictions")->value > 0);
    checkIdentity(sparse);
    checkIdentity(dense);
}

TEST_CASE("e2e: weights stream from HBM and double buffering hides loads", "[e2e]") {
    const auto trace = workload::readTrace(kRoot + "/traces/tiny/dit-xl-2_256_2steps.vgmt");
    stats::RunResult on, off;
    {
        test::FreshKernel k;
        on = models::simulate(config::Config::load(kRoot + "/configs/flightvgm_v80.json"), trace, {});
    }
    {
        test::FreshKernel k;
        off = models::simulate(
            config::Config::load(kRoot + "/configs/flightvgm_v80.json", {"buffers.double_buffering=false"}), trace, {});
    }
    uint64_t weights = 0;
    for (const auto& op : trace.ops) weights += op.weightElems;  // INT8 linear layers: 1 byte each
    CHECK(on.stats.findCounter("dma_weight_engine.bytes_read")->value >= weights);
    CHECK(on.hbmBytes > 0);
    CHECK(on.hbmRdBursts > 0);
    CHECK(on.memoryStallCycles <= off.memoryStallCycles);
    CHECK(on.totalCycles <= off.totalCycles);
    checkIdentity(on);
    checkIdentity(off);
}

TEST_CASE("e2e: two runs give identical results", "[e2e]") {
    const auto trace = workload::readTrace(kRoot + "/traces/tiny/stdit3-xl-2_240p_17f_2steps_stat.vgmt");
    const config::Config cfg = config::Config::load(kRoot + "/configs/flightvgm_v80.json", {"memory.model=ideal"});
    stats::RunResult a, b;
    {
        test::FreshKernel k;
        a = models::simulate(cfg, trace, {});
    }
    {
        test::FreshKernel k;
        b = models::simulate(cfg, trace, {});
    }
    CHECK(a.totalCycles == b.totalCycles);
    CHECK(a.stats.toJson().dump() == b.stats.toJson().dump());
}

TEST_CASE("e2e: the timeline has one track per unit and no overlapping slices on a track", "[e2e]") {
    test::FreshKernel k;
    const auto trace = workload::readTrace(kRoot + "/traces/tiny/stdit3-xl-2_240p_17f_2steps_stat.vgmt");
    const std::string path = "e2e_timeline_test.json";
    models::SimOptions opts;
    opts.timelinePath = path;
    const config::Config cfg = config::Config::load(kRoot + "/configs/flightvgm_v80.json");
    models::simulate(cfg, trace, opts);
    const Json tl = Json::parse(readTextFile(path));
    std::set<std::string> tracks;
    for (const auto& e : tl["traceEvents"])
        if (e["ph"] == "M") tracks.insert(e["args"]["name"].get<std::string>());
    for (const char* t : {"dspe0", "dsp58", "sfu", "su", "ru", "dma_weight", "dma_activation"})
        CHECK(tracks.count(t) == 1);
    // A unit runs one command at a time, so its slices follow each other.
    std::map<int, std::vector<std::pair<double, double>>> slices;
    for (const auto& e : tl["traceEvents"])
        if (e["ph"] == "X") slices[e["tid"].get<int>()].push_back({e["ts"].get<double>(), e["dur"].get<double>()});
    size_t n = 0;
    for (auto& [tid, v] : slices) {
        std::sort(v.begin(), v.end());
        for (size_t i = 1; i < v.size(); ++i, ++n) {
            INFO("track " << tid << " slice " << i);
            CHECK(v[i].first >= v[i - 1].first + v[i - 1].second - 1e-3);  // ts and dur are printed to 1 ns
        }
    }
    CHECK(n > 100);
    std::remove(path.c_str());
}

TEST_CASE("e2e: the concurrent machine's counters add up", "[e2e]") {
    test::FreshKernel k;
    const auto trace = workload::readTrace(kRoot + "/traces/tiny/stdit3-xl-2_240p_17f_2steps_stat.vgmt");
    const stats::RunResult r = models::simulate(config::Config::load(kRoot + "/configs/flightvgm_v80.json"), trace, {});
    checkIdentity(r);
    const Json units = r.stats.findGroup("units")->toJson();
    uint64_t macs = 0, busy = 0, switches = 0;
    for (const auto& [name, u] : units.items()) {
        busy += u["busy_cycles"].get<uint64_t>();
        if (u.contains("macs")) macs += u["macs"].get<uint64_t>(), switches += u["mode_switches"].get<uint64_t>();
        CHECK(u["commands"].get<uint64_t>() > 0);
    }
    CHECK(macs == r.macsExecuted);          // every executed MAC ran on some group
    CHECK(switches > 0);                    // INT8 linear and FP16 attention share the DSP-E groups
    CHECK(busy > r.totalCycles);            // units overlap
    CHECK(r.stats.findCounter("machine.unit_busy_cycles")->value == busy);
    CHECK(r.stats.findCounter("machine.overlap_cycles")->value > 0);
    CHECK(r.stats.findCounter("machine.zss_wakeups")->value > 0);
    CHECK(r.boundUnit == "sfu");            // 32 SFU lanes against ~10k DSPs
    uint64_t layerBusy = 0;
    for (const auto& l : r.layers) layerBusy += l.dspSfuBusyCycles + l.dmaBusyCycles + l.suRuBusyCycles;
    CHECK(layerBusy == busy);               // per-operator busy cycles partition the units' busy cycles
}
