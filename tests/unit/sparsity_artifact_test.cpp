// The artifact detector (sparsity.detector = artifact): hand-checked masks and
// work, and switching the detector moves the plan's mask and SU cost together.
#include <catch2/catch.hpp>

#include "config/Config.h"
#include "timing/schedule/OpPlanner.h"
#include "timing/sparsity/ArtifactDetector.h"
#include "planner_fixture.h"

using namespace vgm::timing;
using vgm::Json;
using vgm::config::Config;

namespace {
// Unit vectors of dimension 3.
void put(std::vector<float>& a, uint64_t row, int axis) {
    for (int e = 0; e < 3; ++e) a[row * 3 + e] = e == axis ? 1.0f : 0.0f;
}
}  // namespace

TEST_CASE("artifact detector: random references, global best match, the first frame's count", "[sparsity]") {
    // 2 frames of 5 tokens, windows of K = 2: frame = [w0: 0 1][w1: 2 3][4 left over].
    const TokenLayout lay{1, 2, 5};
    // Per frame 2 references (one per full window), 3 candidates, each against both references;
    // ranking 3 x ceil(log2 3) = 6 compare cycles.
    CHECK(artifactWork(lay, 2) == SuWork{2 * 2, 2 * 2 * 3, 2 * 6});
    CHECK(artifactWork(lay, 1) == SuWork{});  // a window of one token has nothing to compare
    std::vector<float> acts(10 * 3);
    // Frame 0: window mates are equal, token 4 orthogonal to both: 2 candidates above 0.5.
    put(acts, 0, 0), put(acts, 1, 0), put(acts, 2, 1), put(acts, 3, 1), put(acts, 4, 2);
    // Frame 1: every token equal: all 3 candidates match, yet only the first frame's count (2) is skipped.
    for (uint64_t r = 5; r < 10; ++r) put(acts, r, 0);
    for (uint64_t seed : {1u, 2u, 3u, 4u}) {
        const Detection d = detectArtifact(lay, 3, acts, 2, 0.5, seed);
        CHECK(d.work == artifactWork(lay, 2));
        REQUIRE(d.skip.rows.size() == 4);
        // Frame 0: one token of each window, copied from its window mate (the random reference).
        CHECK(d.skip.rows[0] <= 1);
        CHECK(d.skip.refs[0] == 1 - d.skip.rows[0]);
        CHECK((d.skip.rows[1] == 2 || d.skip.rows[1] == 3));
        CHECK(d.skip.refs[1] == 5 - d.skip.rows[1]);
        // Frame 1: two candidates, each copied from a reference of frame 1 that is not skipped.
        for (size_t i = 2; i < 4; ++i) {
            CHECK(d.skip.rows[i] >= 5);
            CHECK(d.skip.refs[i] >= 5);
            CHECK(d.skip.refs[i] != d.skip.rows[2]);
            CHECK(d.skip.refs[i] != d.skip.rows[3]);
        }
    }
    // A threshold no candidate of frame 0 passes skips nothing anywhere.
    CHECK(detectArtifact(lay, 3, acts, 2, 1.0, 1).skip.rows.empty());
}

TEST_CASE("artifact detector: switching the detector moves the mask and the SU cost together", "[sparsity]") {
    auto cfg = [](const std::string& det) {
        const Json doc = Json::parse(R"({
          "dsp": {"groups": [{"name": "a", "unit": "dsp-e", "rows": 4, "cols": 4}]},
          "sparsity": {"enabled": true, "group_frames": 3, "block_tokens": 4,
                       "su": {"lanes": 4, "read_bytes_per_cycle": 8, "pipeline_depth": 2, "precision": "fp16"}},
          "scheduler": {"tile_rows": 4, "lookahead": false}})");
        return Config::fromJson(doc, "a.json", {"sparsity.detector=" + det, "sparsity.threshold.qkv=0.9"});
    };
    // 3 frames of 8 tokens, d = 4: frame f token s = position base + small per-frame noise.
    auto acts = std::make_shared<std::vector<float>>(24 * 4);
    for (uint64_t r = 0; r < 24; ++r)
        for (uint64_t e = 0; e < 4; ++e)
            (*acts)[r * 4 + e] = float(((r % 8) * 7 + e * 3) % 5) + 1.0f + 0.05f * float((r * 13 + e) % 3);
    vgm::workload::Operator op;
    op.role = vgm::workload::Role::Qkv;
    op.precision = vgm::workload::PrecisionClass::Int8Capable;
    op.m = 24, op.k = 4, op.n = 4;
    op.inputElems = 96, op.weightElems = 16, op.outputElems = 96;
    op.acts = acts;
    OpPlan plans[2];
    int i = 0;
    for (const char* det : {"paper", "artifact"}) {
        vgm::test::PlannerFixture f(cfg(det), 3, 8, 1);
        plans[i++] = f.planner.plan(op, 0);
    }
    const TokenLayout lay{1, 3, 8};
    const Detection paper = detectSkips(lay, 4, *acts, 3, 4, 0.9);
    const Detection art = detectArtifact(lay, 4, *acts, 4, 0.9, 0);
    // Each plan carries its own algorithm's mask and work, costed by the same datapath rule.
    CHECK(plans[0].su == paper.work);
    CHECK(plans[1].su == art.work);
    CHECK(plans[1].su == artifactWork(lay, 4));
    SuDatapath dp{4, 2, 8, 2};
    CHECK(plans[0].suCycles == suCycles(dp, paper.work, 4));
    CHECK(plans[1].suCycles == suCycles(dp, art.work, 4));
    REQUIRE(plans[0].skipped);
    REQUIRE(plans[1].skipped);
    CHECK(plans[0].skipped->rows == paper.skip.rows);
    CHECK(plans[1].skipped->rows == art.skip.rows);
    CHECK(plans[0].skipped->rows != plans[1].skipped->rows);
    // Per frame 2 references x 6 candidates + ranking 6 x 3: the artifact costs more here.
    CHECK(plans[1].suCycles > plans[0].suCycles);
}
