#include "program/Lowering.h"

#include <algorithm>
#include <stdexcept>

#include "program/LoweringCtx.h"

namespace vgm::program {

using workload::OpKind;
using workload::Role;

Machine buildMachine(const timing::ComputeSpec& compute, const timing::ScheduleSpec& sched) {
    Machine m;
    m.queueDepth = sched.queueDepth;
    m.lookaheadOps = sched.lookaheadOps;
    m.bufferBytes[size_t(Buffer::Weight)] = sched.weight.bytes();
    m.bufferBytes[size_t(Buffer::Activation)] = sched.activation.bytes();
    m.bufferBytes[size_t(Buffer::Output)] = sched.output.bytes();
    m.modeSwitchCycles[size_t(timing::UnitKind::Dsp58)] = compute.dsp58.modeSwitchCycles;
    m.modeSwitchCycles[size_t(timing::UnitKind::DspE)] = compute.dspE.modeSwitchCycles;
    // Without preloading a group that moves to other weights waits for them.
    m.weightSwitchCycles = sched.policy == "dynamic-static" ? 0 : sched.weightSwitchCycles;
    m.balanceWork = sched.policy != "static" && sched.workBalance;
    StreamDesc pool{"dsp", {}}, replays{"dsp.replay", {}};
    for (const auto& g : compute.groups) {
        const uint32_t u = uint32_t(m.units.size());
        m.units.push_back({g.name, UnitKind::DspGroup, uint32_t(g.index)});
        m.groupUnitKind.push_back(uint8_t(g.unit));
        uint32_t mask = 0;
        for (timing::Precision p : timing::kAllPrecisions)
            if (g.supports(p)) mask |= 1u << unsigned(p);
        m.groupPrecisions.push_back(mask);
        pool.units.push_back(u);
        replays.units.push_back(u);
    }
    // Replays of verified false positives go first (the oldest work, and the consumers of
    // their rows wait for them); their own queue so the main stream is not held behind them.
    m.streams.push_back(replays);
    m.streams.push_back(pool);
    for (size_t g = 0; g < compute.groups.size(); ++g) m.streams.push_back({"dsp." + compute.groups[g].name, {uint32_t(g)}});
    for (auto [name, kind] : {std::pair{"sfu", UnitKind::Sfu}, {"su", UnitKind::Su}, {"ru", UnitKind::Ru},
                              {"dma_weight", UnitKind::DmaWeight}, {"dma_activation", UnitKind::DmaActivation}}) {
        const uint32_t u = uint32_t(m.units.size());
        m.units.push_back({name, kind, 0});
        m.streams.push_back({name, {u}});
    }
    return m;
}

Lowering::Lowering(const workload::Trace& trace, const timing::ComputeSpec& compute,
                   const timing::SparsitySpec& sparsity, const timing::ScheduleSpec& sched, uint64_t memoryCapacity)
    : trace_(trace), compute_(compute), sparsity_(sparsity), sched_(sched), machine_(buildMachine(compute, sched)),
      plan_(trace, compute, sparsity, sched, memoryCapacity) {
    timing::checkDetectorInputs(sparsity, trace);
    const uint64_t parts = sched.doubleBuffering ? 2 : 1;
    actHalf_ = std::max<uint64_t>(1, sched.activation.bytes() / parts);
    outHalf_ = std::max<uint64_t>(1, sched.output.bytes() / parts);
    packed_ = sched.policy != "static";
    preload_ = sched.policy == "dynamic-static";
    dspStream_ = machine_.streamOf("dsp");
    replayStream_ = machine_.streamOf("dsp.replay");
    for (const auto& g : compute.groups) groupStream_.push_back(machine_.streamOf("dsp." + g.name));
    sfuStream_ = machine_.streamOf("sfu");
    suStream_ = machine_.streamOf("su");
    ruStream_ = machine_.streamOf("ru");
    wStream_ = machine_.streamOf("dma_weight");
    aStream_ = machine_.streamOf("dma_activation");
}

uint64_t Lowering::emit(Ctx& c, Command&& cmd) {
    cmd.op = uint32_t(c.group);
    cmd.layer = uint32_t(c.index);
    cmd.cycles = std::max<uint64_t>(cmd.cycles, 1);
    c.out.push_back(std::move(cmd));
    return c.base + c.out.size() - 1;
}

bool Lowering::rowPieces(size_t i) const {
    const workload::Operator& op = trace_.ops[i];
    if (sched_.tileRows == 0) return false;
    if (op.kind == OpKind::Linear) return true;
    if (workload::isGemm(op.kind) || op.kind == OpKind::Softmax || (sched_.fuseQkNorm && qkConsumer(trace_, i)))
        return false;
    return isPrologue(op) ? sched_.fusePrologue : sched_.fuseEpilogue;
}

bool Lowering::streamsOut(size_t i) const {
    return i + 1 < trace_.ops.size() && trace_.ops[i + 1].m == trace_.ops[i].m && rowPieces(i) && rowPieces(i + 1);
}

Command Lowering::transfer(CmdKind kind, uint64_t bytes, uint64_t address, uint32_t piece,
                           DepList deps) const {
    Command t;
    t.kind = kind;
    t.stream = kind == CmdKind::LoadWeight ? wStream_ : aStream_;
    t.piece = piece;
    t.bytes = bytes;
    t.address = address;
    if (kind != CmdKind::StoreAct) {
        t.acquire = kind == CmdKind::LoadWeight ? Buffer::Weight : Buffer::Activation;
        t.acquireBytes = std::min(bytes, machine_.bufferBytes[size_t(t.acquire)]);
    }
    t.deps = std::move(deps);
    return t;
}

DepList Lowering::inputDeps(const Ctx& c, uint64_t rowBegin, uint64_t rowEnd) const {
    DepList d;
    if (prev_.count == 0) return d;
    if (!c.rowMapped) {
        d.push_back({prev_.first, uint32_t(prev_.count), false});
        return d;
    }
    if (rowEnd <= rowBegin) rowEnd = rowBegin + 1;
    const uint64_t p0 = rowBegin / prev_.pieceRows;
    const uint64_t p1 = std::min<uint64_t>(prev_.pieces.size(), ceilDiv(rowEnd, prev_.pieceRows));
    for (uint64_t p = p0; p < p1; ++p) d.insert(d.end(), prev_.pieces[p].begin(), prev_.pieces[p].end());
    return d;
}

size_t Lowering::lowerNext(std::vector<Command>& out, uint64_t base) {
    if (next_ >= trace_.ops.size()) throw std::logic_error("Lowering: no operator left");
    const size_t i = next_++;
    Ctx c{i, trace_.ops[i], plan_.at(i), out, base, out.size(), i, false, false, Produced{}};
    const bool gemm = workload::isGemm(c.op.kind);
    // Row-mapped: the previous operator's output rows are this one's input rows, piece by piece.
    c.rowMapped = prev_.rowwise && prev_.m == c.op.m && (!gemm || c.op.kind == OpKind::Linear);
    c.chunkMapped = prev_.chunked;
    Produced mine;
    const auto& ops = trace_.ops;
    const bool flash = sched_.onlineSoftmax && c.op.kind == OpKind::AttentionQK && i + 2 < ops.size() &&
                       ops[i + 1].kind == OpKind::Softmax && ops[i + 2].kind == OpKind::AttentionAV;
    if (flash)
        lowerFlash(c);
    else if (c.op.kind == OpKind::Linear && sched_.tileRows > 0)
        lowerLinear(c);
    else if (gemm)
        lowerArraySplit(c);
    else
        lowerSfu(c);
    c.produced.first = base + c.firstLocal;
    c.produced.count = out.size() - c.firstLocal;
    prev_ = std::move(c.produced);
    return i;
}

Program Lowering::lowerAll(const workload::Trace& trace, const timing::ComputeSpec& compute,
                           const timing::SparsitySpec& sparsity, const timing::ScheduleSpec& sched,
                           uint64_t memoryCapacity) {
    Lowering l(trace, compute, sparsity, sched, memoryCapacity);
    Program p;
    p.machine = l.machine();
    while (l.lowered() < l.ops()) {
        const size_t first = l.lowerNext(p.commands, 0);
        for (size_t i = first; i < l.lowered(); ++i) p.opLabels.push_back(l.work(i).label);
        l.release(l.lowered() - 1);
    }
    return p;
}

}  // namespace vgm::program
