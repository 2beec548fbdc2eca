// ZSS policies: hand-checked assignments, and the dynamic policies against a
// clock-stepped dispatcher.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "timing/schedule/SchedulerIF.h"

using namespace vgm::timing;

namespace {

ScheduleInput input(const std::vector<uint64_t>& rows, size_t groups, uint64_t perRow, uint64_t sw = 0) {
    ScheduleInput in;
    for (size_t i = 0; i < rows.size(); ++i) in.tiles.push_back(Tile{uint32_t(i), 0, rows[i], rows[i] * 10});
    in.groups = groups;
    in.cost = [perRow](const Tile& t, size_t) { return t.rows * perRow; };
    in.weightSwitchCycles = sw;
    return in;
}

std::vector<uint32_t> groupsOf(const ScheduleResult& r, size_t tiles) {
    std::vector<uint32_t> g(tiles, 99);
    for (const auto& p : r.placements) g[p.tile] = p.group;
    return g;
}

// Every cycle: free groups (lowest index first) take the next tile of `order`;
// a busy group counts down. Returns the cycle the last tile completes.
uint64_t steppedDispatch(const ScheduleInput& in, const std::vector<size_t>& order, bool preload,
                         std::vector<uint32_t>* assigned) {
    std::vector<uint64_t> left(in.groups, 0);
    std::vector<int64_t> col(in.groups, -1);
    size_t next = 0;
    uint64_t cycle = 0;
    assigned->assign(in.tiles.size(), 99);
    while (true) {
        for (uint32_t g = 0; g < in.groups && next < order.size(); ++g) {
            if (left[g] > 0) continue;
            const Tile& t = in.tiles[order[next]];
            const bool sw = !preload && col[g] != int64_t(t.colTile);
            left[g] = in.cost(t, g) + (sw ? in.weightSwitchCycles : 0);
            col[g] = t.colTile;
            (*assigned)[order[next++]] = g;
        }
        const bool busy = std::any_of(left.begin(), left.end(), [](uint64_t l) { return l > 0; });
        if (!busy && next == order.size()) return cycle;
        ++cycle;
        for (auto& l : left)
            if (l > 0) --l;
    }
}

}  // namespace

TEST_CASE("zss: static keeps the dense assignment, so sparsity unbalances it", "[schedule]") {
    const ScheduleInput in = input({4, 0, 4, 0}, 2, 5);
    const ScheduleResult r = makeScheduler("static")->schedule(in);
    CHECK(groupsOf(r, 4) == std::vector<uint32_t>{0, 99, 0, 99});
    CHECK(r.groupBusy == std::vector<uint64_t>{40, 0});
    CHECK(r.makespan == 40);
    CHECK(r.issued == 2);
}

TEST_CASE("zss: dynamic takes the first free group and pays weight switches", "[schedule]") {
    const ScheduleInput in = input({4, 0, 4, 0}, 2, 5, 3);
    const ScheduleResult r = makeScheduler("dynamic")->schedule(in);
    CHECK(groupsOf(r, 4) == std::vector<uint32_t>{0, 99, 1, 99});
    CHECK(r.makespan == 23);  // 3 to load weights + 20
    CHECK(r.weightSwitches == 2);
}

TEST_CASE("zss: dynamic-static orders by post-sparsity work", "[schedule]") {
    // Dense order 1, 1, 4 rows: first-free gives 1 + 4 = 5 on group 0; largest first gives 4.
    const ScheduleInput in = input({1, 1, 4}, 2, 1);
    CHECK(makeScheduler("dynamic")->schedule(in).makespan == 5);
    const ScheduleResult r = makeScheduler("dynamic-static")->schedule(in);
    CHECK(r.makespan == 4);
    CHECK(groupsOf(r, 3) == std::vector<uint32_t>{1, 1, 0});
    CHECK(r.placements.front().tile == 2);
}

TEST_CASE("zss: a group that cannot run the operator gets nothing", "[schedule]") {
    ScheduleInput in = input({2, 2, 2}, 3, 1);
    in.cost = [](const Tile& t, size_t g) { return g == 1 ? kIneligible : t.rows; };
    for (const auto& name : schedulerNames()) {
        const ScheduleResult r = makeScheduler(name)->schedule(in);
        INFO(name);
        CHECK(r.groupBusy[1] == 0);
        CHECK(r.issued == 3);
    }
}

TEST_CASE("zss: unknown policy", "[schedule]") {
    CHECK_THROWS_AS(makeScheduler("fifo"), std::invalid_argument);
}

TEST_CASE("zss: dynamic policies equal a clock-stepped dispatcher", "[schedule]") {
    std::mt19937_64 rng(5);
    auto pick = [&](uint64_t lo, uint64_t hi) { return std::uniform_int_distribution<uint64_t>(lo, hi)(rng); };
    for (int i = 0; i < 300; ++i) {
        std::vector<uint64_t> rows(pick(0, 12));
        for (auto& r : rows) r = pick(0, 9);
        ScheduleInput in = input(rows, pick(1, 4), pick(1, 3), pick(0, 4));
        for (auto& t : in.tiles) t.colTile = uint32_t(pick(0, 2));
        std::vector<size_t> dense, byWork;
        for (size_t t = 0; t < rows.size(); ++t)
            if (rows[t]) dense.push_back(t);
        byWork = dense;
        std::stable_sort(byWork.begin(), byWork.end(),
                         [&](size_t a, size_t b) { return in.tiles[a].work > in.tiles[b].work; });
        std::vector<uint32_t> want;
        const ScheduleResult d = makeScheduler("dynamic")->schedule(in);
        CHECK(d.makespan == steppedDispatch(in, dense, false, &want));
        CHECK(groupsOf(d, rows.size()) == want);
        // With identical groups, earliest finish is earliest free.
        const ScheduleResult ds = makeScheduler("dynamic-static")->schedule(in);
        CHECK(ds.makespan == steppedDispatch(in, byWork, true, &want));
        CHECK(groupsOf(ds, rows.size()) == want);
        uint64_t sum = 0;
        for (auto b : ds.groupBusy) sum += b;
        uint64_t work = 0;
        for (size_t t : dense) work += in.cost(in.tiles[t], 0);
        CHECK(sum == work);
    }
}
