// The cycle-count regression gate: the goldens in tests/golden must match,
// and a moved timing parameter must fail the check with a readable table.
#include <catch2/catch.hpp>

#include "cli/RunVgmsim.h"
#include "cli/SweepFixture.h"
#include "common/Files.h"
#include "common/Json.h"

using namespace vgm::test;
using vgm::Json;

static const std::string kGolden = std::string(VGMSIM_SOURCE_DIR) + "/tests/golden";
// A timing parameter (DSP-E INT8 pipeline depth) that moves the V80 cases' cycle counts.
static const char* const GOLDEN_TIMING_SET = "dsp.dsp_e.int8_depth=6";

TEST_CASE("check: every golden report matches (update them on purpose: tools/update_goldens.sh)", "[regression]") {
    auto r = runVgmsim("check --golden " + kGolden);
    INFO(r.out << r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("golden reports match") != std::string::npos);
}

TEST_CASE("check: changing a timing parameter fails with a table of what moved", "[regression]") {
    auto r = runVgmsim("check --golden " + kGolden + " --set " + GOLDEN_TIMING_SET);
    INFO(r.out << r.err);
    CHECK(r.status == 1);
    CHECK(r.out.find("case") != std::string::npos);
    CHECK(r.out.find("field") != std::string::npos);
    CHECK(r.out.find("delta") != std::string::npos);
    CHECK(r.out.find("cycles.total") != std::string::npos);
    CHECK(r.out.find("cases moved") != std::string::npos);
}

TEST_CASE("check: --update writes new goldens and a hand-edited golden is caught", "[regression]") {
    const std::string dir = scratchDir("check-update");
    Json manifest = {{"float_relative_tolerance", 1e-9},
                     {"cases",
                      {{{"name", "gemm"},
                        {"config", srcPath("configs/scalesim/os_32x32.json")},
                        {"trace", kGolden + "/traces/gemm_100x60x50_fp16.vgmt"}}}}};
    vgm::writeFileAtomic(dir + "/manifest.json", vgm::dumpJson(manifest));
    auto first = runVgmsim("check --golden " + dir);
    CHECK(first.status == 1);
    CHECK(first.out.find("new golden") != std::string::npos);
    auto upd = runVgmsim("check --golden " + dir + " --update");
    REQUIRE(upd.status == 0);
    CHECK(upd.out.find("rewrote 1 golden(s)") != std::string::npos);
    CHECK(runVgmsim("check --golden " + dir).status == 0);

    Json golden = Json::parse(vgm::readTextFile(dir + "/expected/gemm.json"));
    const uint64_t cycles = golden["cycles"]["total"];
    golden["cycles"]["total"] = cycles + 1;
    vgm::writeFileAtomic(dir + "/expected/gemm.json", vgm::dumpJson(golden));
    auto moved = runVgmsim("check --golden " + dir);
    CHECK(moved.status == 1);
    CHECK(moved.out.find("gemm  cycles.total  " + std::to_string(cycles + 1) + "  " + std::to_string(cycles)) !=
          std::string::npos);

    auto both = runVgmsim("check --golden " + dir + " --update --set clock.fabric_mhz=100");
    CHECK(both.status == 2);
    manifest["cases"][0]["bogus"] = 1;
    vgm::writeFileAtomic(dir + "/manifest.json", vgm::dumpJson(manifest));
    auto bad = runVgmsim("check --golden " + dir);
    CHECK(bad.status == 2);
    CHECK(bad.err.find("manifest.json: /cases/0/bogus: unknown key 'bogus'") != std::string::npos);
}
