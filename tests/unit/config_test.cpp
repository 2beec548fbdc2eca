// Config layer: round trip, defaults, every error class with its exact message.
#include <catch2/catch.hpp>

#include "common/Error.h"
#include "config/Config.h"

using vgm::InputError;
using vgm::Json;
using vgm::config::Config;

namespace {
const std::string kData = std::string(VGMSIM_SOURCE_DIR) + "/tests/unit/data/config/";

std::string errorOf(const Json& doc, const std::vector<std::string>& sets = {}) {
    try {
        Config::fromJson(doc, "x.json", sets);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

std::string fileErrorOf(const std::string& file) {
    try {
        Config::load(kData + file);
    } catch (const InputError& e) {
        std::string msg = e.what();
        for (auto pos = msg.find(kData); pos != std::string::npos; pos = msg.find(kData)) msg.erase(pos, kData.size());
        return msg;
    }
    return "(no error)";
}
}  // namespace

TEST_CASE("config: the file layer round-trips unchanged", "[config]") {
    Json doc = Json::parse(R"({"name":"rt","clock":{"fabric_mhz":250.5},"dsp":{"groups":[{"name":"g","rows":4}]}})");
    Config c = Config::fromJson(doc, "rt.json");
    CHECK(c.file().dump() == doc.dump());
    Config again = Config::fromJson(c.file(), "rt.json");
    CHECK(again.resolved().dump() == c.resolved().dump());
}

TEST_CASE("config: defaults fill every declared parameter", "[config]") {
    Config c = Config::fromJson(Json::object(), "empty.json");
    CHECK(c.root()["clock"].real("fabric_mhz") == 300.0);
    CHECK(c.root()["dsp"]["groups"].size() == 1);
    CHECK(c.root()["dsp"]["groups"].at(0).integer("rows") == 32);
    CHECK(c.name() == "empty");
}

TEST_CASE("config: the skeleton is itself a valid config", "[config]") {
    Config c = Config::fromJson(Json::object(), "d.json");
    Config s = Config::fromJson(c.resolved(), "skeleton.json");
    CHECK(s.resolved().dump() == c.resolved().dump());
}

TEST_CASE("config: hash changes with any value", "[config]") {
    Config a = Config::fromJson(Json::object(), "a.json");
    Config b = Config::fromJson(Json::object(), "a.json", {"clock.fabric_mhz=301"});
    CHECK(a.hash() != b.hash());
    CHECK(a.hash() == Config::fromJson(Json::object(), "a.json").hash());
}

TEST_CASE("config: unknown key names path and suggests", "[config][errors]") {
    CHECK(errorOf(Json::parse(R"({"clock":{"fabric_mzh":1}})")) ==
          "x.json: /clock/fabric_mzh: unknown key 'fabric_mzh'; did you mean 'fabric_mhz'?; allowed: fabric_mhz");
}

TEST_CASE("config: bad type", "[config][errors]") {
    CHECK(errorOf(Json::parse(R"({"clock":{"fabric_mhz":"fast"}})")) ==
          "x.json: /clock/fabric_mhz: \"fast\" is string; allowed: a number in [1, 1000]");
    CHECK(errorOf(Json::parse(R"({"dsp":{"groups":[{"rows":2.5}]}})")) ==
          "x.json: /dsp/groups/0/rows: 2.5 is number; allowed: an integer in [1, 4096]");
}

TEST_CASE("config: out of range", "[config][errors]") {
    CHECK(errorOf(Json::parse(R"({"dsp":{"groups":[{"rows":0}]}})")) ==
          "x.json: /dsp/groups/0/rows: 0 is below the minimum; allowed: an integer in [1, 4096]");
    CHECK(errorOf(Json::parse(R"({"clock":{"fabric_mhz":2000}})")) ==
          "x.json: /clock/fabric_mhz: 2000 exceeds the maximum; allowed: a number in [1, 1000]");
}

TEST_CASE("config: bad enum suggests the closest name", "[config][errors]") {
    std::string e = errorOf(Json::parse(R"({"device":{"part":"xcv8"}})"));
    CHECK(e.rfind("x.json: /device/part: unknown value \"xcv8\"; did you mean 'xcv80'?; allowed: one of xcv80", 0) == 0);
}

TEST_CASE("config: section of the wrong type and too few items", "[config][errors]") {
    CHECK(errorOf(Json::parse(R"({"clock":5})")) == "x.json: /clock: 5 is integer; allowed: an object or a sub-file name");
    CHECK(errorOf(Json::parse(R"({"dsp":{"groups":[]}})")) == "x.json: /dsp/groups: has 0 items; allowed: at least 1");
}

TEST_CASE("config: sub-files are read relative to the including file", "[config][files]") {
    Config c = Config::load(kData + "top.json");
    CHECK(c.root()["clock"].real("fabric_mhz") == 250.0);
    CHECK(c.root()["dsp"]["groups"].at(0).integer("rows") == 8);
    CHECK(c.fileOf("/clock/fabric_mhz") == kData + "sub/clock.json");
}

TEST_CASE("config: missing sub-file and errors inside sub-files name the right file", "[config][errors][files]") {
    CHECK(fileErrorOf("bad_sub.json") ==
          "bad_sub.json: /clock: sub-file \"sub/nope.json\" not found (looked for sub/nope.json)");
    CHECK(fileErrorOf("bad_in_sub.json") ==
          "sub/bad_clock.json: /clock/fabric_mhz: 5000 exceeds the maximum; allowed: a number in [1, 1000]");
}

TEST_CASE("config: JSON syntax errors give line and column", "[config][errors][files]") {
    std::string e = fileErrorOf("syntax.json");
    CHECK(e.rfind("syntax.json: line 3 column 31: invalid JSON: syntax error", 0) == 0);
    CHECK(fileErrorOf("does_not_exist.json").rfind("does_not_exist.json: cannot open", 0) == 0);
}

TEST_CASE("config: --set overrides, parses JSON or falls back to string", "[config][set]") {
    Config c = Config::fromJson(Json::object(), "x.json", {"clock.fabric_mhz=250", "dsp.groups.0.name=big"});
    CHECK(c.root()["clock"].real("fabric_mhz") == 250.0);
    CHECK(c.root()["dsp"]["groups"].at(0).str("name") == "big");
    Config two = Config::fromJson(Json::object(), "x.json", {"dsp.groups.1={\"rows\": 4}"});
    CHECK(two.root()["dsp"]["groups"].size() == 2);
}

TEST_CASE("config: bad --set paths are errors", "[config][set][errors]") {
    CHECK(errorOf(Json::object(), {"clock.fabric=1"}) ==
          "--set: clock.fabric: unknown key 'fabric' at /clock; did you mean 'fabric_mhz'?; allowed: fabric_mhz");
    CHECK(errorOf(Json::object(), {"dsp.groups.5.rows=1"}) ==
          "--set: dsp.groups.5.rows: index 5 out of range; /dsp/groups has 1 items; allowed: 0..0, or 1 with a "
          "whole item (dsp.groups.1={...})");
    // A field of the item one past the end would create a half-filled group.
    CHECK(errorOf(Json::object(), {"dsp.groups.1.unit=\"x\""}).rfind("--set: dsp.groups.1.unit: index 1 out of range", 0) == 0);
    CHECK(errorOf(Json::object(), {"dsp.groups.99999999999999999999.rows=1"})
              .rfind("--set: dsp.groups.99999999999999999999.rows: index 99999999999999999999 out of range", 0) == 0);
    CHECK(errorOf(Json::object(), {"clock"}) == "--set: clock: expected PATH=VALUE, e.g. clock.fabric_mhz=250");
    // The value came from the command line, so the command line is blamed.
    CHECK(errorOf(Json::object(), {"clock.fabric_mhz=\"x\""}) ==
          "--set: /clock/fabric_mhz: \"x\" is string; allowed: a number in [1, 1000]");
    CHECK(errorOf(Json::object(), {"clock.fabric_mhz=1e309"}).rfind("--set: clock.fabric_mhz: value 1e309", 0) == 0);
    CHECK(errorOf(Json::object(), {"clock.fabric_mhz=" + std::string(100000, '[')}) ==
          "--set: clock.fabric_mhz: value nests deeper than 128 levels");
    CHECK(errorOf(Json::object(), {"name=\xff"}).rfind("--set: name=\xff: is not valid UTF-8", 0) == 0);
}

TEST_CASE("config: View::fail names file and path", "[config][errors]") {
    Config c = Config::fromJson(Json::object(), "x.json");
    try {
        c.root()["dsp"]["groups"].at(0).fail("rows", "20000 exceeds the device's 10848 DSP58");
        FAIL("no throw");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) == "x.json: /dsp/groups/0/rows: 20000 exceeds the device's 10848 DSP58");
    }
}
