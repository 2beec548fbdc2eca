// Point selection: grid order, random and Latin-hypercube determinism.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "dse/Plan.h"
#include "dse/Sampler.h"

using namespace vgm::dse;

TEST_CASE("dse sampler: grid lists every combination, first axis outermost", "[dse][sampler]") {
    auto g = gridPoints({2, 3});
    REQUIRE(g.size() == 6);
    CHECK(g[0] == IndexTuple{0, 0});
    CHECK(g[1] == IndexTuple{0, 1});
    CHECK(g[3] == IndexTuple{1, 0});
    CHECK(g[5] == IndexTuple{1, 2});
    CHECK(gridSize({1000, 1000, 1000}, kMaxPoints) == SIZE_MAX);
}

TEST_CASE("dse sampler: random picks distinct points, same seed same points", "[dse][sampler]") {
    auto a = randomPoints({10, 10, 10}, 50, 7);
    auto b = randomPoints({10, 10, 10}, 50, 7);
    auto c = randomPoints({10, 10, 10}, 50, 8);
    CHECK(a == b);
    CHECK(a != c);
    CHECK(std::set<IndexTuple>(a.begin(), a.end()).size() == 50);
    CHECK(std::is_sorted(a.begin(), a.end()));
    CHECK(randomPoints({2, 2}, 10, 1) == gridPoints({2, 2}));
}

TEST_CASE("dse sampler: LHS is deterministic and uses each stratum once", "[dse][sampler][lhs]") {
    auto a = lhsPoints({8, 8, 8}, 8, 42);
    CHECK(a == lhsPoints({8, 8, 8}, 8, 42));
    CHECK(a != lhsPoints({8, 8, 8}, 8, 43));
    REQUIRE(a.size() == 8);
    for (size_t axis = 0; axis < 3; ++axis) {
        std::set<size_t> used;
        for (const auto& t : a) used.insert(t[axis]);
        CHECK(used.size() == 8);  // samples == values: every value exactly once
    }
    // 16 samples on a 4-value axis: each value lands in exactly 4 strata.
    auto b = lhsPoints({4, 1000}, 16, 3);
    std::map<size_t, int> perValue;
    for (const auto& t : b) perValue[t[0]]++;
    for (auto& [v, n] : perValue) CHECK(n == 4);
}

TEST_CASE("dse plan: ids are stable and depend on content", "[dse][plan]") {
    std::vector<std::pair<std::string, vgm::Json>> sets = {{"clock.fabric_mhz", 250}};
    std::string id = pointId(7, 64, "t.json", sets);
    CHECK(id.rfind("p0007-", 0) == 0);
    CHECK(id.size() == 14);
    CHECK(id == pointId(7, 64, "t.json", sets));
    CHECK(id != pointId(7, 64, "u.json", sets));
    CHECK(pointId(7, 123456, "t.json", sets).rfind("p000007-", 0) == 0);
}
