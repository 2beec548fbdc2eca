#include "program/DmaPlan.h"

#include <algorithm>

#include "workload/TraceGeometry.h"

namespace vgm::program {

namespace {
constexpr uint64_t kAlign = 64 * 1024;  // allocations start at the same interleave offset
uint64_t alignUp(uint64_t v) { return (v + kAlign - 1) / kAlign * kAlign; }
uint64_t ceilDiv(uint64_t a, uint64_t b) { return b ? (a + b - 1) / b : 0; }

timing::OpPlanner makePlanner(const workload::Trace& trace, const timing::ComputeSpec& compute,
                              const timing::SparsitySpec& sparsity, const timing::ScheduleSpec& sched) {
    workload::TokenGrid grid;
    uint64_t batch = 1;
    const bool hasGrid = workload::gridFromHeader(trace.header.fields, grid, batch);
    if (!hasGrid) grid = {}, batch = 1;
    uint64_t frames = grid.frames, perFrame = grid.perFrame();
    // A gemm trace has no video; its activation block gives the token layout.
    const auto act = trace.header.fields.find("activations");
    if (frames * perFrame * batch <= 1 && act != trace.header.fields.end())
        frames = (*act)["frames"].get<uint64_t>(), perFrame = (*act)["tokens_per_frame"].get<uint64_t>();
    return timing::OpPlanner(compute, sparsity, sched, frames, perFrame, batch,
                             hasGrid ? std::optional<workload::TokenGrid>(grid) : std::nullopt);
}
}  // namespace

uint64_t DmaPlan::slice(uint64_t total, uint64_t c, uint64_t n) {
    const unsigned __int128 t = total;
    return uint64_t(t * (c + 1) / n - t * c / n);
}

DmaPlan::DmaPlan(const workload::Trace& trace, const timing::ComputeSpec& compute,
                 const timing::SparsitySpec& sparsity, const timing::ScheduleSpec& sched, uint64_t capacityBytes)
    : trace_(trace), compute_(compute), planner_(makePlanner(trace, compute, sparsity, sched)),
      capacity_(std::max<uint64_t>(capacityBytes, 1)) {
    const uint64_t parts = sched.doubleBuffering ? 2 : 1;
    wChunk_ = std::max<uint64_t>(sched.weight.bytes() / parts, 1);
    actCap_ = sched.activation.bytes() / parts;
    outCap_ = sched.output.bytes() / parts;
    // Weights of one step lie back to back (every step reuses them); two
    // activation regions after them take turns as input and output.
    uint64_t w = 0, act = 0;
    const uint32_t firstStep = trace.ops.empty() ? 0 : trace.ops.front().step;
    for (const auto& op : trace.ops) {
        const uint64_t eb = workload::isGemm(op.kind) ? timing::OpPlanner::elemBytes(compute.precisionOf(op)) : 2;
        if (op.step == firstStep) w += alignUp(op.weightElems * eb);
        act = std::max({act, op.inputElems * 2, op.outputElems * 2});
    }
    actBase_ = alignUp(w);
    actRegion_ = alignUp(act);
    if (!trace.ops.empty()) lastStep_ = trace.ops.front().step;
}

const OpWork& DmaPlan::at(size_t i) {
    while (base_ + window_.size() <= i) window_.push_back(make(base_ + window_.size()));
    return window_[i - base_];
}

void DmaPlan::release(size_t i) {
    while (base_ < i && !window_.empty()) {
        window_.pop_front();
        ++base_;
    }
}

OpWork DmaPlan::make(size_t i) {
    const workload::Operator& op = trace_.ops[i];
    if (op.step != lastStep_) {
        lastStep_ = op.step;
        slot_ = 0;
    }
    const size_t slot = slot_++;
    OpWork w;
    w.op = &op;
    w.plan = planner_.plan(op, slot);
    w.label = op.label();
    w.block = "s" + std::to_string(op.step) + ".b" + std::to_string(op.block);
    if (slot >= weightAddr_.size()) {
        weightAddr_.push_back(weightCursor_);
        weightCursor_ += alignUp(w.plan.weightBytes);
    }
    w.weightAddr = weightAddr_[slot] % capacity_;
    const bool gemm = workload::isGemm(op.kind);
    w.inSpilled = gemm && w.plan.inputBytes > actCap_;
    w.outSpilled = gemm && w.plan.outputBytes > outCap_;
    w.inAddr = (actBase_ + (i % 2) * actRegion_) % capacity_;
    w.outAddr = (actBase_ + ((i + 1) % 2) * actRegion_) % capacity_;
    const uint64_t actChunk = std::max<uint64_t>(actCap_, 1);
    w.chunks = std::max<uint64_t>({1, ceilDiv(w.plan.weightBytes, wChunk_),
                                   w.inSpilled ? ceilDiv(w.plan.inputBytes, actChunk) : 0});
    return w;
}

}  // namespace vgm::program
