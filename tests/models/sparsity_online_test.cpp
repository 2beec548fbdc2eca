// The SU's two ways to know the skipped tokens must agree: online detection
// on the activations a trace carries, and the same detection run offline and
// stored as the operator's mask.
#include <catch2/catch.hpp>
#include <filesystem>

#include "common/Files.h"
#include "config/Config.h"
#include "models/FreshKernel.h"
#include "models/Simulation.h"
#include "timing/sparsity/SparsitySpec.h"
#include "timing/sparsity/TokenSimilarity.h"
#include "workload/Activations.h"
#include "workload/Models.h"
#include "workload/Trace.h"

using namespace vgm;

namespace {

const std::string kRoot = VGMSIM_SOURCE_DIR;

// A qkv GEMM over 6 frames of 16 tokens with activations, written and read back.
workload::Trace activationTrace(double similarity) {
    workload::ModelOptions o;
    o.model = "gemm";
    o.m = 96, o.k = 32, o.n = 16;
    o.gemmRole = workload::Role::Qkv;
    workload::TraceSpec spec = workload::buildModel(o);
    workload::addActivations(spec, "random:7:" + std::to_string(similarity), 6);
    const auto dir = std::filesystem::temp_directory_path() / "vgmsim_model_tests";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "online.vgmt").string();
    workload::writeTrace(path, spec);
    return workload::readTrace(path);
}

stats::RunResult run(const config::Config& cfg, const workload::Trace& t) {
    test::FreshKernel k;
    return models::simulate(cfg, t, {});
}

}  // namespace

TEST_CASE("su_online: detection from carried activations equals the offline mask", "[e2e][sparsity]") {
    for (const char* memory : {"memory.model=ideal", "memory.model=hbm"}) {
        INFO(memory);
        const config::Config cfg =
            config::Config::load(kRoot + "/configs/flightvgm_v80.json", {"sparsity.enabled=true", memory});
        const timing::SparsitySpec sp = timing::SparsitySpec::fromConfig(cfg);
        const workload::Trace online = activationTrace(0.75);
        REQUIRE(online.ops.size() == 1);
        REQUIRE(online.ops[0].acts);
        CHECK(!online.ops[0].skip);

        // (ii) the library function offline, stored as the trace's mask.
        workload::Trace offline = online;
        const workload::Operator& op = online.ops[0];
        const timing::Detection d =
            timing::detectSkips({1, 6, 16}, op.k, *op.acts, sp.groupFrames, sp.blockTokens, sp.thresholdOf(op.role));
        REQUIRE(!d.skip.rows.empty());
        REQUIRE(d.skip.rows.size() < op.m / 2);
        offline.ops[0].acts = nullptr;
        offline.ops[0].skip = std::make_shared<const workload::SkipSet>(d.skip);

        const stats::RunResult a = run(cfg, online), b = run(cfg, offline);
        CHECK(a.totalCycles == b.totalCycles);
        CHECK(a.computeCycles == b.computeCycles);
        CHECK(a.sparsityOverheadCycles == b.sparsityOverheadCycles);
        CHECK(a.memoryStallCycles == b.memoryStallCycles);
        CHECK(a.macsExecuted == b.macsExecuted);
        CHECK(a.macsSkipped == b.macsSkipped);
        CHECK(a.macsSkipped == d.skip.rows.size() * op.k * op.n);
        CHECK(a.suMacs == b.suMacs);
        CHECK(a.suMacs == timing::suMacs(d.work, op.k));
        CHECK(a.hbmBytes == b.hbmBytes);
    }
}

TEST_CASE("su_online: with sparsity disabled the activations change nothing", "[e2e][sparsity]") {
    const config::Config cfg =
        config::Config::load(kRoot + "/configs/flightvgm_v80.json", {"sparsity.enabled=false", "memory.model=ideal"});
    workload::Trace online = activationTrace(0.75), dense = online;
    dense.ops[0].acts = nullptr;
    const stats::RunResult a = run(cfg, online), b = run(cfg, dense);
    CHECK(a.macsSkipped == 0);
    CHECK(a.totalCycles == b.totalCycles);
    CHECK(a.suMacs == 0);
}
