// `vgmsim run` end to end on a tiny GEMM: report schema, files, determinism.
#include <catch2/catch.hpp>

#include <filesystem>
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
    auto r = runVgmsim("trace gemm --m 40 --n 33 --k 17 -o " + trace);
    REQUIRE(r.status == 0);
    return trace;
}
}  // namespace

TEST_CASE("run: writes a complete vgmsim-report/2 report", "[cli][run]") {
    std::string dir = scratchDir("run-schema");
    std::string trace = makeGemm(dir);
    auto r = runVgmsim("run --config " + kConfig + " --trace " + trace + " --out " + dir + "/out");
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("cycles") != std::string::npos);
    Json rep = Json::parse(slurp(dir + "/out/report.json"));
    CHECK(rep["schema"] == "vgmsim-report/2");
    for (const char* key : {"vgmsim_version", "config", "trace", "clock_mhz", "cycles", "latency_s", "utilization",
                            "macs", "energy_j", "average_power_w", "resources", "layers"})
        CHECK(rep.contains(key));
    const Json& c = rep["cycles"];
    CHECK(c["total"].is_number_unsigned());
    CHECK(c["total"].get<uint64_t>() > 0);
    CHECK(c["total"].get<uint64_t>() == c["compute"].get<uint64_t>() + c["memory_stall"].get<uint64_t>() +
                                            c["sparsity_overhead"].get<uint64_t>() + c["idle"].get<uint64_t>());
    CHECK(rep["macs"]["dense"] == 40 * 33 * 17);
    CHECK(rep["macs"]["executed"] == 40 * 33 * 17);
    CHECK(rep["macs"]["skipped"] == 0);
    double u = rep["utilization"]["dsp"];
    CHECK(u > 0.0);
    CHECK(u <= 1.0);
    for (const char* key : {"dsp", "lut", "ff", "bram36", "uram", "fits"}) CHECK(rep["resources"].contains(key));
    REQUIRE(rep["layers"].size() >= 1);
    CHECK(rep["layers"][0]["macs_executed"] == 40 * 33 * 17);
    CHECK(std::filesystem::exists(dir + "/out/layers.csv"));
    Json resolved = Json::parse(slurp(dir + "/out/config.resolved.json"));
    CHECK(resolved["dsp"]["groups"][0]["rows"] == 32);
}

TEST_CASE("run: two runs give byte-identical outputs", "[cli][run]") {
    std::string dir = scratchDir("run-determinism");
    std::string trace = makeGemm(dir);
    REQUIRE(runVgmsim("run -q --config " + kConfig + " --trace " + trace + " --out " + dir + "/a").status == 0);
    REQUIRE(runVgmsim("run -q --config " + kConfig + " --trace " + trace + " --out " + dir + "/b").status == 0);
    for (const char* f : {"report.json", "layers.csv", "config.resolved.json"}) {
        INFO(f);
        CHECK(slurp(dir + "/a/" + f) == slurp(dir + "/b/" + f));
    }
}

TEST_CASE("run: --set changes the resolved config and the result", "[cli][run]") {
    std::string dir = scratchDir("run-set");
    std::string trace = makeGemm(dir);
    REQUIRE(runVgmsim("run -q --config " + kConfig + " --trace " + trace + " --out " + dir + "/a").status == 0);
    REQUIRE(runVgmsim("run -q --config " + kConfig + " --trace " + trace + " --set clock.fabric_mhz=150 --out " +
                      dir + "/b").status == 0);
    Json a = Json::parse(slurp(dir + "/a/report.json"));
    Json b = Json::parse(slurp(dir + "/b/report.json"));
    CHECK(a["cycles"]["total"] == b["cycles"]["total"]);
    CHECK(b["latency_s"].get<double>() == Approx(2.0 * a["latency_s"].get<double>()));
    CHECK(a["config"]["hash"] != b["config"]["hash"]);
}

TEST_CASE("run: a missing trace file is a one-line error with status 2", "[cli][run][errors]") {
    auto r = runVgmsim("run --config " + kConfig + " --trace /nonexistent/t.json");
    CHECK(r.status == 2);
    CHECK(r.err.rfind("error: /nonexistent/t.json: ", 0) == 0);
}
