// Energy: every component is an event count x its table value (so it scales
// with that count alone), fabric power scales with resources and clock, static
// power follows device and temperature class, power over time adds up to the
// energy, the card limit and the clock limits are flagged. The resource
// estimate is hand-checked.
#include <catch2/catch.hpp>

#include <functional>

#include "config/Config.h"
#include "power/ClockLimits.h"
#include "power/Energy.h"
#include "power/PowerReport.h"
#include "power/Resources.h"

using vgm::Json;
using vgm::config::Config;
using vgm::stats::RunResult;
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
double named(const Named& v, const std::string& name) {
    for (const auto& [n, x] : v)
        if (n == name) return x;
    FAIL("no entry " << name);
    return 0;
}
double param(const Config& c, const std::string& section, const std::string& key) {
    return c.root()["power"][section].real(key);
}
EnergyReport energyOf(const Config& cfg, const RunResult& run) { return computeEnergy(cfg, run, estimateResources(cfg)); }
}  // namespace

TEST_CASE("energy: each event component scales with its own count only", "[power]") {
    const Config cfg = smallDesign();
    struct Event {
        const char* component;
        const char* section;
        const char* key;
        std::function<void(RunResult&, uint64_t)> set;
    };
    const std::vector<Event> events = {
        {"dsp58_int8", "events", "dsp58_int8_mac_pj", [](RunResult& r, uint64_t n) { r.dspMacs[0][0] = n; }},
        {"dsp58_int16", "events", "dsp58_int16_mac_pj", [](RunResult& r, uint64_t n) { r.dspMacs[0][1] = n; }},
        {"dsp58_fp16", "events", "dsp58_fp16_mac_pj", [](RunResult& r, uint64_t n) { r.dspMacs[0][2] = n; }},
        {"dsp58_fp32", "events", "dsp58_fp32_mac_pj", [](RunResult& r, uint64_t n) { r.dspMacs[0][3] = n; }},
        {"dspe_int8", "events", "dspe_int8_mac_pj", [](RunResult& r, uint64_t n) { r.dspMacs[1][0] = n; }},
        {"dspe_int16", "events", "dspe_int16_mac_pj", [](RunResult& r, uint64_t n) { r.dspMacs[1][1] = n; }},
        {"dspe_fp16", "events", "dspe_fp16_mac_pj", [](RunResult& r, uint64_t n) { r.dspMacs[1][2] = n; }},
        {"dspe_fp32", "events", "dspe_fp32_mac_pj", [](RunResult& r, uint64_t n) { r.dspMacs[1][3] = n; }},
        {"sfu", "events", "sfu_element_pj", [](RunResult& r, uint64_t n) { r.sfuElements = n; }},
        {"su", "events", "su_mac_pj", [](RunResult& r, uint64_t n) { r.suMacs = n; }},
        {"ru", "events", "ru_byte_pj", [](RunResult& r, uint64_t n) { r.ruBytes = n; }},
        {"uram_read", "events", "uram_read_byte_pj", [](RunResult& r, uint64_t n) { r.uramReadBytes = n; }},
        {"uram_write", "events", "uram_write_byte_pj", [](RunResult& r, uint64_t n) { r.uramWriteBytes = n; }},
        {"bram_read", "events", "bram_read_byte_pj", [](RunResult& r, uint64_t n) { r.bramReadBytes = n; }},
        {"bram_write", "events", "bram_write_byte_pj", [](RunResult& r, uint64_t n) { r.bramWriteBytes = n; }},
        {"noc_transfer", "events", "noc_byte_pj", [](RunResult& r, uint64_t n) { r.nocBytes = n; }},
        {"hbm_act", "hbm", "act_pj", [](RunResult& r, uint64_t n) { r.hbmActs = n; }},
        {"hbm_pre", "hbm", "pre_pj", [](RunResult& r, uint64_t n) { r.hbmPres = n; }},
        {"hbm_rd", "hbm", "rd_burst_pj", [](RunResult& r, uint64_t n) { r.hbmRdBursts = n; }},
        {"hbm_wr", "hbm", "wr_burst_pj", [](RunResult& r, uint64_t n) { r.hbmWrBursts = n; }},
        {"hbm_refresh", "hbm", "ref_pj", [](RunResult& r, uint64_t n) { r.hbmRefreshes = n; }},
    };
    RunResult base;
    base.totalCycles = 3000000;
    const EnergyReport e0 = energyOf(cfg, base);
    for (const Event& ev : events) {
        INFO(ev.component);
        const double pj = param(cfg, ev.section, ev.key);
        CHECK(pj > 0);
        for (uint64_t n : {uint64_t(1000), uint64_t(7000000)}) {
            RunResult run = base;
            ev.set(run, n);
            const EnergyReport e = energyOf(cfg, run);
            CHECK(named(e.components, ev.component) == Approx(double(n) * pj * 1e-12));
            CHECK(e.totalJ - e0.totalJ == Approx(double(n) * pj * 1e-12).epsilon(1e-6));
        }
    }
}

TEST_CASE("energy: a per-bank refresh costs ref_pj / banks", "[power]") {
    for (const char* banks : {"16", "8"}) {
        const Config cfg = smallDesign({std::string("memory.hbm.org.banks=") + banks});
        RunResult run;
        run.totalCycles = 3000000;
        run.hbmRefreshesPerBank = 160000;
        const double pj = param(cfg, "hbm", "ref_pj") / std::stod(banks);
        CHECK(named(energyOf(cfg, run).components, "hbm_refresh_pb") == Approx(160000 * pj * 1e-12));
    }
}

TEST_CASE("energy: components add up to categories, categories to the total", "[power]") {
    const Config cfg = smallDesign();
    RunResult run;
    run.totalCycles = 150000000;  // 0.5 s at 300 MHz
    run.dspMacs[1][0] = 1000000, run.dspMacs[1][2] = 2000, run.sfuElements = 500, run.suMacs = 300;
    run.uramReadBytes = 4096, run.bramWriteBytes = 100, run.nocBytes = 64, run.hbmRdBursts = 10;
    run.videoFrames = 4;
    const EnergyReport r = energyOf(cfg, run);
    double sum = 0;
    for (const auto& [n, j] : r.categories) sum += j;
    CHECK(sum == r.totalJ);  // exactly: the total is defined as the sum
    CHECK(r.categories.size() == 8);
    CHECK(named(r.categories, "dsp") == Approx(named(r.components, "dspe_int8") + named(r.components, "dspe_fp16")));
    CHECK(named(r.categories, "static") == Approx(param(cfg, "xcv80", "static_typical_w") * 0.5));
    CHECK(r.latencyS == Approx(0.5));
    CHECK(r.averagePowerW == Approx(r.totalJ / 0.5));
    CHECK(r.cardPowerW == Approx(r.averagePowerW / 0.9));
    CHECK(r.perVideoJ == r.totalJ);
    CHECK(r.perFrameJ == Approx(r.totalJ / 4));
}

TEST_CASE("energy: fabric and clock power grow with the design and the clock, even idle", "[power]") {
    RunResult idle;  // no event at all
    idle.totalCycles = 300000000;
    auto fabricW = [&](const Config& c) {
        const EnergyReport e = energyOf(c, idle);
        return named(e.categories, "fabric_clock") / e.latencyS;
    };
    const Config small = smallDesign();
    const Config big = smallDesign({"dsp.groups.0.rows=64", "sfu.elements_per_cycle=64"});
    const ResourceEstimate rs = estimateResources(small), rb = estimateResources(big);
    REQUIRE(rb.lut > rs.lut);
    REQUIRE(rb.ff > rs.ff);
    REQUIRE(rb.dsp > rs.dsp);
    CHECK(fabricW(big) > fabricW(small) * 1.05);
    // Hand-checked formula: f x (toggle x (LUT x lut_net + FF x ff_net) + FF x ff_clock + DSP x dsp_clock + mem x mem_clock).
    const double f = 300e6;
    const double expect = f * (0.125 * (double(rs.lut) * 52e-15 + double(rs.ff) * 50e-15) + double(rs.ff) * 2.6e-15 +
                               double(rs.dsp) * 0.24e-12 + double(rs.bram36 + rs.uram) * 0.14e-12);
    CHECK(fabricW(small) == Approx(expect));
    // Power at twice the clock is twice the power (same cycles, half the time, same energy per cycle).
    const Config fast = smallDesign({"clock.fabric_mhz=600"});
    CHECK(fabricW(fast) == Approx(2 * fabricW(small)));
    // And a higher toggle rate costs more logic power.
    CHECK(fabricW(smallDesign({"power.toggle_rate=0.25"})) > fabricW(small));
}

TEST_CASE("energy: static power per device and temperature class; HBM per stack", "[power]") {
    RunResult idle;
    idle.totalCycles = 300000000;  // 1 s
    auto category = [&](const Config& c, const char* name) { return named(energyOf(c, idle).categories, name); };
    const Config v80 = smallDesign(), hot = smallDesign({"power.temperature=hot"});
    const Config vn = smallDesign({"device.part=vn1752"});
    CHECK(category(v80, "static") == Approx(9.2));
    CHECK(category(hot, "static") == Approx(21.0));
    CHECK(category(vn, "static") == Approx(6.5));
    CHECK(category(hot, "static") > category(v80, "static"));
    CHECK(category(v80, "hbm") == Approx(2 * (0.53 + 1.0)));
    CHECK(category(smallDesign({"memory.hbm.org.stacks=1"}), "hbm") == Approx(0.53 + 1.0));
    CHECK(category(v80, "noc") == Approx(0.6));
}

TEST_CASE("power over time: windows add up to the energy; the peak is found", "[power]") {
    const Config cfg = smallDesign({"power.window_us=1"});  // 300 cycles per window
    RunResult run;
    run.totalCycles = 3000;  // 10 windows
    run.activity.windowCycles = 300;
    run.dspMacs[1][0] = 1000000;
    run.activity.add(1 * 4 + 0, 600, 900, 1000000.0);  // all DSP work in window 2
    run.sfuElements = 16 * 3000;
    run.activity.add(vgm::stats::Activity::kSfu, 0, 3000, 3000.0);  // SFU busy all the time
    const EnergyReport e = evaluatePower(cfg, run, estimateResources(cfg), ClockCheck{});
    REQUIRE(e.windows.size() == 10);
    double joules = 0;
    for (const auto& w : e.windows)
        for (double x : w) joules += x * e.windowS;
    CHECK(joules == Approx(e.totalJ));
    CHECK(e.peakAtS == Approx(2 * e.windowS));
    CHECK(e.peakPowerW > e.averagePowerW);
    CHECK(e.warnings.empty());
}

TEST_CASE("power: card limit warnings for the average and for a peak", "[power]") {
    RunResult run;
    run.totalCycles = 3000;
    run.activity.windowCycles = 300;
    run.dspMacs[1][0] = 200000000;  // 1.89 pJ x 2e8 = 0.38 mJ in 1 us: ~380 W in one window, ~38 W on average
    run.activity.add(4, 0, 300, double(run.dspMacs[1][0]));
    const Config cfg = smallDesign({"power.window_us=1"});
    const EnergyReport peak = evaluatePower(cfg, run, estimateResources(cfg), ClockCheck{});
    REQUIRE(peak.warnings.size() == 1);
    CHECK(peak.warnings[0].find("exceeds the xcv80 card limit 190 W") != std::string::npos);
    // Without the burst, raising static power above the limit flags the average.
    RunResult quiet;
    quiet.totalCycles = 3000;
    const Config hotStatic = smallDesign({"power.xcv80.static_typical_w=400"});
    const EnergyReport avg = evaluatePower(hotStatic, quiet, estimateResources(hotStatic), ClockCheck{});
    REQUIRE(avg.warnings.size() == 1);
    CHECK(avg.warnings[0].rfind("average card power", 0) == 0);
    // No card limit known (VN1752): no check.
    const Config vn = smallDesign({"device.part=vn1752", "power.vn1752.static_typical_w=400"});
    CHECK(evaluatePower(vn, quiet, estimateResources(vn), ClockCheck{}).warnings.empty());
}

TEST_CASE("clock limits: DSP58 floating-point and integer Fmax by part", "[power]") {
    CHECK(checkClockLimits(smallDesign()).violations.empty());
    CHECK(checkClockLimits(smallDesign({"clock.fabric_mhz=750"})).violations.empty());
    const ClockCheck over = checkClockLimits(smallDesign({"clock.fabric_mhz=760"}));
    REQUIRE(over.violations.size() == 1);
    CHECK(over.violations[0].find("floating-point Fmax 750 MHz of xcv80") != std::string::npos);
    CHECK(over.usesInt);
    CHECK(over.usesFp);
    // A lower integer limit (e.g. a slower grade entered by the user) flags the integer modes too.
    const ClockCheck both = checkClockLimits(smallDesign({"clock.fabric_mhz=760", "power.xcv80.dsp_int_fmax_mhz=700"}));
    CHECK(both.violations.size() == 2);
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
