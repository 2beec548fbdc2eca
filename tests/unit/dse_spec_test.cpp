// Sweep spec validation and axis expansion.
#include <catch2/catch.hpp>

#include "common/Error.h"
#include "dse/SweepSpec.h"

using vgm::Json;
using vgm::dse::SweepSpec;

static Json baseSpec() {
    return Json::parse(R"({"base_config": "c.json", "traces": ["t.json"],
                           "axes": [{"path": "clock.fabric_mhz", "values": [200, 300]}]})");
}

static std::string errorOf(const Json& doc) {
    try {
        SweepSpec::fromJson(doc, "s.json");
    } catch (const vgm::InputError& e) {
        return e.what();
    }
    return "";
}

TEST_CASE("dse spec: a minimal spec gets defaults", "[dse][spec]") {
    SweepSpec s = SweepSpec::fromJson(baseSpec(), "dir/s.json");
    CHECK(s.name == "s");
    CHECK(s.mode == vgm::dse::Mode::Grid);
    CHECK(s.objectives == vgm::dse::defaultObjectives());
    CHECK(s.timeoutS == 3600);
    CHECK(s.resolvePath("c.json") == "dir/c.json");
    CHECK(s.resolvePath("/abs/c.json") == "/abs/c.json");
    CHECK(s.hash.rfind("fnv1a64:", 0) == 0);
}

TEST_CASE("dse spec: unknown keys name the path and suggest", "[dse][spec][errors]") {
    Json d = baseSpec();
    d["axis"] = Json::array();
    CHECK(errorOf(d).rfind("s.json: /axis: unknown key 'axis'; did you mean 'axes'?; allowed: name, ", 0) == 0);
    Json a = baseSpec();
    a["axes"][0]["valuse"] = Json::array({1});
    CHECK(errorOf(a).rfind("s.json: /axes/0/valuse: unknown key 'valuse'; did you mean 'values'?", 0) == 0);
    Json r = baseSpec();
    r["axes"][0] = Json::parse(R"({"path": "x", "range": {"start": 1, "stop": 4, "stepp": 1}})");
    CHECK(errorOf(r).rfind("s.json: /axes/0/range/stepp: unknown key 'stepp'; did you mean 'step'?", 0) == 0);
}

TEST_CASE("dse spec: bad values are one-line errors", "[dse][spec][errors]") {
    Json m = baseSpec();
    m["mode"] = "lhc";
    CHECK(errorOf(m) == "s.json: /mode: 'lhc' is not a mode; allowed: grid, random, lhs");
    Json n = baseSpec();
    n["mode"] = "random";
    CHECK(errorOf(n) == "s.json: /: missing required key 'samples'");
    Json g = baseSpec();
    g["seed"] = 3;
    CHECK(errorOf(g) == "s.json: /seed: applies only to mode random or lhs");
    Json both = baseSpec();
    both["axes"][0]["range"] = Json::parse(R"({"start": 1, "stop": 2, "step": 1})");
    CHECK(errorOf(both) == "s.json: /axes/0: needs exactly one of 'values' or 'range'");
    Json dup = baseSpec();
    dup["axes"].push_back(Json::parse(R"({"path": "clock.fabric_mhz", "values": [1]})"));
    CHECK(errorOf(dup) == "s.json: /axes/1: path 'clock.fabric_mhz' is already swept by another axis");
    Json obj = baseSpec();
    obj["objectives"] = Json::parse(R"([["latency_s", "energy"]])");
    CHECK(errorOf(obj).rfind("s.json: /objectives/0/1: unknown objective 'energy'; did you mean 'energy_j'?", 0) == 0);
    Json ex = baseSpec();
    ex["constraints"] = Json::array({"a.b <= "});
    CHECK(errorOf(ex).rfind("s.json: /constraints/0: expression ends early at column 8", 0) == 0);
}

TEST_CASE("dse axis: linear and log ranges, integer and real", "[dse][axis]") {
    auto values = [](const char* range) {
        Json d = baseSpec();
        d["axes"][0] = Json{{"path", "x"}, {"range", Json::parse(range)}};
        return Json(SweepSpec::fromJson(d, "s.json").axes[0].members[0].values).dump();
    };
    CHECK(values(R"({"start": 2, "stop": 10, "step": 4})") == "[2,6,10]");
    CHECK(values(R"({"start": 10, "stop": 2, "step": -3})") == "[10,7,4]");
    CHECK(values(R"({"start": 0.1, "stop": 0.5, "step": 0.1})") == "[0.1,0.2,0.3,0.4,0.5]");
    CHECK(values(R"({"start": 8, "stop": 64, "step": 2, "scale": "log"})") == "[8,16,32,64]");
    CHECK(values(R"({"start": 1, "stop": 0.01, "step": 0.1, "scale": "log"})") == "[1.0,0.1,0.01]");
    CHECK(values(R"({"start": 1e3, "stop": 1e5, "step": 10, "scale": "log"})") == "[1000.0,10000.0,100000.0]");
    Json bad = baseSpec();
    bad["axes"][0] = Json::parse(R"({"path": "x", "range": {"start": 1, "stop": 5, "step": -1}})");
    CHECK(errorOf(bad) == "s.json: /axes/0/range/step: moves away from stop; allowed: a step towards stop");
}

TEST_CASE("dse axis: tied paths move together and must match in length", "[dse][axis]") {
    Json d = baseSpec();
    d["axes"][0] = Json::parse(R"({"tied": [{"path": "a", "values": [1, 2]},
                                             {"path": "b", "range": {"start": 10, "stop": 20, "step": 10}}]})");
    SweepSpec s = SweepSpec::fromJson(d, "s.json");
    REQUIRE(s.axes.size() == 1);
    CHECK(s.axes[0].name == "a+b");
    CHECK(s.axes[0].size() == 2);
    CHECK(s.axes[0].members[1].values[1] == 20);
    d["axes"][0]["tied"][1]["range"]["stop"] = 30;
    CHECK(errorOf(d) ==
          "s.json: /axes/0/tied/1: has 3 values but /axes/0/tied/0 has 2; "
          "allowed: tied paths with equally many values");
}
