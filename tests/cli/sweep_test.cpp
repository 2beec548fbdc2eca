// vgmsim sweep end to end on tiny GEMM traces: results, failures recorded,
// constraints, Pareto fronts, dry runs and input errors.
#include <catch2/catch.hpp>
#include <filesystem>

#include "RunVgmsim.h"
#include "SweepFixture.h"

using namespace vgm::test;
using vgm::Json;

static size_t countLines(const std::string& s, const std::string& needle) {
    size_t n = 0;
    for (size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
    return n;
}

TEST_CASE("sweep: a grid runs every point and writes results, fronts and reports", "[cli][sweep]") {
    const std::string dir = scratchDir("sweep-grid");
    const std::string spec = writeTinySpec(dir);
    auto r = runVgmsim("sweep --spec " + spec + " --jobs 2 --out " + dir + "/out");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("18 points planned") != std::string::npos);
    CHECK(r.out.find("18 ok, 0 failed") != std::string::npos);
    const std::string csv = slurpFile(dir + "/out/results.csv");
    CHECK(csv.rfind("id,trace,dsp.groups.0.rows,dsp.groups.0.cols,status,cycles.total,", 0) == 0);
    CHECK(countLines(csv, "\n") == 19);
    CHECK(countLines(csv, ",ok,") == 18);
    Json res = Json::parse(slurpFile(dir + "/out/results.json"));
    CHECK(res["counts"]["ok"] == 18);
    const Json& p0 = res["points"][0];
    CHECK(p0["set"]["dsp.groups.0.rows"] == 8);
    CHECK(p0["metrics"]["cycles.total"].is_number_integer());
    Json rep = Json::parse(slurpFile(dir + "/out/points/" + p0["id"].get<std::string>() + "/report.json"));
    CHECK(rep["cycles"]["total"] == p0["metrics"]["cycles.total"]);
    const std::string pareto = slurpFile(dir + "/out/pareto.csv");
    CHECK(pareto.rfind("front,trace,id,latency_s,energy_j,resources.dsp,dsp.groups.0.rows,dsp.groups.0.cols\n", 0) ==
          0);
    CHECK(pareto.find("latency_s|energy_j,") != std::string::npos);
    CHECK(pareto.find("latency_s|resources.dsp,") != std::string::npos);
    // A bigger array is never slower on these GEMMs: the 32x32 point is on every latency front.
    CHECK(countLines(pareto, ",32,32\n") >= 2);
}

TEST_CASE("sweep: a failing point is recorded and the others still run", "[cli][sweep]") {
    const std::string dir = scratchDir("sweep-fail");
    Json extra = {{"axes", {{{"path", "dsp.groups.0.rows"}, {"values", {16, 0, 32}}}}}};
    auto r = runVgmsim("sweep --spec " + writeTinySpec(dir, extra) + " --jobs 2 --out " + dir + "/out");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("4 ok, 2 failed") != std::string::npos);
    Json res = Json::parse(slurpFile(dir + "/out/results.json"));
    const Json& bad = res["points"][2];
    CHECK(bad["set"]["dsp.groups.0.rows"] == 0);
    CHECK(bad["status"] == "failed");
    CHECK(bad["error"].get<std::string>().find("/dsp/groups/0/rows") != std::string::npos);
    CHECK(res["points"][4]["status"] == "ok");
}

TEST_CASE("sweep: constraints filter points before they run", "[cli][sweep]") {
    const std::string dir = scratchDir("sweep-constraints");
    Json extra = {{"constraints", {"fits", "dsp.groups.0.rows * dsp.groups.0.cols <= 256"}},
                  {"traces", {srcPath("traces/tiny/gemm_64x128x32_int8.vgmt")}}};
    auto r = runVgmsim("sweep --spec " + writeTinySpec(dir, extra) + " --out " + dir + "/out --jobs 2");
    REQUIRE(r.status == 0);
    // rows x cols <= 256: (8,8) (8,16) (8,32) (16,8) (16,16) (32,8) run; 3 filtered.
    CHECK(r.out.find("6 ok, 0 failed, 3 filtered") != std::string::npos);
    const std::string csv = slurpFile(dir + "/out/results.csv");
    CHECK(csv.find(",32,32,filtered,") != std::string::npos);
    CHECK(csv.find("violates \"\"dsp.groups.0.rows * dsp.groups.0.cols <= 256\"\"") != std::string::npos);
}

TEST_CASE("sweep: random and LHS modes are reproducible; --dry-run lists points", "[cli][sweep]") {
    const std::string dir = scratchDir("sweep-lhs");
    Json extra = {{"mode", "lhs"}, {"samples", 3}, {"seed", 11}};
    const std::string spec = writeTinySpec(dir, extra);
    auto a = runVgmsim("sweep --spec " + spec + " --dry-run");
    auto b = runVgmsim("sweep --spec " + spec + " --dry-run");
    REQUIRE(a.status == 0);
    CHECK(a.out == b.out);
    CHECK(countLines(a.out, "\n") == 6);  // 3 samples x 2 traces
    CHECK(a.out.find("--set") == std::string::npos);
    CHECK(a.out.find("dsp.groups.0.rows=") != std::string::npos);
    auto s = runVgmsim("sweep --spec " + spec + " --dry-run --shard 2/3");
    CHECK(countLines(s.out, "\n") == 2);
}

TEST_CASE("sweep: bad specs and arguments are one-line errors with status 2", "[cli][sweep][errors]") {
    const std::string dir = scratchDir("sweep-errors");
    auto u = runVgmsim("sweep --spec " + writeTinySpec(dir, {{"jobs", 3}}) + " --dry-run");
    CHECK(u.status == 2);
    CHECK(u.err.find("spec.json: /jobs: unknown key 'jobs'") != std::string::npos);
    Json badPath = {{"axes", {{{"path", "dsp.groups.0.rowz"}, {"values", {8}}}}}};
    auto p = runVgmsim("sweep --spec " + writeTinySpec(dir, badPath) + " --dry-run");
    CHECK(p.status == 2);
    CHECK(p.err.find("spec.json: /axes: ") != std::string::npos);
    CHECK(p.err.find("did you mean 'rows'?") != std::string::npos);
    auto s = runVgmsim("sweep --spec " + writeTinySpec(dir) + " --shard 4/3");
    CHECK(s.status == 2);
    CHECK(s.err == "error: --shard: 4/3 is out of range; allowed: I/N with 1 <= I <= N, e.g. 2/8\n");
}
