// Masks in traces are tagged with the detector they follow (sparsity.detector):
// the tag round-trips, untagged traces read as paper, a run with another
// detector is refused, and the artifact's SU cost on a trace mask follows the
// mask's window unit (hand-checked).
#include <catch2/catch.hpp>

#include "cli/RunVgmsim.h"
#include "common/Error.h"
#include "config/Config.h"
#include "timing/schedule/OpPlanner.h"
#include "timing/sparsity/ArtifactDetector.h"
#include "workload/Models.h"
#include "workload/Sparsity.h"
#include "workload/TraceSpec.h"
#include "planner_fixture.h"

using namespace vgm::timing;
using vgm::Json;
using vgm::config::Config;
using vgm::workload::TokenGrid;
using vgm::workload::WindowKind;

namespace {
Config cfg(const std::string& det) {
    const Json doc = Json::parse(R"({
      "dsp": {"groups": [{"name": "a", "unit": "dsp-e", "rows": 4, "cols": 4}]},
      "sparsity": {"enabled": true, "group_frames": 3, "block_tokens": 4,
                   "su": {"lanes": 4, "read_bytes_per_cycle": 8, "pipeline_depth": 2, "precision": "fp16"}},
      "scheduler": {"tile_rows": 4, "lookahead": false}})");
    return Config::fromJson(doc, "a.json", {"sparsity.detector=" + det});
}

// A 17-frame, 1-step STDiT3 trace with uniform masks; `tag` "" removes the tag (an old trace).
std::string writeStdit(const std::string& dir, const std::string& tag) {
    vgm::workload::ModelOptions opt;
    opt.model = "stdit3-xl-2";
    opt.frames = 17;
    opt.steps = 1;
    vgm::workload::TraceSpec spec = vgm::workload::buildModel(opt);
    vgm::workload::applySparsity(spec, "uniform:0.3", 0, 0, 0.95, tag.empty() ? "paper" : tag);
    if (tag.empty()) spec.header["sparsity"].erase("detector");
    const std::string path = dir + "/" + (tag.empty() ? "old" : tag) + ".vgmt";
    vgm::workload::writeTrace(path, spec);
    return path;
}
}  // namespace

TEST_CASE("trace detector: the artifact's work per window unit", "[sparsity]") {
    // T = 3 frames of H x W = 3 x 5 tokens, 2 CFG halves.
    const TokenGrid g{3, 3, 5};
    // frame:1x2: 6 units of 15 tokens, 3 x 2 references, 9 candidates; ranking 9 x ceil(log2 9) = 36.
    CHECK(artifactWindowWork(g, 2, WindowKind::Frame1x2) == SuWork{6 * 6, 6 * 6 * 9, 6 * 36});
    // frame:2x2: 1 x 2 references, 13 candidates; ranking 13 x 4.
    CHECK(artifactWindowWork(g, 2, WindowKind::Frame2x2) == SuWork{6 * 2, 6 * 2 * 13, 6 * 52});
    // position:t2: 30 positions of 3 frames, 1 reference, 2 candidates; ranking 2 x 1.
    CHECK(artifactWindowWork(g, 2, WindowKind::PositionT2) == SuWork{30, 30 * 2, 30 * 2});
    // video:2x2: 2 units of (3*3) x 5 tokens, 4 x 2 references, 37 candidates; ranking 37 x 6.
    CHECK(artifactWindowWork(g, 2, WindowKind::Video2x2) == SuWork{2 * 8, 2 * 8 * 37, 2 * 222});
    // The default video's MLP, as the artifact calls it (27 x 285 tokens, 2x2): 1846 references.
    CHECK(artifactWindowWork(TokenGrid{19, 15, 27}, 2, WindowKind::Video2x2) ==
          SuWork{2 * 1846, 2 * 1846 * 5849, 2 * 5849 * 13});
    // A frame:1x2 unit is the online detector's 1 x K unit with K = 2 when the frame is one row.
    CHECK(artifactWindowWork(TokenGrid{2, 1, 5}, 1, WindowKind::Frame1x2) == artifactWork(TokenLayout{1, 2, 5}, 2));
}

TEST_CASE("trace detector: a trace mask under artifact is costed per its window unit", "[sparsity][planner]") {
    vgm::workload::Operator op;
    op.role = vgm::workload::Role::Qkv;
    op.precision = vgm::workload::PrecisionClass::Int8Capable;
    op.m = 90, op.k = 4, op.n = 4;  // 2 halves x 3 frames x 3 x 5 tokens
    op.inputElems = 360, op.weightElems = 16, op.outputElems = 360;
    op.skip = std::make_shared<const vgm::workload::SkipSet>(vgm::workload::SkipSet{{1, 46}, {0, 45}});
    op.skipWindow = WindowKind::Frame1x2;
    OpPlan plans[2];
    int i = 0;
    for (const char* det : {"paper", "artifact"}) {
        vgm::test::PlannerFixture f(cfg(det), 3, 15, 2, TokenGrid{3, 3, 5});
        plans[i++] = f.planner.plan(op, 0);
    }
    CHECK(plans[0].su == workForMask(TokenLayout{2, 3, 15}, 3, 4, op.skip.get()));
    CHECK(plans[1].su == SuWork{36, 324, 216});
    // d = 4 FP16 = 8 B: 1 read cycle per token; 3 x 4 MACs on 4 lanes: 3 cycles per candidate.
    // 36 x 1 + 324 x 3 + 216 ranking + depth 2 + 1 mask write = 1227.
    CHECK(plans[1].suCycles == 1227);
    // The mask is the trace's under either detector; only the SU's cost moves.
    REQUIRE(plans[0].skipped);
    REQUIRE(plans[1].skipped);
    CHECK(plans[0].skipped->rows == plans[1].skipped->rows);
    CHECK(plans[1].rowsComputed == 88);
    // A trace mask without a window unit has no artifact cost yet: an explicit error.
    op.skipWindow.reset();
    vgm::test::PlannerFixture f(cfg("artifact"), 3, 15, 2, TokenGrid{3, 3, 5});
    CHECK_THROWS_WITH(f.planner.plan(op, 0), Catch::Contains("not implemented yet"));
}

TEST_CASE("trace detector: the tag round-trips, an old trace reads as paper, a mismatch is refused",
          "[sparsity][trace]") {
    const std::string dir = vgm::test::scratchDir("trace-detector");
    const auto art = vgm::workload::readTrace(writeStdit(dir, "artifact"));
    const auto pap = vgm::workload::readTrace(writeStdit(dir, "paper"));
    const auto old = vgm::workload::readTrace(writeStdit(dir, ""));
    CHECK(art.header.fields["sparsity"]["detector"] == "artifact");
    CHECK(pap.header.fields["sparsity"]["detector"] == "paper");
    CHECK_FALSE(old.header.fields["sparsity"].contains("detector"));
    CHECK(vgm::workload::maskDetector(art.header.fields) == "artifact");
    CHECK(vgm::workload::maskDetector(old.header.fields) == "paper");
    // Same masks under either tag.
    REQUIRE(art.ops.size() == pap.ops.size());
    for (size_t i = 0; i < art.ops.size(); ++i) {
        REQUIRE(bool(art.ops[i].skip) == bool(pap.ops[i].skip));
        if (art.ops[i].skip) CHECK(art.ops[i].skip->rows == pap.ops[i].skip->rows);
    }
    const SparsitySpec paper = SparsitySpec::fromConfig(cfg("paper")),
                       artifact = SparsitySpec::fromConfig(cfg("artifact"));
    CHECK_NOTHROW(checkDetectorInputs(paper, pap));
    CHECK_NOTHROW(checkDetectorInputs(paper, old));
    CHECK_NOTHROW(checkDetectorInputs(artifact, art));
    CHECK_THROWS_WITH(checkDetectorInputs(paper, art),
                      "trace " + dir +
                          "/artifact.vgmt: its masks follow the 'artifact' detector (sparsity.detector) but the "
                          "config's sparsity.detector is 'paper'; allowed: --set sparsity.detector=artifact, or a "
                          "trace written with vgmsim trace --detector paper");
    CHECK_THROWS_WITH(checkDetectorInputs(artifact, old), Catch::Contains("(sparsity.detector absent: paper)"));
    // A tag that names no detector is refused by the reader.
    vgm::workload::ModelOptions opt;
    opt.model = "stdit3-xl-2", opt.frames = 17, opt.steps = 1;
    vgm::workload::TraceSpec spec = vgm::workload::buildModel(opt);
    vgm::workload::applySparsity(spec, "uniform:0.3", 0, 0, 0.95);
    spec.header["sparsity"]["detector"] = "magic";
    vgm::workload::writeTrace(dir + "/magic.vgmt", spec);
    CHECK_THROWS_WITH(vgm::workload::readTrace(dir + "/magic.vgmt"),
                      Catch::Contains("sparsity.detector") && Catch::Contains("\"magic\" not allowed"));
}
