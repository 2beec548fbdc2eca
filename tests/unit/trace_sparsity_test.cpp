// Sparsity sources: measured log, stat profile, masks; windows and seeds.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>

#include "trace_test_util.h"
#include "workload/Sparsity.h"
#include "workload/TraceTotals.h"
#include "workload/Windows.h"

using namespace vgm::workload;

TEST_CASE("trace_sparsity: window capacities and draws stay inside windows", "[trace]") {
    TokenGrid g{19, 15, 27};
    CHECK(unitCapacity(g, WindowKind::Frame1x2) == 15 * 13);
    CHECK(unitCapacity(g, WindowKind::Frame2x2) == 3 * 7 * 13 + 13 + 7);
    CHECK(unitCapacity(g, WindowKind::PositionT2) == 9);
    uint64_t clamped = 0;
    SkipSet s = drawSkips(g, WindowKind::PositionT2, 12, 5, &clamped);
    CHECK(clamped == 3 * 405);
    CHECK(s.rows.size() == 9 * 405);
    for (size_t i = 0; i < s.rows.size(); ++i) {
        CHECK(s.rows[i] - s.refs[i] == 405);  // previous frame, same position
        CHECK((s.refs[i] / 405) % 2 == 0);
    }
    SkipSet a = drawSkips(g, WindowKind::Frame2x2, 100, 42), b = drawSkips(g, WindowKind::Frame2x2, 100, 42);
    CHECK(a.rows == b.rows);
    CHECK(a.rows != drawSkips(g, WindowKind::Frame2x2, 100, 43).rows);
    for (size_t i = 0; i < a.rows.size(); ++i) {
        int64_t d = int64_t(a.rows[i]) - int64_t(a.refs[i]);
        CHECK((d == 1 || d == 27 || d == 28));
    }
}

TEST_CASE("trace_sparsity: measured counts follow the log value definition", "[trace]") {
    // FACTS.md: kept = round((1 - v) * 7695) tokens of the unit.
    CHECK(measuredSkipFraction(0.9474, "frame:1x2") == Approx(0.0));
    CHECK(measuredSkipFraction(0.9697, "frame:2x2") == Approx(1 - 233.0 / 405));
    CHECK(measuredSkipFraction(0.9988, "position:t2") == Approx(1 - 9.0 / 19));
    CHECK(measuredSkipFraction(0.1353, "video:2x2") == Approx(1 - 6654.0 / 7695));
    MeasuredLog log = readMeasuredLog(tracetest::log());
    CHECK(log.prompts == 3);
    TraceSpec spec = tracetest::model("stdit3-xl-2", 30, true, 64);
    applySparsity(spec, "measured:" + tracetest::log(), 0, 0);
    REQUIRE(spec.skips.size() == 30 * 56 * 5);
    // Step 0, block 0 (spatial), out-proj: 405 - 233 = 172 tokens skipped in every frame, both CFG halves.
    const SkipRecord& out = spec.skips[1];
    REQUIRE(out.kind == SkipRecord::Kind::Explicit);
    CHECK(out.base->rows.size() == 172 * 19);
    CHECK(out.repeat == 2);
    CHECK(spec.header["sparsity"]["prompt"] == 0);
    CHECK(spec.header["sparsity"]["clamped_tokens"].get<uint64_t>() > 0);
    CHECK_THROWS_WITH(applySparsity(spec, "measured:" + tracetest::log(), 3, 0),
                      "vgmsim trace: --prompt 3 out of range; " + tracetest::log() + " has 3 prompts (0..2)");
}

TEST_CASE("trace_sparsity: stat traces draw the same masks on every read", "[trace]") {
    std::string profile = std::string(VGMSIM_SOURCE_DIR) + "/traces/profiles/opensora12_240p_64f.json";
    TraceSpec spec = tracetest::model("stdit3-xl-2", 3, true, 17);
    applySparsity(spec, "stat:" + profile, 0, 9);
    std::string path = tracetest::writeTmp("stat.vgmt", encodeTrace(spec));
    Trace a = readTrace(path), b = readTrace(path);
    uint64_t skipped = 0;
    for (size_t i = 0; i < a.ops.size(); ++i) {
        REQUIRE(bool(a.ops[i].skip) == bool(b.ops[i].skip));
        if (a.ops[i].skip) {
            CHECK(a.ops[i].skip->rows == b.ops[i].skip->rows);
            skipped += a.ops[i].skippedRows();
        }
    }
    CHECK(skipped > 0);
    TraceTotals t = computeTotals(a);
    CHECK(t.skippableMacs > 0);
    CHECK(t.skippableMacs < t.denseMacs / 2);
}

TEST_CASE("trace_sparsity: masks files are validated", "[trace]") {
    TraceSpec spec = tracetest::model("dit-xl-2", 1);
    std::string m = tracetest::writeTmp(
        "m.json",
        "{\"format\":\"vgmsim-masks\",\"version\":1,\"model\":\"dit-xl-2\",\"tokens\":256,\"batch\":1,"
        "\"steps\":1,\"masks\":[{\"step\":0,\"block\":2,\"group\":\"fc1\",\"rows\":[3,4],\"refs\":[2,3]}]}");
    CHECK_THROWS_WITH(applySparsity(spec, "masks:" + m, 0, 0),
                      m + ": masks[0].refs[1]: reference 3 of row 4 is itself skipped");
    m = tracetest::writeTmp(
        "m2.json",
        "{\"format\":\"vgmsim-masks\",\"version\":1,\"model\":\"dit-xl-2\",\"tokens\":1024,\"batch\":1,"
        "\"steps\":1,\"masks\":[]}");
    CHECK_THROWS_WITH(
        applySparsity(spec, "masks:" + m, 0, 0),
        m + ": tokens: masks are for 1024 but the trace has 256; generate the trace with matching options");
    m = tracetest::writeTmp(
        "m3.json",
        "{\"format\":\"vgmsim-masks\",\"version\":1,\"model\":\"dit-xl-2\",\"tokens\":256,\"batch\":1,"
        "\"steps\":1,\"masks\":[{\"step\":0,\"block\":2,\"group\":\"fc1\",\"rows\":[3,5],\"refs\":[2,4]}]}");
    applySparsity(spec, "masks:" + m, 0, 0);
    Trace t = expandTrace(spec, "x.vgmt");
    CHECK(t.ops[4 + 2 * 15 + 11].role == Role::Fc1);
    REQUIRE(t.ops[4 + 2 * 15 + 11].skip);
    CHECK(t.ops[4 + 2 * 15 + 11].skip->refs == std::vector<uint32_t>{2, 4});
}

TEST_CASE("trace_cli: generation errors exit 2 with one line", "[trace]") {
    std::string out = tracetest::tmpFile("cli.err");
    std::string cmd = std::string(VGMSIM_BIN) + " trace stdit3-xl-2 --resolution 1080p -o /dev/null 2>" + out;
    int rc = std::system(cmd.c_str());
    CHECK(WEXITSTATUS(rc) == 2);
    CHECK(vgm::readTextFile(out) ==
          "error: vgmsim trace: --resolution '1080p' not supported by stdit3-xl-2; allowed: 240p, 480p, 720p\n");
    cmd = std::string(VGMSIM_BIN) + " trace info " + std::string(VGMSIM_SOURCE_DIR) + "/traces/README.md 2>" + out;
    CHECK(WEXITSTATUS(std::system(cmd.c_str())) == 2);
    CHECK(vgm::readTextFile(out) == "error: " + std::string(VGMSIM_SOURCE_DIR) +
                                        "/traces/README.md: byte 0: not a vgmsim trace: first line must start with "
                                        "'vgmsim-trace 1'\n");
}
