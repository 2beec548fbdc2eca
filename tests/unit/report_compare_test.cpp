// vgmsim compare on synthetic run folders (no simulator): exact ratios,
// per-kind sums from layers.csv, derived metrics, and the bad-input errors.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "common/Error.h"
#include "common/Files.h"
#include "report/Compare.h"

using namespace vgm::report;
using vgm::Json;
namespace fs = std::filesystem;

namespace {

std::string runDir(const std::string& name, uint64_t cycles, double energy, uint64_t sfuBusy, uint64_t skipped,
                   const std::string& layersCsv) {
    auto d = fs::temp_directory_path() / ("vgmsim-compare-" + std::to_string(::getpid())) / name;
    fs::remove_all(d);
    Json r = {{"config", {{"name", "cfg"}, {"hash", "h"}, {"overrides", {"sfu.elements_per_cycle=64"}}}},
              {"trace", {{"name", "tr"}}},
              {"cycles", {{"total", cycles}}},
              {"latency_s", cycles / 1e8},
              {"energy_j", energy},
              {"macs", {{"executed", 1000}, {"skipped", skipped}}},
              {"stats",
               {{"units", {{"sfu", {{"busy_cycles", sfuBusy}}}, {"su", {{"busy_cycles", Json{{"value", 10}}}}}}},
                {"dma_weight_engine", {{"bytes_read", 2e8}, {"bytes_written", 0}}}}}};
    vgm::writeFileAtomic((d / "report.json").string(), vgm::dumpJson(r));
    vgm::writeFileAtomic((d / "layers.csv").string(), layersCsv);
    return d.string();
}

const char* kHead =
    "name,kind,role,step,block,m,k,n,batch,precision,start_cycle,cycles,dsp_sfu_busy_cycles,dma_busy_cycles,"
    "su_ru_busy_cycles,macs_executed,macs_skipped\n";

const CompareRow& row(const Comparison& c, const std::string& name) {
    for (const auto& r : c.metrics)
        if (r.name == name) return r;
    FAIL("no row " << name);
    throw 0;
}

}  // namespace

TEST_CASE("compare: three runs side by side with exact ratios and per-kind sums", "[compare]") {
    const std::string a = runDir("a", 1000, 2.0, 500, 0,
                                 std::string(kHead) + "l0,linear,qkv,0,0,1,1,1,1,int8,0,10,100,20,3,5,0\n" +
                                     "l1,softmax,,0,0,1,1,1,1,fp16,0,10,40,0,0,0,0\n");
    const std::string b = runDir("b", 1500, 3.0, 750, 300,
                                 std::string(kHead) + "l0,linear,qkv,0,0,1,1,1,1,int8,0,10,80,20,7,5,300\n" +
                                     "l1,softmax,,0,0,1,1,1,1,fp16,0,10,40,0,0,0,0\n");
    const std::string c = runDir("c", 500, 1.0, 500, 0, std::string(kHead) + "l0,attention,,0,0,1,1,1,1,fp16,0,1,9,0,0,0,0\n");
    const Comparison cmp = compareRuns({a, b, c});
    REQUIRE(cmp.runs.size() == 3);
    CHECK(cmp.runs[1].overrides == std::vector<std::string>{"sfu.elements_per_cycle=64"});
    const CompareRow& cyc = row(cmp, "cycles.total");
    CHECK(*ratioToFirst(cyc.values, 1) == 1.5);
    CHECK(*ratioToFirst(cyc.values, 2) == 0.5);
    CHECK(*row(cmp, "busy.sfu").values[0] == 0.5);
    CHECK(*row(cmp, "busy.sfu").values[2] == 1.0);
    CHECK(*row(cmp, "busy.su").values[1] == Approx(10.0 / 1500));  // {"value": n} counters are read too
    CHECK(*row(cmp, "bandwidth_gbs").values[0] == Approx(2e8 / 1e-5 / 1e9));
    CHECK(!ratioToFirst(row(cmp, "macs.skipped").values, 1));  // first run skipped nothing: no ratio
    CHECK(!row(cmp, "average_power_w").values[0]);              // absent from these reports
    // Kinds: union over runs, sorted; a kind a run lacks counts 0.
    REQUIRE(cmp.kinds.size() == 3);
    CHECK(cmp.kinds[0].kind == "attention");
    CHECK(cmp.kinds[0].busyCycles == std::vector<double>{0, 0, 9});
    CHECK(cmp.kinds[1].kind == "linear");
    CHECK(cmp.kinds[1].busyCycles == std::vector<double>{123, 107, 0});
    CHECK(cmp.kinds[1].macsSkipped == std::vector<double>{0, 300, 0});
    const std::string text = compareText(cmp);
    CHECK(text.find("1,500 (x1.5000)") != std::string::npos);
    CHECK(text.find("107 (-13.0%)") != std::string::npos);
    const std::string md = compareMarkdown(cmp);
    CHECK(md.rfind("| run | --set | cycles.total (cycles) | latency_s (s) |", 0) == 0);
    CHECK(md.find("\n| " + b + " | sfu.elements_per_cycle=64 | 1,500 (x1.5000) |") != std::string::npos);
    CHECK(std::count(md.begin(), md.end(), '\n') == 2 + 3);
    const std::string csv = compareCsv(cmp);
    CHECK(csv.find("metric,cycles.total,cycles," + b + ",1500,1.5\n") != std::string::npos);
    CHECK(csv.find("kind,linear.busy_cycles,cycles," + b + ",107,") != std::string::npos);
    const Json j = compareJson(cmp);
    CHECK(j["metrics"][0]["ratios"][1] == 1.5);
    CHECK(j["kinds"].size() == 3);
}

TEST_CASE("compare: --metric picks report paths; bad folders and metrics are one-line input errors", "[compare]") {
    const std::string a = runDir("m1", 1000, 2.0, 500, 0, kHead);
    const std::string b = runDir("m2", 1200, 2.5, 500, 0, kHead);
    const Comparison c = compareRuns({a, b}, {"energy_j", "stats.units.su.busy_cycles"});
    REQUIRE(c.metrics.size() == 2);
    CHECK(*ratioToFirst(c.metrics[0].values, 1) == 1.25);
    CHECK(c.metrics[1].integer);
    CHECK_THROWS_WITH(compareRuns({a, b}, {"energy_jj"}), Catch::Contains("--metric energy_jj: not a number"));
    CHECK_THROWS_WITH(compareRuns({a}), Catch::Contains("allowed: two or more RUN_DIRs"));
    CHECK_THROWS_WITH(compareRuns({a, a + "/nope"}), Catch::Contains("/nope: has no report.json"));
    vgm::writeFileAtomic(b + "/layers.csv", std::string(kHead) + "x,linear,1\n");
    CHECK_THROWS_WITH(compareRuns({a, b}), Catch::Contains("layers.csv: line 2: has 3 fields"));
}
