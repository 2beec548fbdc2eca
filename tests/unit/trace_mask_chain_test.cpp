// Step-correlated masks (MaskChain): persistence 0 is the independent draw,
// persistence 1 keeps every token the count allows, counts per unit hold.
#include <catch2/catch.hpp>

#include <algorithm>

#include "workload/MaskChain.h"
#include "workload/Rng.h"

using namespace vgm::workload;

namespace {
size_t common(const SkipSet& a, const SkipSet& b) {
    std::vector<uint32_t> both;
    std::set_intersection(a.rows.begin(), a.rows.end(), b.rows.begin(), b.rows.end(), std::back_inserter(both));
    return both.size();
}
}  // namespace

TEST_CASE("mask_chain: persistence 0 draws exactly like drawSkips", "[trace][sparsity]") {
    const TokenGrid g{5, 6, 8};
    MaskChain chain;
    for (uint64_t step = 0; step < 3; ++step) {
        const SkipSet s = chain.next(g, WindowKind::Frame2x2, 7, mixSeed(1, step), 0.0);
        const SkipSet d = drawSkips(g, WindowKind::Frame2x2, 7, mixSeed(1, step));
        CHECK(s.rows == d.rows);
        CHECK(s.refs == d.refs);
    }
}

TEST_CASE("mask_chain: persistence 1 keeps last step's tokens", "[trace][sparsity]") {
    const TokenGrid g{4, 6, 8};  // 2x2 windows: 36 candidates per frame
    MaskChain chain;
    const SkipSet a = chain.next(g, WindowKind::Frame2x2, 10, 11, 1.0);
    const SkipSet b = chain.next(g, WindowKind::Frame2x2, 10, 12, 1.0);  // same count: the same mask
    CHECK(a.rows == b.rows);
    const SkipSet c = chain.next(g, WindowKind::Frame2x2, 14, 13, 1.0);  // grows: all 10 kept, 4 new per frame
    CHECK(c.rows.size() == 14 * 4);
    CHECK(common(b, c) == 10 * 4);
    const SkipSet d = chain.next(g, WindowKind::Frame2x2, 3, 14, 1.0);  // shrinks: a subset
    CHECK(d.rows.size() == 3 * 4);
    CHECK(common(c, d) == 3 * 4);
    for (size_t i = 0; i < d.rows.size(); ++i) {
        const int64_t off = int64_t(d.rows[i]) - int64_t(d.refs[i]);
        CHECK((off == 1 || off == 8 || off == 9));
    }
}

TEST_CASE("mask_chain: overlap follows the persistence", "[trace][sparsity]") {
    const TokenGrid g{19, 15, 27};
    MaskChain chain;
    const SkipSet a = chain.next(g, WindowKind::Video2x2, 2000, 1, 0.8);
    const SkipSet b = chain.next(g, WindowKind::Video2x2, 2000, 2, 0.8);
    REQUIRE(b.rows.size() == 2000);
    // Kept ~ Binomial(2000, 0.8) = 1600 +- 18; an independent draw would share ~2000 x 2000/5567 = 719.
    CHECK(common(a, b) > 1500);
    CHECK(common(a, b) < 1700);
    MaskChain indep;
    const SkipSet c = indep.next(g, WindowKind::Video2x2, 2000, 1, 0.0);
    const SkipSet d = indep.next(g, WindowKind::Video2x2, 2000, 2, 0.0);
    CHECK(common(c, d) < 800);
}

TEST_CASE("mask_chain: bad persistence is an error", "[trace][sparsity]") {
    CHECK_THROWS_WITH(checkPersistence(1.5, "--persistence"),
                      "--persistence 1.500000 not allowed; allowed: a probability in [0, 1]");
    CHECK_NOTHROW(checkPersistence(0.95, "--persistence"));
}

#include "trace_test_util.h"
#include "workload/Sparsity.h"

TEST_CASE("mask_chain: uniform:R skips R of every group's tokens, step-correlated", "[trace][sparsity]") {
    TraceSpec spec = tracetest::model("stdit3-xl-2", 2, true, 17);  // latent 5 x 15 x 27
    applySparsity(spec, "uniform:0.25", 0, 3, 0.9);
    REQUIRE(spec.skips.size() == 2 * 56 * 5);
    // Spatial QKV (frame:1x2): 0.25 x 405 = 101 tokens per frame (capacity 195).
    CHECK(spec.skips[0].kind == SkipRecord::Kind::Count);
    CHECK(spec.skips[0].perUnit == 101);
    // Temporal QKV (position:t2, 5 frames): 0.25 x 5 -> 1 per position (capacity 2).
    CHECK(spec.skips[5].perUnit == 1);
    CHECK(spec.header["sparsity"]["source"] == "uniform");
    CHECK(spec.header["sparsity"]["persistence"] == 0.9);
    CHECK_THROWS_WITH(applySparsity(spec, "uniform:1.5", 0, 3),
                      "vgmsim trace: --sparsity uniform:'1.5' not allowed; allowed: uniform:R with R a skipped "
                      "fraction in [0, 1)");
}

TEST_CASE("mask_chain: a measured log on another geometry names both", "[trace][sparsity]") {
    TraceSpec spec = tracetest::model("stdit3-xl-2", 30, true, 51);
    const std::string log = std::string(VGMSIM_SOURCE_DIR) + "/traces/reference/fvgm_opensora12_sparsity.txt";
    CHECK_THROWS_WITH(applySparsity(spec, "measured:" + log, 0, 0),
                      Catch::Contains("measured at 240p 9:16, 64 frames (latent 19 x 15 x 27 = 7695 tokens)") &&
                          Catch::Contains("the trace is 15 x 15 x 27 = 6075 tokens"));
}

TEST_CASE("mask_chain: the STDiT3 profile on Latte names both models", "[trace][sparsity]") {
    TraceSpec spec = tracetest::model("latte-xl-2", 2, true, 16);
    const std::string prof = std::string(VGMSIM_SOURCE_DIR) + "/traces/profiles/opensora12_240p_64f.json";
    CHECK_THROWS_WITH(applySparsity(spec, "stat:" + prof, 0, 0),
                      Catch::Contains("profile fitted to \"stdit3-xl-2\" (latent [19,15,27]) but the trace is "
                                      "latte-xl-2"));
}
