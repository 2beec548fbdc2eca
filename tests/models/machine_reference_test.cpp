// The SystemC machine (models::runProgram) against the clock-stepped
// reference (MachineReference.h): every command's start, end and unit and
// every unit's cycle classes must agree, on random programs, on programs
// lowered from tiny traces and on hand-checked programs. One runProgram per
// test case: SystemC runs one simulation per process.
#include <catch2/catch.hpp>

#include <functional>

#include "config/Config.h"
#include "models/FreshKernel.h"
#include "models/MachineReference.h"
#include "models/ProgramRun.h"
#include "models/RandomProgram.h"
#include "program/Lowering.h"
#include "common/Files.h"
#include "workload/Activations.h"
#include "workload/Models.h"
#include "workload/Trace.h"

using namespace vgm;
using program::Buffer;
using program::CmdKind;
using program::Command;
using DmaCost = std::function<uint64_t(const Command&)>;

namespace {

const std::string kRoot = VGMSIM_SOURCE_DIR;

void checkClasses(const models::ProgramRunResult& r, const char* who) {
    for (size_t u = 0; u < r.units.size(); ++u) {
        const models::UnitCycles& c = r.units[u];
        INFO(who << " unit " << u);
        CHECK(c.busy + c.idle + c.stallInput + c.stallOutput + c.stallBuffer == r.totalCycles);
    }
}

// Runs both; reports the first command that differs (the rest usually follow from it).
models::ProgramRunResult compare(const program::Program& p, const DmaCost& dma) {
    test::FreshKernel k;
    const models::ProgramRunResult want = test::runReference(p, dma);
    const models::ProgramRunResult got = models::runProgram(p, dma);
    REQUIRE(got.commands.size() == p.commands.size());
    REQUIRE(got.units.size() == p.machine.units.size());
    CHECK(got.totalCycles == want.totalCycles);
    for (size_t i = 0; i < p.commands.size(); ++i) {
        const models::CommandTiming &g = got.commands[i], &w = want.commands[i];
        if (g.start == w.start && g.end == w.end && g.unit == w.unit) continue;
        const Command& c = p.commands[i];
        FAIL_CHECK("command " << i << " (" << program::toString(c.kind) << ", stream "
                              << p.machine.streams[c.stream].name << ", op " << c.op << "): machine start "
                              << g.start << " end " << g.end << " unit " << g.unit << ", reference start "
                              << w.start << " end " << w.end << " unit " << w.unit);
        break;
    }
    for (size_t u = 0; u < p.machine.units.size(); ++u) {
        const models::UnitCycles &g = got.units[u], &w = want.units[u];
        INFO("unit " << p.machine.units[u].name);
        CHECK(g.busy == w.busy);
        CHECK(g.idle == w.idle);
        CHECK(g.stallInput == w.stallInput);
        CHECK(g.stallOutput == w.stallOutput);
        CHECK(g.stallBuffer == w.stallBuffer);
        CHECK(g.commands == w.commands);
        CHECK(g.modeSwitches == w.modeSwitches);
    }
    checkClasses(got, "machine");
    checkClasses(want, "reference");
    return want;
}

void compareRandom(uint64_t seed) {
    const program::Program p = test::randomProgram(seed);
    INFO("seed " << seed << ", " << p.commands.size() << " commands");
    compare(p, test::randomDmaCycles);
}

// The first `ops` operators of a tiny trace, lowered for flightvgm_v80 with `sets`.
void compareLowered(const std::string& trace, size_t ops, const std::vector<std::string>& sets) {
    workload::Trace t = workload::readTrace(kRoot + "/traces/tiny/" + trace);
    t.ops.resize(std::min(ops, t.ops.size()));
    const config::Config cfg = config::Config::load(kRoot + "/configs/flightvgm_v80.json", sets);
    const timing::ComputeSpec compute = timing::ComputeSpec::fromConfig(cfg);
    const timing::SparsitySpec sparsity = timing::SparsitySpec::fromConfig(cfg);
    const timing::ScheduleSpec sched = timing::ScheduleSpec::fromConfig(cfg);
    // HBM capacity only places addresses, which the DMA cost here ignores.
    const program::Program p = program::Lowering::lowerAll(t, compute, sparsity, sched, uint64_t(16) << 30);
    INFO(trace << ", " << ops << " ops, " << p.commands.size() << " commands");
    REQUIRE(!p.commands.empty());
    compare(p, [](const Command& c) { return 1 + c.bytes / 2048; });
}

// The first `ops` operators of each of the two steps of a tiny trace: step 1 runs on
// step 0's masks (look-ahead), so its false positives are replayed after the SU.
void compareSpeculating(const std::string& trace, size_t ops, const std::vector<std::string>& sets) {
    workload::Trace t = workload::readTrace(kRoot + "/traces/tiny/" + trace);
    std::vector<workload::Operator> kept;
    size_t inStep = 0;
    for (size_t i = 0; i < t.ops.size(); ++i) {
        inStep = i && t.ops[i].step != t.ops[i - 1].step ? 0 : inStep;
        if (inStep++ < ops) kept.push_back(t.ops[i]);
    }
    t.ops = std::move(kept);
    const config::Config cfg = config::Config::load(kRoot + "/configs/flightvgm_v80.json", sets);
    const timing::ComputeSpec compute = timing::ComputeSpec::fromConfig(cfg);
    const timing::SparsitySpec sparsity = timing::SparsitySpec::fromConfig(cfg);
    const timing::ScheduleSpec sched = timing::ScheduleSpec::fromConfig(cfg);
    const program::Program p = program::Lowering::lowerAll(t, compute, sparsity, sched, uint64_t(16) << 30);
    size_t replays = 0;
    for (const Command& c : p.commands) replays += c.kind == CmdKind::Replay;
    INFO(trace << ", " << ops << " ops per step, " << p.commands.size() << " commands, " << replays << " replays");
    REQUIRE(replays > 0);
    compare(p, [](const Command& c) { return 1 + c.bytes / 2048; });
}

// Hand-written programs: one DSP group (Int8 + Fp16), the standard layout.
struct Tiny {
    program::Program p;
    test::StandardStreams s{1};
    Tiny() {
        p.machine = test::standardMachine({(1u << unsigned(timing::Precision::Int8)) |
                                           (1u << unsigned(timing::Precision::Fp16))});
        p.opLabels = {"op0", "op1", "op2"};
    }
    Command& add(CmdKind kind, uint32_t stream, uint64_t cycles, std::vector<program::DepRange> deps = {}) {
        Command c;
        c.kind = kind;
        c.stream = stream;
        c.cycles = cycles;
        c.deps = std::move(deps);
        p.commands.push_back(c);
        return p.commands.back();
    }
    enum : uint32_t { kGroup = 0, kSfu = 1, kSu = 2, kDmaWeight = 4 };  // unit indices
};

void expectTimes(const models::ProgramRunResult& r, const std::vector<models::CommandTiming>& want) {
    REQUIRE(r.commands.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
        INFO("command " << i);
        CHECK(r.commands[i].start == want[i].start);
        CHECK(r.commands[i].end == want[i].end);
        CHECK(r.commands[i].unit == want[i].unit);
    }
}

}  // namespace

// (a) Random programs, one per test case so that CTest runs each in its own process.
#define VGM_SEED(n) \
    TEST_CASE("machine reference: random program " #n, "[machine-reference]") { compareRandom(n); }
#define VGM_SEEDS10(d)                                                                                     \
    VGM_SEED(d##0) VGM_SEED(d##1) VGM_SEED(d##2) VGM_SEED(d##3) VGM_SEED(d##4) VGM_SEED(d##5) VGM_SEED(d##6) \
    VGM_SEED(d##7) VGM_SEED(d##8) VGM_SEED(d##9)
VGM_SEEDS10() VGM_SEEDS10(1) VGM_SEEDS10(2) VGM_SEEDS10(3) VGM_SEEDS10(4) VGM_SEEDS10(5) VGM_SEEDS10(6)
VGM_SEEDS10(7) VGM_SEEDS10(8) VGM_SEEDS10(9) VGM_SEEDS10(10) VGM_SEEDS10(11) VGM_SEEDS10(12) VGM_SEEDS10(13)
VGM_SEEDS10(14) VGM_SEEDS10(15) VGM_SEEDS10(16) VGM_SEEDS10(17) VGM_SEEDS10(18) VGM_SEEDS10(19) VGM_SEEDS10(20)
VGM_SEEDS10(21)

// (b) Programs lowered from tiny traces: the first operators of a DiT block
// (dense) and of an STDiT3 block (statistical sparsity), per scheduler
// policy, with fusion switched off and with buffers small enough to stall.
namespace {
const std::vector<std::string> kNoFusion = {"scheduler.fusion.prologue=false", "scheduler.fusion.epilogue=false",
                                            "scheduler.fusion.online_softmax=false", "scheduler.fusion.qk_norm=false"};
// 32 KiB of weights and 16 KiB of outputs: the DMA and the groups wait for buffer space.
const std::vector<std::string> kSmallBuffers = {"buffers.weight.uram=0", "buffers.weight.bram36=8",
                                                "buffers.output.uram=0", "buffers.output.bram36=4"};
std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}
const char* const kDit = "dit-xl-2_256_2steps.vgmt";
const char* const kStdit = "stdit3-xl-2_240p_17f_2steps_stat.vgmt";
}  // namespace

#define VGM_LOWERED(name, trace, ops, ...)                                \
    TEST_CASE("machine reference: lowered " name, "[machine-reference]") { \
        compareLowered(trace, ops, __VA_ARGS__);                           \
    }
VGM_LOWERED("dit static", kDit, 12, {"scheduler.policy=static"})
VGM_LOWERED("dit dynamic", kDit, 12, {"scheduler.policy=dynamic"})
VGM_LOWERED("dit dynamic-static", kDit, 12, {"scheduler.policy=dynamic-static"})
VGM_LOWERED("dit static no fusion", kDit, 12, with({"scheduler.policy=static"}, kNoFusion))
VGM_LOWERED("dit dynamic no fusion", kDit, 12, with({"scheduler.policy=dynamic"}, kNoFusion))
VGM_LOWERED("dit dynamic-static no fusion", kDit, 12, kNoFusion)
VGM_LOWERED("dit small buffers", kDit, 12, kSmallBuffers)
VGM_LOWERED("dit small buffers static", kDit, 12, with({"scheduler.policy=static"}, kSmallBuffers))
VGM_LOWERED("dit small buffers no fusion", kDit, 12, with(kSmallBuffers, kNoFusion))
VGM_LOWERED("dit shallow queues", kDit, 12, {"scheduler.queue_depth=0", "scheduler.lookahead_ops=1"})
VGM_LOWERED("stdit3 static", kStdit, 16, {"scheduler.policy=static"})
VGM_LOWERED("stdit3 dynamic", kStdit, 16, {"scheduler.policy=dynamic"})
VGM_LOWERED("stdit3 dynamic-static", kStdit, 16, {"scheduler.policy=dynamic-static"})
VGM_LOWERED("stdit3 no prologue", kStdit, 16, {"scheduler.fusion.prologue=false"})
VGM_LOWERED("stdit3 no epilogue", kStdit, 16, {"scheduler.fusion.epilogue=false"})
VGM_LOWERED("stdit3 no online softmax", kStdit, 16, {"scheduler.fusion.online_softmax=false"})
VGM_LOWERED("stdit3 no qk norm", kStdit, 16, {"scheduler.fusion.qk_norm=false"})
VGM_LOWERED("stdit3 small buffers", kStdit, 16, kSmallBuffers)
VGM_LOWERED("stdit3 small activation buffer", kStdit, 16, {"buffers.activation.uram=16"})
VGM_LOWERED("stdit3 small buffers dynamic no fusion", kStdit, 16,
            with(with({"scheduler.policy=dynamic"}, kSmallBuffers), kNoFusion))
VGM_LOWERED("stdit3 shallow queues", kStdit, 16, {"scheduler.queue_depth=0", "scheduler.lookahead_ops=1"})
VGM_LOWERED("stdit3 no look-ahead", kStdit, 16, {"scheduler.lookahead=false"})
VGM_LOWERED("stdit3 count balance", kStdit, 16, {"scheduler.work_balance=false"})
VGM_LOWERED("dit dynamic count balance", kDit, 12, {"scheduler.policy=dynamic", "scheduler.work_balance=false"})
TEST_CASE("machine reference: speculation replays", "[machine-reference]") {
    compareSpeculating(kStdit, 16, {});
}
TEST_CASE("machine reference: speculation replays, small buffers", "[machine-reference]") {
    compareSpeculating(kStdit, 16, kSmallBuffers);
}
TEST_CASE("machine reference: speculation replays, static", "[machine-reference]") {
    compareSpeculating(kStdit, 16, {"scheduler.policy=static"});
}

// (c) Hand-checked programs.
TEST_CASE("machine reference: dependency chain across two units", "[machine-reference]") {
    Tiny t;
    t.add(CmdKind::Gemm, t.s.pool(), 5);            // 0: 0-5
    t.add(CmdKind::Sfu, t.s.sfu(), 3, {{0, 1}});    // 1: dispatched and started when 0 retires: 5-8
    t.add(CmdKind::Gemm, t.s.pool(), 2, {{1, 1}});  // 2: 8-10
    const auto r = compare(t.p, test::randomDmaCycles);
    expectTimes(r, {{0, 5, Tiny::kGroup}, {5, 8, Tiny::kSfu}, {8, 10, Tiny::kGroup}});
    CHECK(r.totalCycles == 10);
    // The group waits on 1 during 5-7; the SFU waits on 0 during 0-4, then has nothing.
    CHECK(r.units[Tiny::kGroup].busy == 7);
    CHECK(r.units[Tiny::kGroup].stallInput == 3);
    CHECK(r.units[Tiny::kSfu].stallInput == 5);
    CHECK(r.units[Tiny::kSfu].idle == 2);
}

TEST_CASE("machine reference: a full queue holds the pool's head back", "[machine-reference]") {
    Tiny t;
    const uint32_t fp16 = 1u << unsigned(timing::Precision::Fp16);
    t.p.machine = test::standardMachine({fp16, fp16});
    t.s = test::StandardStreams(2);
    t.p.machine.queueDepth = 0;
    for (uint64_t cycles : {10, 2, 2, 2}) t.add(CmdKind::Gemm, t.s.pool(), cycles);
    // 0 -> group 0, 1 -> group 1 (fewest outstanding); 2 finds both full and
    // waits for group 1 at 2 (with a queue it would sit behind 0 until 10).
    const auto r = compare(t.p, test::randomDmaCycles);
    expectTimes(r, {{0, 10, 0}, {0, 2, 1}, {2, 4, 1}, {4, 6, 1}});
    CHECK(r.units[1].busy == 6);
    CHECK(r.units[1].idle == 4);
}

TEST_CASE("machine reference: buffer stalls are stall_buffer (weight) and stall_output (output)",
          "[machine-reference]") {
    Tiny t;
    t.p.machine.bufferBytes[size_t(Buffer::Weight)] = 100;
    t.p.machine.bufferBytes[size_t(Buffer::Output)] = 10;
    auto acquire = [](Command& c, Buffer b, uint64_t bytes) {
        c.acquire = b;
        c.acquireBytes = bytes;
        c.users = 1;
    };
    acquire(t.add(CmdKind::LoadWeight, t.s.dmaWeight(), 1), Buffer::Weight, 80);  // 0: 97 B = 2 cycles: 0-2
    acquire(t.add(CmdKind::LoadWeight, t.s.dmaWeight(), 1), Buffer::Weight, 50);  // 1: 194 B = 3 cycles
    t.p.commands[0].bytes = 97;
    t.p.commands[1].bytes = 194;
    t.add(CmdKind::Gemm, t.s.pool(), 6, {{0, 1, true}});  // 2: 2-8, returns 0's 80 B at 8 -> 1 runs 8-11
    t.add(CmdKind::Gemm, t.s.pool(), 4, {{1, 1, true}});  // 3: 11-15
    acquire(t.add(CmdKind::Sfu, t.s.sfu(), 2), Buffer::Output, 10);  // 4: 0-2
    acquire(t.add(CmdKind::Sfu, t.s.sfu(), 1), Buffer::Output, 5);   // 5: waits for 6 to free 4: 5-6
    t.add(CmdKind::SuExamine, t.s.su(), 3, {{4, 1, true}});         // 6: 2-5
    t.add(CmdKind::SuExamine, t.s.su(), 1, {{5, 1, true}});         // 7: 6-7
    const auto r = compare(t.p, test::randomDmaCycles);
    expectTimes(r, {{0, 2, Tiny::kDmaWeight}, {8, 11, Tiny::kDmaWeight}, {2, 8, Tiny::kGroup},
                    {11, 15, Tiny::kGroup}, {0, 2, Tiny::kSfu}, {5, 6, Tiny::kSfu}, {2, 5, Tiny::kSu},
                    {6, 7, Tiny::kSu}});
    const models::UnitCycles& dma = r.units[Tiny::kDmaWeight];
    CHECK(dma.busy == 5);
    CHECK(dma.stallBuffer == 6);  // 2-7: 1 does not fit until 2 retires
    CHECK(dma.idle == 4);
    const models::UnitCycles& sfu = r.units[Tiny::kSfu];
    CHECK(sfu.busy == 3);
    CHECK(sfu.stallOutput == 3);  // 2-4
    CHECK(sfu.idle == 9);
    CHECK(r.units[Tiny::kGroup].stallInput == 5);  // 0-1 on 0, 8-10 on 1
    CHECK(r.units[Tiny::kSu].stallInput == 3);     // 0-1 on 4, 5 on 5
}

TEST_CASE("machine reference: a mode switch and a weight switch lengthen commands", "[machine-reference]") {
    Tiny t;
    t.p.machine.modeSwitchCycles[t.p.machine.groupUnitKind[0]] = 7;
    t.p.machine.weightSwitchCycles = 4;
    for (auto [precision, tag] : {std::pair{timing::Precision::Int8, 1}, {timing::Precision::Fp16, 1},
                                  {timing::Precision::Fp16, 2}}) {
        Command& c = t.add(CmdKind::Gemm, t.s.pool(), 5);
        c.precision = precision;
        c.weightTag = uint64_t(tag);
    }
    t.p.commands[2].cycles = 3;
    t.p.commands[2].groupCycles = {2};
    // 0: 0-5; 1: 5 + 7 (Int8 -> Fp16) = 5-17; 2: its group's 2 + 4 (tag 1 -> 2) = 17-23.
    const auto r = compare(t.p, test::randomDmaCycles);
    expectTimes(r, {{0, 5, Tiny::kGroup}, {5, 17, Tiny::kGroup}, {17, 23, Tiny::kGroup}});
    CHECK(r.units[Tiny::kGroup].modeSwitches == 1);
    CHECK(r.units[Tiny::kGroup].busy == 23);
}

TEST_CASE("machine reference: the window hides later operators", "[machine-reference]") {
    Tiny t;
    t.p.machine.lookaheadOps = 1;
    t.add(CmdKind::Gemm, t.s.pool(), 10).op = 0;  // 0: 0-10
    t.add(CmdKind::Sfu, t.s.sfu(), 2).op = 1;     // 1: in the window of op 0: 0-2
    t.add(CmdKind::SuExamine, t.s.su(), 2).op = 2;  // 2: seen once 0 retires: 10-12
    const auto r = compare(t.p, test::randomDmaCycles);
    expectTimes(r, {{0, 10, Tiny::kGroup}, {0, 2, Tiny::kSfu}, {10, 12, Tiny::kSu}});
    CHECK(r.units[Tiny::kSu].idle == 10);  // an invisible head is no head
}

// Gathered replays (scheduler.replay_batch_rows) on a 2-step gemm whose activations drift:
// step 1 is issued on step 0's mask. Each replay but a weight chunk's last holds at least
// the batch, the replays hold exactly the false positives, they run on the first stream
// (ahead of new tiles), and the machine agrees with the reference command for command.
TEST_CASE("machine reference: gathered replays of drifting activations", "[machine-reference]") {
    workload::ModelOptions o;
    o.model = "gemm";
    o.m = 6 * 256, o.k = 64, o.n = 256, o.steps = 2;
    o.gemmRole = workload::Role::Qkv;
    workload::TraceSpec spec = workload::buildModel(o);
    workload::addActivations(spec, "random:1:0.81", 6, 0.9);
    const std::string path = "/tmp/vgm_replay_gather.vgmt";
    writeFileAtomic(path, workload::encodeTrace(spec));
    const workload::Trace t = workload::readTrace(path);
    // A threshold near the tokens' typical similarity, so that many decisions flip between steps.
    const config::Config cfg =
        config::Config::load(kRoot + "/configs/flightvgm_v80.json", {"sparsity.threshold.qkv=0.948"});
    const timing::ComputeSpec compute = timing::ComputeSpec::fromConfig(cfg);
    const timing::SparsitySpec sparsity = timing::SparsitySpec::fromConfig(cfg);
    const timing::ScheduleSpec sched = timing::ScheduleSpec::fromConfig(cfg);
    REQUIRE(sched.replayBatchRows == 32);
    program::Lowering low(t, compute, sparsity, sched, uint64_t(16) << 30);
    program::Program p;
    p.machine = low.machine();
    while (low.lowered() < low.ops()) {
        const size_t first = low.lowerNext(p.commands, 0);
        for (size_t i = first; i < low.lowered(); ++i) p.opLabels.push_back(low.work(i).label);
    }
    const timing::OpPlan& plan = low.work(1).plan;
    REQUIRE(plan.speculated);
    REQUIRE(plan.replayRows.size() > 2 * sched.replayBatchRows);
    CHECK(p.machine.streams[0].name == "dsp.replay");
    // One weight chunk here: the replays partition the false positives.
    std::vector<uint64_t> rows;
    for (const Command& c : p.commands)
        if (c.kind == CmdKind::Replay) {
            CHECK(c.stream == 0);
            rows.push_back(c.macs / (o.k * o.n));
        }
    REQUIRE(rows.size() >= 2);
    uint64_t total = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        if (i + 1 < rows.size()) CHECK(rows[i] >= sched.replayBatchRows);
        total += rows[i];
    }
    CHECK(total == plan.replayRows.size());
    compare(p, [](const Command& c) { return 1 + c.bytes / 2048; });
}

// Work balance (dynamic policies): group 1 takes four times as long per tile as group 0.
namespace {
models::ProgramRunResult unevenGroups(bool balanceWork) {
    Tiny t;
    const uint32_t fp16 = 1u << unsigned(timing::Precision::Fp16);
    t.p.machine = test::standardMachine({fp16, fp16});
    t.s = test::StandardStreams(2);
    t.p.machine.balanceWork = balanceWork;
    for (int i = 0; i < 4; ++i) {
        Command& c = t.add(CmdKind::Gemm, t.s.pool(), 8);
        c.groupCycles = {2, 8};
    }
    return compare(t.p, test::randomDmaCycles);
}
}  // namespace

TEST_CASE("machine reference: fewest queued tiles ignores how fast a group is", "[machine-reference]") {
    // 0 -> g0, 1 -> g1, 2 -> g0 (tie: lower index), 3 -> g1 (fewer queued).
    expectTimes(unevenGroups(false), {{0, 2, 0}, {0, 8, 1}, {2, 4, 0}, {8, 16, 1}});
}

TEST_CASE("machine reference: work balance sends a tile where it finishes first", "[machine-reference]") {
    // Finish on g0 / g1: 2/8, 4/8, 6/8 -> g0; 8/8 tie -> fewer queued (g1).
    const auto r = unevenGroups(true);
    expectTimes(r, {{0, 2, 0}, {2, 4, 0}, {4, 6, 0}, {0, 8, 1}});
    CHECK(r.totalCycles == 8);
}
