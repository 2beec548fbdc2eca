// Hostile inputs (issue 15): each case crashed, hung, allocated without bound
// or ended in "internal error" before its fix. Every one must now be a
// one-line InputError naming what is wrong and what is allowed.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "common/Error.h"
#include "common/Files.h"
#include "common/JsonParse.h"
#include "common/Text.h"
#include "config/Config.h"
#include "dse/Expr.h"
#include "dse/GoldenCheck.h"
#include "dse/JsonIn.h"
#include "dse/Merge.h"
#include "dse/Results.h"
#include "dse/Shard.h"
#include "dse/SweepRunner.h"
#include "dse/SweepSpec.h"
#include "trace_test_util.h"
#include "workload/Activations.h"
#include "workload/TraceBounds.h"

using namespace vgm;
namespace fs = std::filesystem;

namespace {
template <class F>
std::string inputError(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

std::string tmpDir(const std::string& name) {
    auto d = fs::temp_directory_path() / ("vgmsim-hostile-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d.string();
}

std::string writeFile(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

bool starts(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
}  // namespace

TEST_CASE("hostile: JSON numbers beyond a double and deep nesting are input errors", "[hostile][json]") {
    CHECK(starts(inputError([] { parseJsonInput("{\"a\": 1e309}", "f.json"); }),
                 "f.json: invalid JSON: number overflow parsing '1e309'"));
    const std::string deep = std::string(100000, '[');
    CHECK(inputError([&] { parseJsonInput(deep, "f.json"); }) ==
          "f.json: line 1 column 129: invalid JSON: nesting deeper than 128 levels; allowed: at most 128");
    // Brackets inside strings do not count; 128 levels are fine.
    CHECK(parseJsonInput("[\"" + std::string(1000, '[') + "\"]", "f.json").size() == 1);
    CHECK_NOTHROW(parseJsonInput(std::string(128, '[') + std::string(128, ']'), "f.json"));
    CHECK(starts(inputError([] { parseJsonInput("[\"\xff\"]", "f.json"); }), "f.json: line 1 column "));
    CHECK(starts(inputError([] { parseJsonInput("{\n  \"a\": 1,,\n}", "f.json"); }),
                 "f.json: line 2 column 10: invalid JSON: syntax error"));
    // Embedded in a trace, positions are bytes of the file.
    CHECK(starts(inputError([] { parseJsonInput("[1e400]", "t.vgmt", JsonWhere{true, 40}); }), "t.vgmt: byte 40:"));
}

TEST_CASE("hostile: every JSON reader goes through the guarded parse", "[hostile][json][files]") {
    const std::string d = tmpDir("json");
    const std::string big = writeFile(d + "/big.json", "{\"clock\": {\"fabric_mhz\": 1e309}}");
    CHECK(starts(inputError([&] { config::Config::load(big, {}); }), big + ": invalid JSON: number overflow"));
    writeFile(d + "/sub.json", std::string(100000, '['));
    const std::string top = writeFile(d + "/top.json", "{\"clock\": \"sub.json\"}");
    CHECK(inputError([&] { config::Config::load(top, {}); }).find("nesting deeper than 128") != std::string::npos);
    const std::string spec = writeFile(d + "/spec.json", "{\"axes\": " + std::string(50000, '[') + "}");
    CHECK(inputError([&] { dse::SweepSpec::load(spec); }).find("nesting deeper than 128") != std::string::npos);
    // A trace's JSON part.
    const std::string tr = tracetest::writeTmp("deep.vgmt", workload::sealTrace(std::string(100000, '{'), ""));
    CHECK(tracetest::readError(tr).find(tr + ": byte ") == 0);
    CHECK(tracetest::readError(tr).find("nesting deeper than 128") != std::string::npos);
}

TEST_CASE("hostile: devices, FIFOs and huge files are refused without reading", "[hostile][files]") {
    CHECK(inputError([] { readTextFile("/dev/zero"); }) ==
          "/dev/zero: is not a regular file (a device, FIFO or socket); allowed: a regular file");
    const std::string fifo = tmpDir("fifo") + "/pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(starts(inputError([&] { config::Config::load(fifo, {}); }), fifo + ": is not a regular file"));
    const std::string f = writeFile(tmpDir("big") + "/f.json", std::string(100, ' '));
    CHECK(inputError([&] { readTextFile(f, 99); }) == f + ": 100 bytes is too large; allowed: at most 99 bytes");
    CHECK(readTextFile(f, 100).size() == 100);
}

TEST_CASE("hostile: echoed input is escaped to one printable line", "[hostile][errors]") {
    CHECK(escapeLine("a\nb\rc\td") == "a\\nb\\rc\\td");
    CHECK(escapeLine(std::string("x\x1b[2Jy\x7f", 7)) == "x\\x1b[2Jy\\x7f");
    CHECK(escapeLine("caf\xc3\xa9 \xff\xc3") == "caf\xc3\xa9 \\xff\\xc3");  // valid UTF-8 passes
    CHECK(escapeLine("\xed\xa0\x80") == "\\xed\\xa0\\x80");                // a surrogate is not valid
    CHECK(isValidUtf8("\xe2\x82\xac"));
    CHECK(!isValidUtf8("\xc0\xaf"));  // overlong
    CHECK(!isValidUtf8("\xf4\x90\x80\x80"));
    // jsonBrief never throws on a string that is not UTF-8.
    CHECK(jsonBrief(Json(std::string("\xff"))) == "\"\xef\xbf\xbd\"");
}

TEST_CASE("hostile: checked decimal parsing", "[hostile]") {
    CHECK(parseDecimal("0", 5) == uint64_t(0));
    CHECK(parseDecimal("5", 5) == uint64_t(5));
    CHECK(!parseDecimal("6", 5));
    CHECK(!parseDecimal("99999999999999999999", UINT64_MAX));
    CHECK(parseDecimal("18446744073709551615", UINT64_MAX) == UINT64_MAX);
    CHECK(!parseDecimal("18446744073709551616", UINT64_MAX));
    CHECK(!parseDecimal("", 5));
    CHECK(!parseDecimal("1a", 5));
    CHECK(!parseDecimal("-1", 5));
}

TEST_CASE("hostile: constraint expressions have bounded depth", "[hostile][dse]") {
    auto err = [](const std::string& text) { return inputError([&] { dse::Expr::parse(text, "c"); }); };
    const std::string deep = "nests deeper than 100 levels";
    CHECK(err(std::string(100000, '(') + "1" + std::string(100000, ')')).find(deep) != std::string::npos);
    std::string sum = "1";
    for (int i = 0; i < 100000; ++i) sum += "+1";
    CHECK(err(sum).find(deep) != std::string::npos);
    CHECK(err(std::string(100000, '-') + "1").find(deep) != std::string::npos);
    CHECK(err(std::string(100000, '!') + "1").find(deep) != std::string::npos);
    // 90 levels still parse and evaluate.
    std::string ok = "1";
    for (int i = 0; i < 90; ++i) ok += "+1";
    CHECK(dse::Expr::parse(ok, "c").eval([](const std::string&) { return std::optional<double>(); }) == 91.0);
    CHECK(dse::Expr::parse(std::string(90, '(') + "2" + std::string(90, ')'), "c")
              .eval([](const std::string&) { return std::optional<double>(); }) == 2.0);
}

TEST_CASE("hostile: integer sweep ranges never overflow", "[hostile][dse]") {
    auto range = [](const std::string& r) {
        Json doc = Json::parse(R"({"name": "x", "base_config": "c.json", "traces": ["t.vgmt"], "axes": [{"path": "a", "range": )" +
                               r + "}]}");
        return inputError([&] { dse::SweepSpec::fromJson(doc, "s.json"); });
    };
    CHECK(range(R"({"start": 9223372036854775000, "stop": 9223372036854775807, "step": 500})")
              .find("overflows a 64-bit integer") != std::string::npos);
    CHECK(range(R"({"start": 3, "stop": 9223372036854775807, "step": 3, "scale": "log"})") == "no error");
    CHECK(range(R"({"start": 2, "stop": 9223372036854775807, "step": 2, "scale": "log"})")
              .find("overflows a 64-bit integer") != std::string::npos);
}

TEST_CASE("hostile: shard counts are bounded", "[hostile][dse]") {
    CHECK(inputError([] { dse::parseShard("1/999999999"); }) ==
          "--shard: 1/999999999 is out of range; allowed: at most 100000 shards");
    CHECK(dse::parseShard("3/100000").count == 100000);
    const std::string d = tmpDir("merge");
    fs::create_directories(d + "/a");
    writeFile(d + "/a/sweep.json", R"({"schema": "vgmsim-sweep/1", "shard": "1/999999999"})");
    CHECK(inputError([&] { dse::mergeShards({d + "/a"}, d + "/out"); }) ==
          d + "/a/sweep.json: /shard: --shard: 1/999999999 is out of range; allowed: at most 100000 shards");
}

TEST_CASE("hostile: a point's status.json must hold a known status string", "[hostile][dse]") {
    Json doc = Json::parse(R"({"name": "demo", "base_config": "c.json", "traces": ["a.json"],
        "axes": [{"path": "x", "values": [1, 2]}]})");
    dse::Plan plan = dse::expandPoints(dse::SweepSpec::fromJson(doc, "demo.json"));
    const std::string d = tmpDir("status");
    const std::string pd = dse::pointDir(d, plan.points[0]);
    fs::create_directories(pd);
    writeFile(pd + "/status.json", R"({"status": 5, "error": ""})");
    CHECK(inputError([&] { dse::collectResults(plan, {0, 1}, d); }) ==
          pd + "/status.json: /status: 5 is integer; allowed: a string");
    writeFile(pd + "/status.json", R"({"status": "ok,\n", "error": ""})");
    CHECK(inputError([&] { dse::collectResults(plan, {0, 1}, d); }).find("is not a status") != std::string::npos);
    writeFile(pd + "/status.json", R"({"status": "timeout", "error": "took 5 s"})");
    CHECK(dse::collectResults(plan, {0, 1}, d).rows[0].status == "timeout");
}

TEST_CASE("hostile: a golden case name cannot leave the temporary folder", "[hostile][dse]") {
    const std::string d = tmpDir("golden");
    for (const char* name : {"..", ".", "a/b", "x y", "a\nb"}) {
        writeFile(d + "/manifest.json",
                  Json{{"cases", {{{"name", name}, {"config", "c.json"}, {"trace", "t.vgmt"}}}}}.dump());
        CHECK(inputError([&] { dse::GoldenManifest::load(d); }).find("is not a file name") != std::string::npos);
    }
    writeFile(d + "/manifest.json", R"({"cases": [{"name": "v80.tiny-1", "config": "c.json", "trace": "t.vgmt"}]})");
    CHECK(dse::GoldenManifest::load(d).cases.size() == 1);
}

TEST_CASE("hostile: trace dimensions and total work are bounded", "[hostile][trace]") {
    workload::ModelOptions o;
    o.model = "gemm";
    o.m = 64, o.k = 64, o.n = 64;
    workload::TraceSpec spec = workload::buildModel(o);
    CHECK_NOTHROW(workload::checkTraceBounds(spec, "t"));
    spec.templates[0].ops[0].k = uint64_t(1) << 62;
    CHECK(inputError([&] { workload::checkTraceBounds(spec, "t"); }) ==
          "t: templates.gemm.ops[0].k: 4611686018427387904 is too large; allowed: at most 2^31 = 2147483648");
    spec.templates[0].ops[0].k = uint64_t(1) << 31;
    spec.templates[0].ops[0].m = spec.templates[0].ops[0].n = uint64_t(1) << 31;
    CHECK(inputError([&] { workload::checkTraceBounds(spec, "t"); }).find("MACs is too much work") !=
          std::string::npos);
    // Within one operator's bound, but 100000 steps of it are not.
    spec.templates[0].ops[0].m = spec.templates[0].ops[0].n = spec.templates[0].ops[0].k = uint64_t(1) << 19;
    spec.steps = 100000;
    CHECK(inputError([&] { workload::checkTraceBounds(spec, "t"); }).find("more work than the simulator") !=
          std::string::npos);
}

TEST_CASE("hostile: activation grids that wrap are refused, not divided by", "[hostile][trace]") {
    workload::ModelOptions o;
    o.model = "gemm";
    o.m = 8, o.k = 4, o.n = 2;
    o.gemmRole = workload::Role::Qkv;
    workload::TraceSpec spec = workload::buildModel(o);
    workload::addActivations(spec, "random:3:0.8", 2);
    const std::string good = workload::encodeTrace(spec);
    const size_t nl = good.find('\n'), at = good.find("json=") + 5;
    const std::string json = good.substr(nl + 1, std::stoull(good.substr(at)));
    auto withGrid = [&](const std::string& frames, const std::string& perFrame) {
        std::string j = json;
        j.replace(j.find("\"frames\":2"), 10, "\"frames\":" + frames);
        j.replace(j.find("\"tokens_per_frame\":4"), 20, "\"tokens_per_frame\":" + perFrame);
        return tracetest::readError(tracetest::writeTmp("act_grid.vgmt", workload::sealTrace(j, "", spec.actBytes)));
    };
    // 2^32 x 2^32 wraps to 0 (was SIGFPE); 2^61 x 4 wraps to 0 as well.
    CHECK(withGrid("4294967296", "4294967296").find("frames x tokens_per_frame = 4294967296 x 4294967296 is too large") !=
          std::string::npos);
    CHECK(withGrid("2305843009213693952", "4").find("is too large") != std::string::npos);
    // 2^63 x 2 wraps to 0 too; a product wrapping to exactly m = 8 (2^63 + 4 x 2)
    // would have passed the multiple-of check and laid rows out past the buffer.
    CHECK(withGrid("9223372036854775808", "2").find("is too large") != std::string::npos);
}

TEST_CASE("hostile: a shard's point ids cannot name folders outside points/", "[hostile][dse]") {
    const std::string d = tmpDir("merge_ids");
    fs::create_directories(d + "/a");
    auto sweep = [&](const std::string& id, const std::string& set) {
        writeFile(d + "/a/sweep.json",
                  R"({"schema": "vgmsim-sweep/1", "shard": "1/1", "name": "n", "spec_hash": "h", "base_config_hash": "b",
                      "trace_hashes": [], "mode": "grid", "columns": [], "objectives": [],
                      "points": [{"id": ")" + id + R"(", "trace": "t", "set": )" + set + R"(, "state": "run"}]})");
        return inputError([&] { dse::mergeShards({d + "/a"}, d + "/out"); });
    };
    CHECK(sweep("../../escape", "{}") ==
          d + "/a/sweep.json: /points/0/id: '../../escape' is not a point id; allowed: up to 64 letters, digits, _ and -");
    CHECK(sweep("p0000-0000", "[1]") == d + "/a/sweep.json: /points/0/set: is array; allowed: an object");
    CHECK(!fs::exists(d + "/escape"));
}
