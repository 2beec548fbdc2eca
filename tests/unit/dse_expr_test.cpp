// Constraint expressions.
#include <catch2/catch.hpp>
#include <map>

#include "common/Error.h"
#include "dse/Constraints.h"
#include "dse/Expr.h"

using vgm::dse::Expr;

static double eval(const std::string& text, std::map<std::string, double> vars = {}) {
    return Expr::parse(text, "s.json: /constraints/0").eval([&](const std::string& n) -> std::optional<double> {
        auto it = vars.find(n);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    });
}

TEST_CASE("dse expr: arithmetic, precedence, comparisons, logic", "[dse][expr]") {
    CHECK(eval("1 + 2 * 3") == 7);
    CHECK(eval("(1 + 2) * 3") == 9);
    CHECK(eval("-2 * -3") == 6);
    CHECK(eval("7 % 4") == 3);
    CHECK(eval("10 / 4") == 2.5);
    CHECK(eval("2 < 3 && 3 <= 3 && 4 > 3 && 4 >= 4 && 1 == 1 && 1 != 2") == 1);
    CHECK(eval("1 > 2 || 0") == 0);
    CHECK(eval("!0 && !(1 == 2)") == 1);
    CHECK(eval("true && !false") == 1);
    CHECK(eval("a.rows * a.cols <= 4096", {{"a.rows", 64}, {"a.cols", 64}}) == 1);
    CHECK(eval("a.rows * a.cols <= 4096", {{"a.rows", 128}, {"a.cols", 64}}) == 0);
    CHECK(eval("0 && nothing.here") == 0);  // short-circuit: the right side is never looked up
}

TEST_CASE("dse expr: syntax and name errors say where", "[dse][expr][errors]") {
    CHECK_THROWS_WITH(eval("1 +"), Catch::StartsWith("s.json: /constraints/0: expression ends early at column 4"));
    CHECK_THROWS_WITH(eval("(1 + 2"), Catch::StartsWith("s.json: /constraints/0: missing ')' at column 7"));
    CHECK_THROWS_WITH(eval("1 $ 2"), Catch::StartsWith("s.json: /constraints/0: unexpected '$' at column 3"));
    CHECK_THROWS_WITH(eval("x.y > 1"), Catch::StartsWith("s.json: /constraints/0: unknown name 'x.y' in \"x.y > 1\""));
}

TEST_CASE("dse constraints: numbers at dotted paths of a resolved config", "[dse][expr]") {
    vgm::Json cfg = vgm::Json::parse(R"({"dsp": {"groups": [{"count": 12}], "on": true, "name": "x"}})");
    CHECK(vgm::dse::numberAt(cfg, "dsp.groups.0.count") == 12.0);
    CHECK(vgm::dse::numberAt(cfg, "dsp.on") == 1.0);
    CHECK_FALSE(vgm::dse::numberAt(cfg, "dsp.name"));
    CHECK_FALSE(vgm::dse::numberAt(cfg, "dsp.groups.1.count"));
    CHECK_FALSE(vgm::dse::numberAt(cfg, "dsp.missing"));
}
