// A researcher's first hour: output folders that never overwrite another
// run silently, small reports on request, `vgmsim compare` over three real
// runs, and a timeline that validates against the Chrome trace event format.
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "RunVgmsim.h"
#include "SweepFixture.h"
#include "common/Json.h"

using namespace vgm::test;
using vgm::Json;
namespace fs = std::filesystem;

namespace {

const std::string kConfig = srcPath("configs/flightvgm_v80.json");
const std::string kTrace = srcPath("traces/tiny/dit-xl-2_256_2steps.vgmt");

// Runs `vgmsim ARGS` inside DIR (default output folders are relative).
int runIn(const std::string& dir, const std::string& args) {
    const std::string cmd = "cd " + dir + " && " + VGMSIM_BIN + " " + args + " >out.txt 2>err.txt";
    const int raw = std::system(cmd.c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128;
}

int shell(const std::string& cmd) {
    const int raw = std::system(cmd.c_str());
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128;
}

}  // namespace

TEST_CASE("run: --set runs get their own folder; another run's folder needs --force", "[cli][run]") {
    const std::string dir = scratchDir("run-folders");
    const std::string base = "run -q -c " + kConfig + " -t " + kTrace;
    REQUIRE(runIn(dir, base) == 0);
    REQUIRE(runIn(dir, base + " --set clock.fabric_mhz=250 --no-layers") == 0);
    std::vector<std::string> made;
    for (const auto& e : fs::directory_iterator(dir + "/out")) made.push_back(e.path().filename().string());
    std::sort(made.begin(), made.end());
    REQUIRE(made.size() == 2);
    CHECK(made[0] == "flightvgm_v80-dit-xl-2_256_2steps");
    CHECK(made[1].rfind("flightvgm_v80-dit-xl-2_256_2steps-set", 0) == 0);
    CHECK(made[1].size() == made[0].size() + 12);  // "-set" + 8 hex digits (hash of the sorted overrides)
    const Json plain = Json::parse(slurpFile(dir + "/out/" + made[0] + "/report.json"));
    const Json small = Json::parse(slurpFile(dir + "/out/" + made[1] + "/report.json"));
    CHECK(plain["config"]["overrides"] == Json::array());
    CHECK(small["config"]["overrides"] == Json::array({"clock.fabric_mhz=250"}));
    CHECK(plain.contains("layers"));
    CHECK(!small.contains("layers"));  // --no-layers: the rows stay in layers.csv
    const std::string rows0 = slurpFile(dir + "/out/" + made[0] + "/layers.csv");
    const std::string rows1 = slurpFile(dir + "/out/" + made[1] + "/layers.csv");
    CHECK(std::count(rows1.begin(), rows1.end(), '\n') == std::count(rows0.begin(), rows0.end(), '\n'));
    CHECK(std::count(rows0.begin(), rows0.end(), '\n') == 1 + plain["layers"].size());
    // Same inputs again: same bytes, allowed. Another config into that folder: refused, then --force.
    REQUIRE(runIn(dir, base) == 0);
    const std::string other = base + " --set clock.fabric_mhz=200 --out out/" + made[0];
    CHECK(runIn(dir, other) == 2);
    CHECK(slurpFile(dir + "/err.txt").find("holds a run of another config") != std::string::npos);
    CHECK(Json::parse(slurpFile(dir + "/out/" + made[0] + "/report.json")) == plain);  // untouched
    CHECK(runIn(dir, other + " --force") == 0);
}

TEST_CASE("run: --help's usage line names every option a researcher needs first", "[cli][run]") {
    const auto r = runVgmsim("run --help");
    REQUIRE(r.status == 0);
    const std::string usage = r.out.substr(0, r.out.find('\n'));
    for (const char* opt : {"--config", "--trace", "--set", "--out", "--force", "--timeline", "--no-layers"}) {
        INFO(opt);
        CHECK(usage.find(opt) != std::string::npos);
    }
}

TEST_CASE("compare: three real runs, text, CSV and JSON agree with the reports", "[cli][compare]") {
    const std::string dir = scratchDir("compare3");
    const std::string base = "run -q -c " + kConfig + " -t " + kTrace + " --no-layers --out ";
    REQUIRE(runIn(dir, base + "a") == 0);
    REQUIRE(runIn(dir, base + "b --set scheduler.policy=static") == 0);
    REQUIRE(runIn(dir, base + "c --set clock.fabric_mhz=200") == 0);
    const Json a = Json::parse(slurpFile(dir + "/a/report.json"));
    const Json b = Json::parse(slurpFile(dir + "/b/report.json"));
    const Json c = Json::parse(slurpFile(dir + "/c/report.json"));
    REQUIRE(runIn(dir, "compare a b c --json") == 0);
    const Json j = Json::parse(slurpFile(dir + "/out.txt"));
    REQUIRE(j["runs"].size() == 3);
    CHECK(j["runs"][2]["overrides"] == Json::array({"clock.fabric_mhz=200"}));
    const Json& cycles = j["metrics"][0];
    REQUIRE(cycles["name"] == "cycles.total");
    CHECK(cycles["values"][1] == b["cycles"]["total"].get<double>());
    CHECK(cycles["ratios"][1].get<double>() ==
          Approx(b["cycles"]["total"].get<double>() / a["cycles"]["total"].get<double>()).epsilon(1e-12));
    // Slower clock: latency is cycles / 200 MHz, and its ratio follows.
    CHECK(j["metrics"][1]["name"] == "latency_s");
    CHECK(j["metrics"][1]["values"][2].get<double>() == Approx(c["cycles"]["total"].get<double>() / 200e6));
    CHECK(j["metrics"][1]["ratios"][2].get<double>() ==
          Approx(c["latency_s"].get<double>() / a["latency_s"].get<double>()));
    CHECK(j["metrics"][1]["ratios"][2].get<double>() > 1.2);
    bool linear = false;
    for (const auto& k : j["kinds"]) linear = linear || k["kind"] == "linear";
    CHECK(linear);  // per-kind rows came from layers.csv (report.json has no layers here)
    REQUIRE(runIn(dir, "compare a b c") == 0);
    const std::string text = slurpFile(dir + "/out.txt");
    CHECK(text.find("vgmsim compare: 3 runs, ratios to run 1") != std::string::npos);
    CHECK(text.find("per operator kind") != std::string::npos);
    REQUIRE(runIn(dir, "compare a b c --csv --metric energy_j") == 0);
    const std::string csv = slurpFile(dir + "/out.txt");
    CHECK(csv.rfind("section,name,unit,run,value,ratio_to_first\nmetric,energy_j,J,a,", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 3 + 2 * 3 * j["kinds"].size());
    CHECK(runIn(dir, "compare a missing") == 2);
    CHECK(slurpFile(dir + "/err.txt") ==
          "error: missing: has no report.json; allowed: a folder written by vgmsim run (or a sweep point)\n");
    // The PNG chart.
    CHECK(shell("cd " + dir + " && VGMSIM=" + VGMSIM_BIN + " /usr/bin/python3 " + srcPath("tools/plot_compare.py") +
                " a b c -o cmp.png >/dev/null") == 0);
    CHECK(fs::file_size(dir + "/cmp.png") > 10000);
}

TEST_CASE("run: --timeline passes the Chrome trace event format check (Perfetto)", "[cli][timeline]") {
    const std::string dir = scratchDir("timeline");
    // Tile level (one slice per tile command): the finest the format gets.
    REQUIRE(runIn(dir, "run -q -c " + kConfig + " -t " + kTrace + " --out r --timeline t/tl.json") == 0);
    fs::rename(dir + "/t/tl.json", dir + "/tl.json");
    const std::string check = "/usr/bin/python3 " + srcPath("tools/check_timeline.py") + " ";
    CHECK(shell(check + dir + "/tl.json --max-mb 100 > " + dir + "/check.txt") == 0);
    CHECK(slurpFile(dir + "/check.txt").find(": ok, ") != std::string::npos);
    // The checker is not a rubber stamp: a slice without dur, an unnamed
    // track and a partial overlap are each caught.
    Json tl = Json::parse(slurpFile(dir + "/tl.json"));
    Json noDur = tl, unnamed = tl, overlap = tl;
    for (auto& e : noDur["traceEvents"])
        if (e["ph"] == "X") { e.erase("dur"); break; }
    for (auto& e : unnamed["traceEvents"])
        if (e["ph"] == "X") { e["tid"] = 999; break; }
    overlap["traceEvents"].push_back(Json{{"name", "a"}, {"ph", "X"}, {"pid", 0}, {"tid", 0}, {"ts", 0}, {"dur", 2}});
    overlap["traceEvents"].push_back(Json{{"name", "b"}, {"ph", "X"}, {"pid", 0}, {"tid", 0}, {"ts", 1}, {"dur", 2}});
    for (const auto& [name, doc] : {std::pair{"nodur", noDur}, {"unnamed", unnamed}, {"overlap", overlap}}) {
        INFO(name);
        vgm::writeFileAtomic(dir + "/" + name + ".json", doc.dump());
        CHECK(shell(check + dir + "/" + name + ".json > /dev/null") == 1);
    }
    CHECK(shell(check + dir + "/tl.json --max-mb 0.001 > /dev/null") == 1);
}
