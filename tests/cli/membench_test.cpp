// `vgmsim membench` as a user meets it: JSON output, physical sanity, errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "RunVgmsim.h"
#include "common/Json.h"

using vgm::Json;
using vgm::test::runVgmsim;
using vgm::test::scratchDir;

namespace {
const std::string kV80 = std::string(VGMSIM_SOURCE_DIR) + "/configs/membench_v80.json";

// Runs membench into `dir`; its summary line goes to `summary` when given.
Json bench(const std::string& dir, const std::string& args, std::string* summary = nullptr) {
    auto r = runVgmsim("membench " + std::string(summary ? "" : "-q ") + "--config " + kV80 + " " + args + " --out " + dir);
    REQUIRE(r.status == 0);
    if (summary) *summary = r.out;
    std::ifstream in(dir + "/membench.json");
    std::ostringstream s;
    s << in.rdbuf();
    return Json::parse(s.str());
}
}  // namespace

TEST_CASE("membench: streaming reads beat random reads, both under peak", "[cli][membench]") {
    std::string dir = scratchDir("membench");
    Json seq = bench(dir + "/seq", "--pattern seq --requests 4000 --initiators 4 --outstanding 32");
    Json rnd = bench(dir + "/rnd", "--pattern random --requests 4000 --initiators 4 --outstanding 32");
    double s = seq["results"]["bandwidth_gbps"], r = rnd["results"]["bandwidth_gbps"];
    CHECK(s > r);
    CHECK(seq["results"]["fraction_of_peak"].get<double>() <= 1.0);
    CHECK(seq["results"]["row_hit_rate"].get<double>() > rnd["results"]["row_hit_rate"].get<double>());
    CHECK(seq["results"]["per_pc_gbps"].size() == 32);
    CHECK(seq["results"]["bytes"] == 4000 * 64);
}

TEST_CASE("membench: same inputs give byte-identical JSON", "[cli][membench]") {
    std::string dir = scratchDir("membench-det");
    CHECK(bench(dir + "/a", "--pattern random --op mix --requests 500").dump() ==
          bench(dir + "/b", "--pattern random --op mix --requests 500").dump());
}

TEST_CASE("membench: replays an STL trace", "[cli][membench]") {
    std::string dir = scratchDir("membench-stl");
    {
        std::ofstream stl(dir + "/t.stl");
        stl << "# a comment\n0: read 0x0\n4:\t(64) write 0x1000\n8: read 0x2000\n";
    }
    Json j = bench(dir + "/out", "--stl " + dir + "/t.stl --stl-clock-mhz 1000");
    CHECK(j["results"]["bytes"].get<uint64_t>() > 0);
}

TEST_CASE("membench: bad input is a one-line error with status 2", "[cli][membench][errors]") {
    auto p = runVgmsim("membench --config " + kV80 + " --pattern sq");
    CHECK(p.status == 2);
    CHECK(p.err == "error: vgmsim membench: --pattern 'sq' is not allowed; allowed: seq, random, strided\n");
    std::string dir = scratchDir("membench-bad");
    {
        std::ofstream stl(dir + "/bad.stl");
        stl << "0: read 0x0\n5: fetch 0x40\n";
    }
    auto s = runVgmsim("membench --config " + kV80 + " --stl " + dir + "/bad.stl");
    CHECK(s.status == 2);
    CHECK(s.err.find(dir + "/bad.stl") != std::string::npos);
    CHECK(s.err.find("line 2") != std::string::npos);
}

// Hostile STL input: huge cycles or a NaN clock used to hang membench
// (llround overflow); sizes wrapped to 32 bits and "(-1)" was accepted.
TEST_CASE("membench: hostile STL traces and clocks are one-line errors", "[cli][membench][errors]") {
    std::string dir = scratchDir("membench-hostile");
    auto stl = [&](const std::string& name, const std::string& body) {
        std::ofstream f(dir + "/" + name);
        f << body;
        return dir + "/" + name;
    };
    const std::string ok = stl("ok.stl", "0: read 0x0\n");
    auto nan = runVgmsim("membench --config " + kV80 + " --stl " + ok + " --stl-clock-mhz nan");
    CHECK(nan.status == 2);
    CHECK(nan.err.find("--stl-clock-mhz") != std::string::npos);
    CHECK(std::count(nan.err.begin(), nan.err.end(), '\n') == 1);
    struct Bad {
        const char* body;
        const char* says;
    } bads[] = {{"9000000000000000000: read 0x0\n", "too large"},
                {"0: (4294967328) read 0x0\n", "request size"},
                {"0: (-1) read 0x0\n", "request size"},
                {"0: (0) read 0x0\n", "request size"}};
    int k = 0;
    for (const Bad& b : bads) {
        const std::string path = stl("bad" + std::to_string(k++) + ".stl", b.body);
        auto r = runVgmsim("membench --config " + kV80 + " --stl " + path);
        INFO(b.body << " -> " << r.err);
        CHECK(r.status == 2);
        CHECK(r.err.find(path + ": line 1") != std::string::npos);
        CHECK(r.err.find(b.says) != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
}

// Defaults saturate the memory of the config given (issue 16): the load comes
// from the NoC's per-master limit and the bandwidth-delay product.
TEST_CASE("membench: defaults saturate the memory and say what bounds the run", "[cli][membench]") {
    std::string out;
    const Json j = bench(scratchDir("membench-defaults"), "--requests 20000", &out);
    const Json& res = j["results"];
    INFO(out);
    CHECK(j["options"]["initiators"].get<uint32_t>() > 1);
    CHECK(j["options"]["outstanding"] == 64);  // memory.noc.outstanding in membench_v80.json
    CHECK(res["ceiling_gbps"].get<double>() == Approx(512.0));  // 32 PCs x 32 B x 500 MHz ports
    CHECK(res["bandwidth_gbps"].get<double>() > 0.85 * res["ceiling_gbps"].get<double>());
    CHECK(res["bound_by"] == "memory");
    CHECK(out.find("bound by the memory") != std::string::npos);
    CHECK(out.find("% of the 512.0 GB/s the memory can take") != std::string::npos);
}

// A window too small to cover the latency is named, with the Little's-law
// figure it implies and the options that raise it.
TEST_CASE("membench: an initiator window that limits bandwidth is explained", "[cli][membench]") {
    std::string out;
    const Json res = bench(scratchDir("membench-window"), "--requests 2000 --initiators 1 --outstanding 4", &out)["results"];
    INFO(out);
    CHECK(res["bound_by"] == "window");
    CHECK(res["in_flight"] == 4);
    const double window = res["window_gbps"];
    CHECK(window == Approx(4 * 64 / res["latency_min_ns"].get<double>()));
    CHECK(res["bandwidth_gbps"].get<double>() <= window * 1.0001);
    CHECK(res["bandwidth_gbps"].get<double>() < 0.2 * res["ceiling_gbps"].get<double>());
    CHECK(out.find("bound by the initiators' window: 4 in flight x 64 B") != std::string::npos);
    CHECK(out.find("raise --initiators or --outstanding (the NoC admits 64 per initiator)") != std::string::npos);
    auto bad = runVgmsim("membench --config " + kV80 + " --outstanding 0");
    CHECK(bad.status == 2);
    CHECK(bad.err == "error: vgmsim membench: --outstanding '0' is not allowed; allowed: auto or 1..65536\n");
}
