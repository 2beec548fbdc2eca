// `vgmsim run` power outputs: the report's power object and power.csv agree
// with the energy; a clock above the DSP58 Fmax is a warning, and an error
// (exit 2, one line) with --strict.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "RunVgmsim.h"
#include "common/Json.h"

using vgm::Json;
using vgm::test::runVgmsim;
using vgm::test::scratchDir;
using vgm::test::slurp;

namespace {
const std::string kConfig = std::string(VGMSIM_SOURCE_DIR) + "/configs/scalesim/os_32x32.json";

std::string makeGemm(const std::string& dir) {
    std::string trace = dir + "/g.vgmt";
    REQUIRE(runVgmsim("trace gemm --m 200 --n 96 --k 64 -o " + trace).status == 0);
    return trace;
}
}  // namespace

TEST_CASE("run: power breakdown in report.json and power.csv add up to the energy", "[cli][power]") {
    const std::string dir = scratchDir("power-report");
    const std::string trace = makeGemm(dir);
    auto r = runVgmsim("run --config " + kConfig + " --trace " + trace + " --set power.window_us=0.05 --timeline " + dir +
                       "/t.json --out " + dir + "/out");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("breakdown    static") != std::string::npos);
    CHECK(r.out.find("WARNING") == std::string::npos);
    const Json rep = Json::parse(slurp(dir + "/out/report.json"));
    const Json& p = rep["power"];
    double sum = 0;
    for (const char* c : {"static", "fabric_clock", "dsp", "sfu", "su_ru", "onchip_memory", "noc", "hbm"}) {
        INFO(c);
        REQUIRE(p["energy_j"].contains(c));
        sum += p["energy_j"][c].get<double>();
    }
    CHECK(sum == Approx(rep["energy_j"].get<double>()));
    CHECK(p["energy_j"]["dsp"].get<double>() > 0);
    CHECK(p["peak_w"].get<double>() >= p["average_w"]["total"].get<double>());
    CHECK(p["card_limit_w"] == 190.0);
    CHECK(p["clock"]["within_limits"] == true);
    // power.csv: one row per 0.05 us window; watts x window time sums to the energy.
    std::istringstream csv(slurp(dir + "/out/power.csv"));
    std::string line;
    std::getline(csv, line);
    CHECK(line.rfind("start_ms,static_w,fabric_clock_w,dsp_w", 0) == 0);
    double joules = 0;
    size_t rows = 0;
    const double window = p["window_s"].get<double>(), latency = rep["latency_s"].get<double>();
    while (std::getline(csv, line)) {
        const double start = std::stod(line.substr(0, line.find(','))) * 1e-3;
        const double total = std::stod(line.substr(line.rfind(',') + 1));
        joules += total * std::min(window, latency - start);
        ++rows;
    }
    CHECK(rows > 1);
    // The timeline carries the same windows as a power_w counter track.
    const Json tl = Json::parse(slurp(dir + "/t.json"));
    size_t counters = 0;
    for (const auto& ev : tl["traceEvents"])
        if (ev["ph"] == "C") {
            CHECK(ev["name"] == "power_w");
            CHECK(ev["args"].contains("dsp"));
            ++counters;
        }
    CHECK(counters == rows);
    CHECK(joules == Approx(rep["energy_j"].get<double>()).epsilon(1e-4));
}

TEST_CASE("run: a clock above the DSP58 Fmax is flagged, and refused with --strict", "[cli][power]") {
    const std::string dir = scratchDir("power-fmax");
    const std::string trace = makeGemm(dir);
    const std::string base = "run --config " + kConfig + " --trace " + trace + " --set clock.fabric_mhz=800";
    auto strict = runVgmsim(base + " --strict --out " + dir + "/s");
    CHECK(strict.status == 2);
    CHECK(strict.err.find("floating-point Fmax 750 MHz of xcv80") != std::string::npos);
    CHECK(strict.err.find('\n') == strict.err.size() - 1);  // one line
    auto lax = runVgmsim(base + " --out " + dir + "/l");
    REQUIRE(lax.status == 0);
    CHECK(lax.out.find("WARNING      clock.fabric_mhz = 800 exceeds") != std::string::npos);
    const Json rep = Json::parse(slurp(dir + "/l/report.json"));
    CHECK(rep["power"]["clock"]["within_limits"] == false);
    CHECK(rep["power"]["warnings"].size() == 1);
}
