// MAC totals of the model graphs against FACTS.md (within 0.5 %).
#include <catch2/catch.hpp>

#include "trace_test_util.h"
#include "workload/TraceTotals.h"

using namespace vgm::workload;

namespace {
double perForward(const std::string& model, const std::string& res, uint32_t frames, bool cfg) {
    ModelOptions o;
    o.model = model;
    o.resolution = res;
    o.frames = frames;
    o.cfg = cfg;
    o.steps = 2;
    TraceSpec spec = buildModel(o);
    Trace t = expandTrace(spec, "x.vgmt");
    TraceTotals tot = computeTotals(t);
    CHECK(tot.denseMacs == 2 * tot.perForwardMacs);
    return double(tot.perForwardMacs);
}
}  // namespace

TEST_CASE("trace_models: DiT-XL/2 MACs match FACTS.md", "[trace]") {
    CHECK(perForward("dit-xl-2", "256", 1, false) == Approx(118.6e9).epsilon(0.005));
    CHECK(perForward("dit-xl-2", "512", 1, false) == Approx(524.5e9).epsilon(0.005));
    // CFG doubles the batch and so the MACs.
    CHECK(perForward("dit-xl-2", "256", 1, true) == Approx(2 * 118.6e9).epsilon(0.005));
}

TEST_CASE("trace_models: DiT-XL/2 block is 4.236 GMAC at 256", "[trace]") {
    TraceSpec spec = tracetest::model("dit-xl-2", 1);
    uint64_t macs = 0;
    for (const auto& op : spec.findTemplate("block")->ops)
        if (isGemm(op.kind)) macs += op.m * op.k * op.n * op.batch;
    CHECK(double(macs) == Approx(4.236e9).epsilon(0.001));
}

TEST_CASE("trace_models: STDiT3-XL/2 MACs match FACTS.md", "[trace]") {
    CHECK(perForward("stdit3-xl-2", "240p", 64, true) == Approx(16.7e12).epsilon(0.005));
    CHECK(perForward("stdit3-xl-2", "240p", 51, true) == Approx(13.2e12).epsilon(0.005));
    CHECK(perForward("stdit3-xl-2", "480p", 51, true) == Approx(55.3e12).epsilon(0.005));
    CHECK(perForward("stdit3-xl-2", "720p", 51, true) == Approx(139e12).epsilon(0.005));
}

TEST_CASE("trace_models: STDiT3 geometry follows the VAE rule", "[trace]") {
    CHECK(stdit3LatentFrames(17) == 5);
    CHECK(stdit3LatentFrames(51) == 15);
    CHECK(stdit3LatentFrames(64) == 19);
    TraceSpec s = tracetest::model("stdit3-xl-2", 30, true, 64);
    CHECK(s.header["video"]["latent"] == vgm::Json::array({19, 15, 27}));
    CHECK(s.header["video"]["tokens"] == 7695);
    CHECK(s.sequence.size() == 58);  // embed + 56 blocks + final
    CHECK(s.sequence[1].tmpl == "spatial");
    CHECK(s.sequence[2].tmpl == "temporal");
    const auto& sp = *s.findTemplate("spatial");
    // Spatial attention: B*T*heads groups of S x S.
    bool found = false;
    for (const auto& op : sp.ops)
        if (op.kind == OpKind::AttentionQK && op.role == Role::SelfAttention) {
            CHECK(op.batch == 2 * 19 * 16);
            CHECK(op.m == 405);
            found = true;
        }
    CHECK(found);
}

TEST_CASE("trace_models: unsupported options are clean errors", "[trace]") {
    ModelOptions o;
    o.model = "stdit3-xl-2";
    o.resolution = "1080p";
    CHECK_THROWS_WITH(buildModel(o),
                      "vgmsim trace: --resolution '1080p' not supported by stdit3-xl-2; allowed: 240p, 480p, 720p");
    o.model = "gemm";
    CHECK_THROWS_WITH(buildModel(o), "vgmsim trace: gemm needs --m, --n and --k, each >= 1");
}
