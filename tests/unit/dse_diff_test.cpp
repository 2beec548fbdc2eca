// Golden comparison: exact integers, relative float tolerance, readable table.
#include <catch2/catch.hpp>

#include "dse/ReportDiff.h"

using namespace vgm::dse;
using vgm::Json;

TEST_CASE("dse diff: integers exact, floats within tolerance", "[dse][golden]") {
    Json a = Json::parse(R"({"vgmsim_version": "0.1.0", "cycles": {"total": 1000}, "energy_j": 1.0,
                             "layers": [{"cycles": 10}, {"cycles": 20}]})");
    Json b = a;
    CHECK(diffReports(a, b, 1e-9, {}).empty());
    b["energy_j"] = 1.0 + 1e-12;
    CHECK(diffReports(a, b, 1e-9, {}).empty());
    b["energy_j"] = 1.01;
    b["cycles"]["total"] = 1001;
    b["layers"][1]["cycles"] = 21;
    b["vgmsim_version"] = "0.2.0";
    auto d = diffReports(a, b, 1e-9, {"vgmsim_version"});
    REQUIRE(d.size() == 3);
    CHECK(d[0].field == "cycles.total");
    CHECK(d[0].oldText == "1000");
    CHECK(d[0].newText == "1001");
    CHECK(d[0].delta == "+0.100%");
    CHECK(d[1].field == "energy_j");
    CHECK(d[2].field == "layers[1].cycles");
    CHECK(d[2].delta == "+5.000%");
}

TEST_CASE("dse diff: added, removed and resized fields", "[dse][golden]") {
    Json a = Json::parse(R"({"x": 1, "l": [1, 2]})");
    Json b = Json::parse(R"({"y": 2, "l": [1]})");
    auto d = diffReports(a, b, 0, {});
    REQUIRE(d.size() == 3);
    CHECK(d[0].field == "x");
    CHECK(d[0].newText == "(absent)");
    CHECK(d[1].field == "l.length");
    CHECK(d[2].field == "y");
    CHECK(d[2].oldText == "(absent)");
}

TEST_CASE("dse diff: the table lines up and cuts long lists", "[dse][golden]") {
    std::vector<CaseChanges> cases = {{"gemm", {{"cycles.total", "1000", "1001", "+0.100%"}}},
                                      {"dit", {{"a", "1", "2", "+100.000%"}, {"b", "1", "3", "+200.000%"}}}};
    CHECK(changeTable(cases, 1) ==
          "  case  field          old   new      delta\n"
          "  ----  ------------  ----  ----  ---------\n"
          "  gemm  cycles.total  1000  1001    +0.100%\n"
          "  dit   a                1     2  +100.000%\n"
          "  ... 1 more changed fields in dit\n");
}
