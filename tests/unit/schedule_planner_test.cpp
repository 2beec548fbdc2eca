// The per-operator plan: rows, MACs, SU/RU costs, look-ahead and tiles.
#include <catch2/catch.hpp>

#include "config/Config.h"
#include "timing/schedule/OpPlanner.h"

using namespace vgm::timing;
using vgm::Json;
using vgm::config::Config;
using vgm::workload::Operator;
using vgm::workload::SkipSet;

namespace {
Config design(const std::vector<std::string>& sets = {}) {
    const Json doc = Json::parse(R"({
      "dsp": {"groups": [{"name": "a", "unit": "dsp-e", "rows": 4, "cols": 4},
                         {"name": "b", "unit": "dsp-e", "rows": 4, "cols": 4}]},
      "sparsity": {"enabled": true, "group_frames": 1, "block_tokens": 2,
                   "su": {"lanes": 4, "read_bytes_per_cycle": 8, "pipeline_depth": 2, "precision": "fp16"},
                   "ru": {"bytes_per_cycle": 8, "latency": 1}},
      "scheduler": {"tile_rows": 4, "replay_penalty_cycles": 5}})");
    return Config::fromJson(doc, "p.json", sets);
}
Operator qkv(uint32_t step, std::shared_ptr<const SkipSet> skip) {
    Operator op;
    op.role = vgm::workload::Role::Qkv;
    op.precision = vgm::workload::PrecisionClass::Int8Capable;
    op.step = step;
    op.m = 8, op.k = 4, op.n = 4;
    op.inputElems = 32, op.weightElems = 16, op.outputElems = 32;
    op.skip = std::move(skip);
    return op;
}
}  // namespace

TEST_CASE("planner: skipped rows, SU and RU costs of one operator", "[schedule][planner]") {
    const Config cfg = design({"scheduler.lookahead=false"});
    const ComputeSpec compute = ComputeSpec::fromConfig(cfg);
    const SparsitySpec sp = SparsitySpec::fromConfig(cfg);
    const ScheduleSpec sc = ScheduleSpec::fromConfig(cfg);
    OpPlanner planner(compute, sp, sc, 1, 8, 1);
    auto skip = std::make_shared<const SkipSet>(SkipSet{{0, 2, 4}, {1, 3, 5}});
    const OpPlan p = planner.plan(qkv(0, skip), 0);
    CHECK(p.examined);
    CHECK(p.precision == Precision::Int8);
    CHECK(p.rowsComputed == 5);
    CHECK(p.macsExecuted == 5 * 16);
    CHECK(p.macsSkipped == 3 * 16);
    // One frame of 8 tokens, K = 2: 4 blocks, 4 reference loads, 4 candidates of d = 4.
    CHECK(p.su == SuWork{4, 4});
    // Read 4 x 2 B at 8 B/cycle = 1 cycle; 12 MACs on 4 lanes = 3 cycles: 4 + 4 x 3 + 2 + 1.
    CHECK(p.suCycles == 19);
    CHECK(p.ruRows == 3);
    CHECK(p.ruCycles == 3 * 1 + 1);  // 8 B rows (4 x FP16) at 8 B/cycle
    CHECK(p.weightBytes == 16);
    CHECK(p.inputBytes == 5 * 4);   // skipped rows are not fetched
}

TEST_CASE("planner: look-ahead issues on the previous step's mask", "[schedule][planner]") {
    const Config cfg = design();
    const ComputeSpec compute = ComputeSpec::fromConfig(cfg);
    const SparsitySpec sp = SparsitySpec::fromConfig(cfg);
    const ScheduleSpec sc = ScheduleSpec::fromConfig(cfg);
    OpPlanner planner(compute, sp, sc, 1, 8, 1);
    const OpPlan first = planner.plan(qkv(0, std::make_shared<const SkipSet>(SkipSet{{0, 2}, {1, 3}})), 0);
    CHECK_FALSE(first.speculated);  // no history: wait for the SU
    CHECK(first.rowsComputed == 6);
    const OpPlan second = planner.plan(qkv(1, std::make_shared<const SkipSet>(SkipSet{{2, 4}, {3, 5}})), 0);
    CHECK(second.speculated);
    CHECK(second.spec.falseSkips == 1);   // row 0
    CHECK(second.spec.missedSkips == 1);  // row 4
    CHECK(second.rowsComputed == 7);      // only row 2 is skipped for sure
    CHECK(second.rowsIssued == 6);        // tiles run on the prediction {0, 2}
    CHECK(second.replayRows == std::vector<uint32_t>{0});  // replayed after verification
    CHECK(second.issued->rows == std::vector<uint32_t>{0, 2});
    CHECK(second.skipped->rows == std::vector<uint32_t>{2});  // the RU copies row 2 only
    CHECK(second.spec.replayCycles == 5);
    CHECK(second.macsExecuted == 7 * 16);  // 6 issued + 1 replayed row
}

TEST_CASE("planner: fc2 reuses fc1's mask without an SU pass", "[schedule][planner]") {
    const Config cfg = design({"scheduler.lookahead=false"});
    const ComputeSpec compute = ComputeSpec::fromConfig(cfg);
    const SparsitySpec sp = SparsitySpec::fromConfig(cfg);
    const ScheduleSpec sc = ScheduleSpec::fromConfig(cfg);
    OpPlanner planner(compute, sp, sc, 1, 8, 1);
    auto mask = std::make_shared<const SkipSet>(SkipSet{{0, 2, 4}, {1, 3, 5}});
    Operator fc1 = qkv(0, mask), fc2 = qkv(0, mask);
    fc1.role = vgm::workload::Role::Fc1;
    fc2.role = vgm::workload::Role::Fc2;
    const OpPlan a = planner.plan(fc1, 0);
    CHECK(a.examined);
    CHECK(a.suCycles > 0);
    const OpPlan b = planner.plan(fc2, 1);
    CHECK_FALSE(b.examined);
    CHECK(b.reusedMask);
    CHECK(b.suCycles == 0);
    CHECK(b.su == SuWork{});
    CHECK(b.ruRows == 3);
    CHECK(b.rowsComputed == 5);
    // fc2 of another block has no fc1 to reuse: examined.
    Operator other = fc2;
    other.block = 1;
    CHECK(planner.plan(other, 2).examined);
}

TEST_CASE("planner: sparsity off computes every row", "[schedule][planner]") {
    const Config cfg = design({"sparsity.enabled=false"});
    const ComputeSpec compute = ComputeSpec::fromConfig(cfg);
    const SparsitySpec sp = SparsitySpec::fromConfig(cfg);
    const ScheduleSpec sc = ScheduleSpec::fromConfig(cfg);
    OpPlanner planner(compute, sp, sc, 1, 8, 1);
    const OpPlan p = planner.plan(qkv(0, std::make_shared<const SkipSet>(SkipSet{{0}, {1}})), 0);
    CHECK_FALSE(p.examined);
    CHECK(p.rowsComputed == 8);
    CHECK(p.macsSkipped == 0);
    CHECK(p.suCycles == 0);
}
