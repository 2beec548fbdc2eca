// Sharding: N slices partition the runnable points exactly once.
#include <catch2/catch.hpp>
#include <set>

#include "common/Error.h"
#include "dse/Shard.h"

using namespace vgm::dse;

static Plan planOf(size_t n, size_t filteredEvery) {
    Plan p;
    for (size_t i = 0; i < n; ++i) {
        Point pt;
        pt.index = i;
        pt.id = "p" + std::to_string(i);
        if (filteredEvery && i % filteredEvery == 0) pt.state = PointState::Filtered;
        p.points.push_back(pt);
    }
    return p;
}

TEST_CASE("dse shard: slices are disjoint, cover every runnable point and balance", "[dse][shard]") {
    for (size_t n : {0, 1, 7, 64, 100}) {
        for (size_t count : {1, 2, 3, 8}) {
            Plan plan = planOf(n, 5);
            std::multiset<size_t> all;
            size_t runnable = 0;
            for (const auto& p : plan.points) runnable += p.state == PointState::Run;
            size_t lo = SIZE_MAX, hi = 0;
            for (size_t i = 1; i <= count; ++i) {
                auto mine = shardPoints(plan, Shard{i, count});
                lo = std::min(lo, mine.size());
                hi = std::max(hi, mine.size());
                for (size_t k : mine) {
                    CHECK(plan.points[k].state == PointState::Run);
                    all.insert(k);
                }
            }
            CHECK(all.size() == runnable);
            CHECK(std::set<size_t>(all.begin(), all.end()).size() == runnable);
            CHECK(hi - lo <= 1);
        }
    }
}

TEST_CASE("dse shard: every shard reports the filtered rows", "[dse][shard]") {
    Plan plan = planOf(10, 3);  // 0, 3, 6, 9 filtered
    auto rows = shardRows(plan, Shard{2, 3});
    CHECK(rows == std::vector<size_t>{0, 2, 3, 6, 7, 9});
}

TEST_CASE("dse shard: parse I/N", "[dse][shard][errors]") {
    CHECK(parseShard("3/8").index == 3);
    CHECK(parseShard("3/8").count == 8);
    CHECK(parseShard("1/1").text() == "1/1");
    CHECK_THROWS_WITH(parseShard("0/4"), "--shard: 0/4 is out of range; allowed: I/N with 1 <= I <= N, e.g. 2/8");
    CHECK_THROWS_WITH(parseShard("5/4"), "--shard: 5/4 is out of range; allowed: I/N with 1 <= I <= N, e.g. 2/8");
    CHECK_THROWS_AS(parseShard("2"), vgm::InputError);
    CHECK_THROWS_AS(parseShard("a/b"), vgm::InputError);
    CHECK_THROWS_AS(parseShard("-1/4"), vgm::InputError);
}
