// The CLI as a user meets it: help, version, exit statuses, one-line errors.
#include <catch2/catch.hpp>

#include "RunVgmsim.h"
#include "common/Json.h"
#include "config/Config.h"

using vgm::test::runVgmsim;

static size_t lineCount(const std::string& s) {
    size_t n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

TEST_CASE("cli: --help lists the commands and exits 0", "[cli]") {
    auto r = runVgmsim("--help");
    CHECK(r.status == 0);
    CHECK(r.out.find("run ") != std::string::npos);
    CHECK(r.out.find("params ") != std::string::npos);
    CHECK(runVgmsim("run --help").status == 0);
    CHECK(runVgmsim("run --help").out.find("--config") != std::string::npos);
}

TEST_CASE("cli: --version prints the version", "[cli]") {
    auto r = runVgmsim("--version");
    CHECK(r.status == 0);
    CHECK(r.out == std::string("vgmsim ") + VGMSIM_VERSION + "\n");
}

TEST_CASE("cli: unknown command and options are one-line errors with status 2", "[cli][errors]") {
    auto r = runVgmsim("rnu");
    CHECK(r.status == 2);
    CHECK(r.err.rfind("error: unknown command 'rnu'; did you mean 'run'?", 0) == 0);
    CHECK(lineCount(r.err) == 1);
    auto o = runVgmsim("run --config x.json --trace t.json --bogus");
    CHECK(o.status == 2);
    CHECK(o.err.find("error: vgmsim run: unrecognised option '--bogus'") == 0);
    auto m = runVgmsim("run --trace t.json");
    CHECK(m.status == 2);
    CHECK(m.err.find("'--config' is required") != std::string::npos);
    CHECK(lineCount(m.err) == 1);
}

TEST_CASE("cli: a bad config is a one-line error with status 2", "[cli][errors]") {
    std::string data = std::string(VGMSIM_SOURCE_DIR) + "/tests/unit/data/config/";
    auto r = runVgmsim("run --config " + data + "bad_in_sub.json --trace none.json");
    CHECK(r.status == 2);
    CHECK(r.err == "error: " + data + "sub/bad_clock.json: /clock/fabric_mhz: 5000 exceeds the maximum; "
                   "allowed: a number in [1, 1000]\n");
    auto s = runVgmsim("run --config " + data + "top.json --set clock.mhz=3 --trace none.json");
    CHECK(s.status == 2);
    CHECK(s.err.rfind("error: --set: clock.mhz: unknown key 'mhz' at /clock", 0) == 0);
}

TEST_CASE("cli: params --skeleton prints a complete, valid config", "[cli][params]") {
    auto r = runVgmsim("params --skeleton");
    REQUIRE(r.status == 0);
    vgm::Json doc = vgm::Json::parse(r.out);
    auto cfg = vgm::config::Config::fromJson(doc, "skeleton.json");
    CHECK(cfg.resolved().dump() == doc.dump());
}

TEST_CASE("cli: params lists every parameter with type, unit and description", "[cli][params]") {
    auto all = runVgmsim("params --json");
    REQUIRE(all.status == 0);
    vgm::Json rows = vgm::Json::parse(all.out);
    bool sawClock = false;
    for (const auto& row : rows) {
        CHECK_FALSE(row["description"].get<std::string>().empty());
        if (row["path"] == "clock.fabric_mhz") {
            sawClock = true;
            CHECK(row["unit"] == "MHz");
            CHECK(row["type"] == "float");
        }
    }
    CHECK(sawClock);
    auto one = runVgmsim("params clock");
    CHECK(one.status == 0);
    CHECK(one.out.find("clock.fabric_mhz") == 0);
    auto bad = runVgmsim("params clok");
    CHECK(bad.status == 2);
    CHECK(bad.err.rfind("error: vgmsim params: unknown component 'clok'; did you mean 'clock'?", 0) == 0);
}
