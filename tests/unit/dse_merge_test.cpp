// Results, merge and resume on synthetic point folders (no simulator needed):
// shards merged must equal the unsharded folder byte for byte.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "common/Error.h"
#include "common/Files.h"
#include "dse/Merge.h"
#include "dse/Results.h"
#include "dse/SweepRunner.h"

using namespace vgm::dse;
using vgm::Json;
namespace fs = std::filesystem;

static std::string tmpDir(const std::string& name) {
    auto d = fs::temp_directory_path() / ("vgmsim-dse-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d.string();
}

static Plan demoPlan() {
    Json doc = Json::parse(R"({"name": "demo", "base_config": "c.json", "traces": ["a.json", "b.json"],
        "axes": [{"path": "x", "values": [1, 2, 3]}, {"path": "y", "range": {"start": 0.5, "stop": 1.5, "step": 0.5}}],
        "objectives": [["latency_s", "energy_j"], ["latency_s", "resources.dsp"]]})");
    SweepSpec spec = SweepSpec::fromJson(doc, "demo.json");
    Plan plan = expandPoints(spec, [](Point& p) {
        if (p.sets[0].second == 3 && p.sets[1].second == 1.5) {
            p.state = PointState::Filtered;
            p.note = "violates \"x * y < 4\"";
        }
    });
    plan.baseHash = "fnv1a64:0";
    plan.traceHashes = {"fnv1a64:1", "fnv1a64:2"};
    return plan;
}

// A stand-in for what `vgmsim run` writes; point 5 fails.
static void fakeRun(const std::string& dir, const Point& p) {
    const std::string pd = pointDir(dir, p);
    if (p.index == 5) {
        writeStatus(pd, "failed", "c.json: /x: 2 is odd");
        return;
    }
    double x = p.sets[0].second.get<double>(), y = p.sets[1].second.get<double>();
    Json rep{{"schema", "vgmsim-report/2"},
             {"cycles", {{"total", 1000 * p.index + 7}}},
             {"latency_s", 1.0 / (x * y)},
             {"energy_j", x * y * (p.trace == "a.json" ? 1.0 : 2.0)},
             {"resources", {{"dsp", int(x) * 100}, {"fits", true}}}};
    vgm::writeFileAtomic(pd + "/report.json", vgm::dumpJson(rep));
}

static std::string slurp(const std::string& p) {
    return vgm::readTextFile(p);
}

TEST_CASE("dse merge: merged shards equal the unsharded folder byte for byte", "[dse][merge]") {
    const Plan plan = demoPlan();
    REQUIRE(plan.points.size() == 18);
    const std::string whole = tmpDir("whole");
    vgm::writeFileAtomic(whole + "/sweep.json", vgm::dumpJson(sweepJson(plan, Shard{})));
    for (size_t i : shardPoints(plan, Shard{})) fakeRun(whole, plan.points[i]);
    std::vector<size_t> all;
    for (const auto& p : plan.points) all.push_back(p.index);
    writeResults(whole, plan, all);

    std::vector<std::string> shards;
    for (size_t s = 1; s <= 3; ++s) {
        const std::string dir = tmpDir("shard" + std::to_string(s));
        vgm::writeFileAtomic(dir + "/sweep.json", vgm::dumpJson(sweepJson(plan, Shard{s, 3})));
        for (size_t i : shardPoints(plan, Shard{s, 3})) fakeRun(dir, plan.points[i]);
        writeResults(dir, plan, shardRows(plan, Shard{s, 3}));
        shards.push_back(dir);
    }
    const std::string merged = tmpDir("merged") + "/out";
    MergeSummary sum = mergeShards({shards[2], shards[0], shards[1]}, merged);  // any order
    CHECK(sum.shards == 3);
    CHECK(sum.copied == 16);  // 18 points, 2 filtered
    for (const char* f : {"sweep.json", "results.csv", "results.json", "pareto.csv"})
        CHECK(slurp(merged + "/" + f) == slurp(whole + "/" + f));
    const std::string csv = slurp(whole + "/results.csv");
    CHECK(csv.find(",filtered,") != std::string::npos);
    CHECK(csv.find(",failed,") != std::string::npos);
    CHECK(csv.find("c.json: /x: 2 is odd") != std::string::npos);

    // A missing shard, a duplicate, a foreign sweep: all refused.
    CHECK_THROWS_WITH(mergeShards({shards[0], shards[1]}, tmpDir("m2") + "/o"),
                      "sweep-merge: shard(s) 3/3 missing; allowed: all 3 shards of the sweep");
    CHECK_THROWS_WITH(mergeShards({shards[0], shards[0]}, tmpDir("m3") + "/o"), Catch::Contains("is also in"));
    Json other = Json::parse(slurp(shards[1] + "/sweep.json"));
    other["spec_hash"] = "fnv1a64:ffff";
    vgm::writeFileAtomic(shards[1] + "/sweep.json", vgm::dumpJson(other));
    CHECK_THROWS_WITH(mergeShards(shards, tmpDir("m4") + "/o"), Catch::Contains("holds a different sweep"));
    for (auto& d : shards) fs::remove_all(d);
    fs::remove_all(whole);
    fs::remove_all(fs::path(merged).parent_path());
}

TEST_CASE("dse resume: only a whole report counts as complete", "[dse][resume]") {
    const std::string dir = tmpDir("resume");
    CHECK_FALSE(completeReport(dir));
    vgm::writeFileAtomic(dir + "/report.json", "{\"schema\": \"vgmsim-report/2\", \"cyc");  // truncated
    CHECK_FALSE(completeReport(dir));
    vgm::writeFileAtomic(dir + "/report.json", "{\"other\": 1}\n");  // not a report
    CHECK_FALSE(completeReport(dir));
    vgm::writeFileAtomic(dir + "/report.json", "{\"schema\": \"vgmsim-report/2\", \"cycles\": {\"total\": 3}}\n");
    REQUIRE(completeReport(dir));
    CHECK((*completeReport(dir))["cycles"]["total"] == 3);
    fs::remove_all(dir);
}

TEST_CASE("dse results: rows come from the folders only, in plan order", "[dse][results]") {
    const Plan plan = demoPlan();
    const std::string dir = tmpDir("rows");
    fakeRun(dir, plan.points[0]);
    fakeRun(dir, plan.points[5]);
    Results r = collectResults(plan, {0, 5, 6, 17}, dir);
    REQUIRE(r.rows.size() == 4);
    CHECK(r.rows[0].status == "ok");
    CHECK(r.rows[1].status == "failed");
    CHECK(r.rows[2].status == "missing");
    CHECK(r.rows[3].status == "filtered");
    Json j = resultsJson(plan, r);
    CHECK(j["counts"]["ok"] == 1);
    CHECK(j["points"][0]["metrics"]["cycles.total"] == 7);
    CHECK(j["points"][0]["set"]["y"] == 0.5);
    CHECK(csvEscape("a,b") == "\"a,b\"");
    CHECK(csvEscape("say \"hi\"") == "\"say \"\"hi\"\"\"");
    fs::remove_all(dir);
}
