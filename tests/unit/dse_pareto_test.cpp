// Pareto front against a brute-force definition, ties, maximized objectives.
#include <catch2/catch.hpp>
#include <set>

#include "dse/Pareto.h"
#include "common/SplitMix64.h"

using namespace vgm::dse;

TEST_CASE("dse pareto: a small front by hand", "[dse][pareto]") {
    // (latency, energy)
    std::vector<std::vector<double>> v = {{1, 9}, {2, 5}, {3, 6}, {4, 1}, {2, 5}, {5, 5}};
    auto f = paretoFront(v, {false, false});
    // (3,6) is beaten by (2,5); (5,5) by (2,5) and (4,1); the two (2,5) tie and both stay.
    CHECK(f == std::vector<size_t>{0, 1, 4, 3});
}

TEST_CASE("dse pareto: matches brute force on random clouds", "[dse][pareto]") {
    vgm::SplitMix64 rng(5);
    for (int round = 0; round < 20; ++round) {
        std::vector<std::vector<double>> v;
        for (int i = 0; i < 60; ++i) v.push_back({double(rng.below(20)), double(rng.below(20)), double(rng.below(20))});
        std::vector<bool> maxi = {false, true, false};
        auto f = paretoFront(v, maxi);
        std::set<size_t> front(f.begin(), f.end());
        for (size_t i = 0; i < v.size(); ++i) {
            bool dominated = false;
            for (size_t j = 0; j < v.size(); ++j) {
                bool le = v[j][0] <= v[i][0] && v[j][1] >= v[i][1] && v[j][2] <= v[i][2];
                bool lt = v[j][0] < v[i][0] || v[j][1] > v[i][1] || v[j][2] < v[i][2];
                dominated = dominated || (le && lt);
            }
            CHECK(front.count(i) == (dominated ? 0u : 1u));
        }
    }
}

TEST_CASE("dse pareto: pareto.csv per objective set and trace", "[dse][pareto]") {
    Plan plan;
    plan.columns = {"x"};
    plan.objectives = {{"latency_s", "energy_j"}};
    for (int i = 0; i < 4; ++i) {
        Point p;
        p.index = i;
        p.id = "p" + std::to_string(i);
        p.trace = i < 3 ? "a.json" : "b.json";
        p.sets = {{"x", i}};
        plan.points.push_back(p);
    }
    Results r;
    r.metrics = {"latency_s", "energy_j"};
    double lat[] = {1, 2, 3, 9}, en[] = {5, 4, 6, 9};
    for (int i = 0; i < 4; ++i) r.rows.push_back({&plan.points[i], "ok", "", {vgm::Json(lat[i]), vgm::Json(en[i])}});
    r.rows[1].status = "failed";  // failed points never make a front
    CHECK(paretoCsv(plan, r) ==
          "front,trace,id,latency_s,energy_j,x\n"
          "latency_s|energy_j,a.json,p0,1.0,5.0,0\n"
          "latency_s|energy_j,b.json,p3,9.0,9.0,3\n");
}
