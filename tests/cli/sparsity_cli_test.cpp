// Sparsity inputs end to end: the SU threshold moves an online-detection run
// (the shipped sweep's axis), layers.csv carries the look-ahead counters, and
// mismatched or bad sparsity options are one-line errors.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "RunVgmsim.h"
#include "common/Json.h"

using vgm::Json;
using vgm::test::runVgmsim;
using vgm::test::scratchDir;

namespace {
const std::string kRoot = VGMSIM_SOURCE_DIR;
Json report(const std::string& dir) {
    std::ifstream in(dir + "/report.json");
    return Json::parse(in);
}
}  // namespace

TEST_CASE("sparsity cli: the threshold moves a run that detects online", "[cli][sparsity]") {
    const std::string dir = scratchDir("sparsity-threshold");
    uint64_t skipped[3];
    const char* thr[] = {"0.90", "0.95", "0.98"};
    for (int i = 0; i < 3; ++i) {
        const auto r = runVgmsim("run -q -c " + kRoot + "/configs/flightvgm_v80.json -t " + kRoot +
                                 "/traces/tiny/gemm_768x64x256_qkv_acts.vgmt --set sparsity.threshold.qkv=" + thr[i] +
                                 " --out " + dir + "/" + std::to_string(i));
        REQUIRE(r.status == 0);
        skipped[i] = report(dir + "/" + std::to_string(i))["macs"]["skipped"].get<uint64_t>();
    }
    CHECK(skipped[0] > skipped[1]);
    CHECK(skipped[1] > skipped[2]);
}

TEST_CASE("sparsity cli: layers.csv has the look-ahead counters per operator", "[cli][sparsity]") {
    const std::string dir = scratchDir("sparsity-layers");
    const auto r = runVgmsim("run -q -c " + kRoot + "/configs/flightvgm_v80.json -t " + kRoot +
                             "/traces/tiny/stdit3-xl-2_240p_17f_2steps_stat.vgmt --out " + dir);
    REQUIRE(r.status == 0);
    std::ifstream in(dir + "/layers.csv");
    std::string header;
    std::getline(in, header);
    CHECK(header.find(",false_positives,missed_skips") != std::string::npos);
    const Json rep = report(dir);
    uint64_t fp = 0, missed = 0;
    for (const auto& l : rep["layers"]) {
        fp += l["false_positives"].get<uint64_t>();
        missed += l["missed_skips"].get<uint64_t>();
    }
    const Json& la = rep["stats"]["zss"]["lookahead"];
    CHECK(fp == la["false_skips"].get<uint64_t>());
    CHECK(missed == la["missed_skips"].get<uint64_t>());
    CHECK(fp > 0);
}

TEST_CASE("sparsity cli: bad persistence and uniform ratio", "[cli][sparsity]") {
    const std::string dir = scratchDir("sparsity-args");
    auto r = runVgmsim("trace stdit3-xl-2 --frames 17 --steps 2 --sparsity uniform:0.3 --persistence 2 -o " + dir +
                       "/t.vgmt");
    CHECK(r.status == 2);
    CHECK(r.err.find("--persistence 2.000000 not allowed; allowed: a probability in [0, 1]") != std::string::npos);
    r = runVgmsim("trace stdit3-xl-2 --frames 17 --steps 2 --sparsity uniform:0.3 -o " + dir + "/u.vgmt");
    CHECK(r.status == 0);
    r = runVgmsim("trace info " + dir + "/u.vgmt --json");
    CHECK(r.status == 0);
}

TEST_CASE("sparsity cli: the detector switch on online and mask traces", "[cli][sparsity]") {
    const std::string dir = scratchDir("sparsity-detector");
    const std::string cfg = " -c " + kRoot + "/configs/flightvgm_v80.json";
    // The shipped stat trace follows the paper's detector: artifact refuses it in one line, exit 2
    // (an untagged trace reads as paper too: sparsity_trace_detector_test).
    const std::string stat = kRoot + "/traces/tiny/stdit3-xl-2_240p_17f_2steps_stat.vgmt";
    auto r = runVgmsim("run -q" + cfg + " -t " + stat + " --set sparsity.detector=artifact --out " + dir + "/m");
    CHECK(r.status == 2);
    CHECK(r.err.find("trace " + stat + ": its masks follow the 'paper' detector (sparsity.detector") !=
          std::string::npos);
    CHECK(r.err.find("but the config's sparsity.detector is 'artifact'") != std::string::npos);
    CHECK(r.err.find('\n') == r.err.size() - 1);
    // Traces written with --detector: the tag, the mismatch, and the same masks at the artifact's SU cost.
    const char* det[] = {"paper", "artifact"};
    uint64_t su[2], skipped[2];
    for (int i = 0; i < 2; ++i) {
        const std::string t = dir + "/u_" + det[i] + ".vgmt";
        r = runVgmsim(std::string("trace stdit3-xl-2 --frames 17 --steps 2 --sparsity uniform:0.3 --detector ") +
                      det[i] + " -o " + t);
        REQUIRE(r.status == 0);
        r = runVgmsim("trace info " + t + " --json");
        REQUIRE(r.status == 0);
        CHECK(Json::parse(r.out)["header"]["sparsity"]["detector"] == det[i]);
        r = runVgmsim("run -q" + cfg + " -t " + t + " --set sparsity.detector=" + det[1 - i] + " --out " + dir + "/x");
        CHECK(r.status == 2);
        CHECK(r.err.find(t + ": its masks follow the '" + det[i] + "' detector") != std::string::npos);
        r = runVgmsim("run -q" + cfg + " -t " + t + " --set sparsity.detector=" + det[i] + " --out " + dir + "/u" +
                      det[i]);
        REQUIRE(r.status == 0);
        const Json rep = report(dir + "/u" + det[i]);
        su[i] = rep["stats"]["units"]["su"]["busy_cycles"].get<uint64_t>();
        skipped[i] = rep["macs"]["skipped"].get<uint64_t>();
    }
    CHECK(skipped[0] == skipped[1]);
    CHECK(su[1] > su[0]);
    r = runVgmsim("trace stdit3-xl-2 --frames 17 --steps 1 --detector artifact -o " + dir + "/d.vgmt");
    CHECK(r.status == 2);
    CHECK(r.err.find("--sparsity dense has none") != std::string::npos);
    // On carried activations both run, and the artifact's all-pairs matching costs the SU more.
    for (int i = 0; i < 2; ++i) {
        r = runVgmsim("run -q" + cfg + " -t " + kRoot + "/traces/tiny/gemm_768x64x256_qkv_acts.vgmt" +
                      " --set sparsity.detector=" + det[i] + " --out " + dir + "/" + det[i]);
        REQUIRE(r.status == 0);
        su[i] = report(dir + "/" + det[i])["stats"]["units"]["su"]["busy_cycles"].get<uint64_t>();
    }
    CHECK(su[1] > su[0]);
}
