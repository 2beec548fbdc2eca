#include "models/OpAccounting.h"

#include <algorithm>

namespace vgm::models {

using program::UnitKind;
using timing::Precision;

OpAccounting::OpAccounting(program::Lowering& lowering, const timing::ComputeSpec& spec,
                           const timing::ScheduleSpec& sched, stats::RunResult& result)
    : lowering_(lowering), spec_(spec), sched_(sched), result_(result) {
    stats::Group& z = result.stats.group("zss", "Zero-skipping scheduler (policy " + sched.policy + ")");
    stats::Group& la = z.group("lookahead", "Speculative look-ahead: masks predicted from the previous step");
    predictions_ = &la.counter("predictions", "row", "Rows whose skip/compute was predicted");
    hits_ = &la.counter("hits", "row", "Rows predicted correctly");
    falseSkips_ = &la.counter("false_skips", "row", "Rows predicted skipped that had to be computed (replayed)");
    missedSkips_ = &la.counter("missed_skips", "row", "Rows predicted computed that could have been skipped");
    replays_ = &la.counter("replays", "row", "Rows replayed after verification (the false skips)");
    replayCycles_ = &la.counter("replay_cycles", "cycle", "Replay penalty cycles");
    stats::Group& sp = result.stats.group("sparsity", "What the SU found and the RU copied");
    rowsSkipped_ = &sp.counter("rows_skipped", "row", "Operator rows not computed (copied by the RU)");
    suOps_ = &sp.counter("su_ops", "count", "Operators whose tokens the SU examined");
    suCandidates_ = &sp.counter("su_candidates", "token", "Tokens compared with a reference (3d MACs each)");
    suRefLoads_ = &sp.counter("su_reference_loads", "token", "Reference tokens loaded into the SU");
    suMacs_ = &sp.counter("su_macs", "MAC", "Multiply-adds of the similarity computation");
    suBytes_ = &sp.counter("su_bytes_read", "B", "Activation bytes the SU read from its buffer");
    ruRows_ = &sp.counter("ru_rows", "row", "Rows the RU copied from their reference");
    ruBytes_ = &sp.counter("ru_bytes", "B", "Output buffer bytes the RU read and wrote");
}

void OpAccounting::lowered(size_t op, uint64_t commands) {
    while (base_ + open_.size() <= op) open_.emplace_back();
    open_[op - base_].left = commands;
    closeFinished();
}

void OpAccounting::done(const program::Command& c, UnitKind unit, uint64_t start, uint64_t end) {
    Open& o = open_[c.layer - base_];
    o.any = true;
    o.start = std::min(o.start, start);
    o.end = std::max(o.end, end);
    const uint64_t d = end - start;
    if (unit == UnitKind::DspGroup || unit == UnitKind::Sfu) o.computeBusy += d;
    else if (unit == UnitKind::DmaWeight || unit == UnitKind::DmaActivation) o.dmaBusy += d;
    else o.sparsityBusy += d;
    --o.left;
    closeFinished();
}

void OpAccounting::closeFinished() {
    // Rows come out in trace order: an operator closes once it and every earlier one are done.
    while (!open_.empty() && open_.front().left == 0 && base_ < lowering_.lowered()) {
        close(base_, open_.front());
        open_.pop_front();
        ++base_;
    }
}

void OpAccounting::bufferBytes(const timing::BufferSpec& b, uint64_t read, uint64_t written) {
    // Bytes split between URAM and BRAM in proportion to the capacity each gives the buffer.
    const uint64_t total = b.bytes();
    auto uram = [&](uint64_t bytes) {
        return total ? uint64_t((unsigned __int128)bytes * (b.uram * timing::kUramBytes) / total) : 0;
    };
    const uint64_t ur = uram(read), uw = uram(written);
    result_.uramReadBytes += ur;
    result_.uramWriteBytes += uw;
    result_.bramReadBytes += read - ur;
    result_.bramWriteBytes += written - uw;
}

void OpAccounting::close(size_t i, const Open& o) {
    const program::OpWork& w = lowering_.work(i);
    const workload::Operator& op = *w.op;
    const timing::OpPlan& p = w.plan;
    stats::LayerRow row;
    row.name = w.label;
    row.kind = workload::toString(op.kind);
    row.role = workload::toString(op.role);
    row.precision = workload::isGemm(op.kind) ? timing::toString(p.precision) : "fp16";
    row.step = op.step, row.block = op.block;
    row.m = op.m, row.k = op.k, row.n = op.n, row.batch = op.batch;
    row.startCycle = o.any ? o.start : 0;
    row.cycles = o.any ? o.end - o.start : 0;
    row.dspSfuBusyCycles = o.computeBusy;
    row.dmaBusyCycles = o.dmaBusy;
    row.suRuBusyCycles = o.sparsityBusy;
    row.macsExecuted = p.macsExecuted;
    row.macsSkipped = p.macsSkipped;
    row.falsePositives = p.speculated ? p.spec.falseSkips : 0;
    row.missedSkips = p.speculated ? p.spec.missedSkips : 0;
    result_.layers.push_back(std::move(row));
    result_.macsDense += op.denseMacs();
    result_.macsExecuted += p.macsExecuted;
    result_.macsSkipped += p.macsSkipped;
    switch (p.precision) {
    case Precision::Int8: result_.macsInt8 += p.macsExecuted; break;
    case Precision::Int16: result_.macsInt16 += p.macsExecuted; break;
    case Precision::Fp16: result_.macsFp16 += p.macsExecuted; break;
    case Precision::Fp32: result_.macsFp32 += p.macsExecuted; break;
    }
    // Buffer traffic: weights filled once and read once; inputs read by the array (and written by the
    // reload when spilled) plus the SU's reads; outputs written (and read back by the store when
    // spilled); the RU reads a reference row and writes its copy.
    if (!workload::isGemm(op.kind)) {
        result_.sfuElements += op.m * op.n * op.batch * spec_.passesOf(op.kind);
        bufferBytes(sched_.activation, op.inputElems * 2, 0);
        bufferBytes(sched_.output, 0, op.outputElems * 2);
    } else {
        bufferBytes(sched_.weight, p.weightBytes, p.weightBytes);
        bufferBytes(sched_.activation, p.inputBytes + p.suBytes, w.inSpilled ? p.inputBytes : 0);
        bufferBytes(sched_.output, (w.outSpilled ? p.outputBytes : 0) + p.ruBytes / 2,
                    p.outputBytes + (p.ruBytes - p.ruBytes / 2));
    }
    result_.ruBytes += p.ruBytes;
    result_.suMacs += p.suMacs;
    rowsSkipped_->add(p.ruRows);
    if (p.examined) {
        suOps_->add();
        suCandidates_->add(p.su.candidates);
        suRefLoads_->add(p.su.refLoads);
        suMacs_->add(p.suMacs);
        suBytes_->add(p.suBytes);
    }
    ruRows_->add(p.ruRows);
    ruBytes_->add(p.ruBytes);
    if (p.speculated) {
        predictions_->add(p.spec.rows);
        hits_->add(p.spec.hits);
        falseSkips_->add(p.spec.falseSkips);
        missedSkips_->add(p.spec.missedSkips);
        replays_->add(p.replayRows.size());
        replayCycles_->add(p.spec.replayCycles);
    }
    lowering_.release(i + 1);
}

}  // namespace vgm::models
