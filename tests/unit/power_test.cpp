// Energy adds up from the table; the resource estimate is hand-checked.
#include <catch2/catch.hpp>

#include "config/Config.h"
#include "power/Energy.h"
#include "power/Resources.h"

using vgm::Json;
using vgm::config::Config;
using namespace vgm::power;

namespace {
Config smallDesign(const std::vector<std::string>& sets = {}) {
    const Json doc = Json::parse(R"({
      "dsp": {"groups": [{"name": "g", "unit": "dsp-e", "engine": "systolic", "rows": 32, "cols": 32}],
              "dsp_e": {"extra_lut": 120, "extra_ff": 160}},
      "sfu": {"elements_per_cycle": 16},
      "sparsity": {"enabled": true},
      "memory": {"noc": {"masters": 1}}})");
    return Config::fromJson(doc, "small.json", sets);
}
double component(const EnergyReport& r, const std::string& name) {
    for (const auto& [n, j] : r.components)
        if (n == name) return j;
    FAIL("no component " << name);
    return 0;
}
}  // namespace

TEST_CASE("energy: each component is count x table value and they add up", "[power]") {
    const Config cfg = smallDesign();
    vgm::stats::RunResult run;
    run.macsInt8 = 1000000;
    run.macsFp16 = 2000;
    run.sfuElements = 500;
    run.suMacs = 300;
    run.uramBytes = 4096;
    run.bramBytes = 100;
    run.nocBytes = 64;
    run.hbmActs = 2, run.hbmPres = 2, run.hbmRdBursts = 10, run.hbmWrBursts = 3, run.hbmRefreshes = 1;
    run.videoFrames = 4;
    const EnergyReport r = computeEnergy(cfg, run, 0.5);
    CHECK(component(r, "dsp_int8") == Approx(1e6 * 0.25e-12));
    CHECK(component(r, "dsp_fp16") == Approx(2000 * 1.0e-12));
    CHECK(component(r, "sfu") == Approx(500 * 3.0e-12));
    CHECK(component(r, "su") == Approx(300 * 1.0e-12));
    CHECK(component(r, "uram") == Approx(4096 * 0.7e-12));
    CHECK(component(r, "hbm_rd") == Approx(10 * 780e-12));
    CHECK(component(r, "hbm_refresh") == Approx(30000e-12));
    CHECK(component(r, "static") == Approx(25.0 * 0.5));
    double sum = 0;
    for (const auto& [n, j] : r.components) sum += j;
    CHECK(sum == r.totalJ);  // exactly: the total is defined as the sum
    CHECK(r.averagePowerW == Approx(r.totalJ / 0.5));
    CHECK(r.perVideoJ == r.totalJ);
    CHECK(r.perFrameJ == Approx(r.totalJ / 4));
}

TEST_CASE("energy: not a video gives no per-frame energy", "[power]") {
    const EnergyReport r = computeEnergy(smallDesign(), vgm::stats::RunResult{}, 1.0);
    CHECK(r.totalJ == Approx(25.0));
    CHECK(r.perFrameJ == 0.0);
}

TEST_CASE("resources: hand-checked estimate of a 32x32 DSP-E design", "[power]") {
    const ResourceEstimate r = estimateResources(smallDesign());
    // Array 1024 DSP-E: LUT 1024 x (24 + 120), FF 1024 x (48 + 160); SFU 16 lanes x (2 DSP, 400 LUT,
    // 600 FF); SU 64 FP16 lanes: 64 DSP, 3000 + 64 x 60 LUT, 4000 + 64 x 100 FF; RU 64 B x (6, 10);
    // ZSS 8000 + 600 LUT, 12000 + 900 FF, 16 BRAM; one DMA 3000 / 5000; buffers 1472 URAM + 512 BRAM;
    // shell 180000 LUT, 250000 FF, 120 BRAM.
    CHECK(r.dsp == 1024 + 32 + 64);
    CHECK(r.lut == 147456 + 6400 + 6840 + 384 + 8600 + 3000 + 180000);
    CHECK(r.ff == 212992 + 9600 + 10400 + 640 + 12900 + 5000 + 250000);
    CHECK(r.bram36 == 16 + 512 + 120);
    CHECK(r.uram == 256 + 960 + 256);
    CHECK(r.device.part == "xcv80");
    CHECK(r.fits());
    CHECK(r.parts.front().first == "dsp_array");
}

TEST_CASE("resources: sparsity off drops SU and RU; INT8 SU lanes pack three per DSP", "[power]") {
    const ResourceEstimate off = estimateResources(smallDesign({"sparsity.enabled=false"}));
    CHECK(off.dsp == 1024 + 32);
    const ResourceEstimate i8 = estimateResources(smallDesign({"sparsity.su.precision=int8"}));
    CHECK(i8.dsp == 1024 + 32 + 22);
}

TEST_CASE("resources: too many URAMs do not fit", "[power]") {
    const ResourceEstimate r = estimateResources(smallDesign({"buffers.activation.uram=5000"}));
    CHECK_FALSE(r.fits());
    CHECK(r.uram == 256 + 5000 + 256);
}
