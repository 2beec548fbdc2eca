#include "models/ZeroSkipScheduler.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "models/Dma.h"

namespace vgm::models {

using namespace sc_core;
using timing::Precision;

ZeroSkipScheduler::ZeroSkipScheduler(sc_module_name name, const workload::Trace& trace,
                                     const timing::ComputeSpec& spec, const timing::SparsitySpec& sparsity,
                                     const timing::ScheduleSpec& sched, DmaPlan& plan, DmaStream& weights,
                                     DmaStream& activations, DspArray& dsp, Sfu& sfu, Timeline& timeline,
                                     bool progress, stats::RunResult& result)
    : sc_module(name), trace_(trace), spec_(spec), sparsity_(sparsity), sched_(sched), plan_(plan),
      weights_(weights), activations_(activations), dsp_(dsp), sfu_(sfu), timeline_(timeline), progress_(progress),
      result_(result), su_(result.stats), ru_(result.stats) {
    stats::Group& z = result.stats.group("zss", "Zero-skipping scheduler (policy " + sched.policy + ")");
    tiles_ = &z.counter("tiles", "tile", "Tiles issued to DSP groups (tiled operators; fully skipped tiles excluded)");
    tiledOps_ = &z.counter("tiled_ops", "count", "Operators issued as tiles by the ZSS");
    switches_ = &z.counter("weight_switches", "count", "Weight reloads a group waited for (no preloading)");
    tiledSpan_ = &z.counter("group_cycles", "cycle", "Sum over tiled operators of makespan x groups able to run it");
    tiledBusy_ = &z.counter("busy_cycles", "cycle", "Sum over tiled operators of the groups' busy cycles");
    stats::Group& gb = z.group("groups", "Busy cycles per DSP group in tiled operators");
    for (const auto& g : spec.groups)
        groupBusy_.push_back(&gb.counter(g.name, "cycle", "Cycles group " + g.name + " computed tiles"));
    imbalance_ = &z.scalar("imbalance", "ratio", "1 - busy_cycles / group_cycles: share of group time left idle");
    groupSpread_ = &z.scalar("busy_max_over_mean", "ratio", "Busiest group's busy cycles / mean over groups");
    stats::Group& la = z.group("lookahead", "Speculative look-ahead: masks predicted from the previous step");
    predictions_ = &la.counter("predictions", "row", "Rows whose skip/compute was predicted");
    hits_ = &la.counter("hits", "row", "Rows predicted correctly");
    falseSkips_ = &la.counter("false_skips", "row", "Rows predicted skipped that had to be computed (replayed)");
    missedSkips_ = &la.counter("missed_skips", "row", "Rows predicted computed that could have been skipped");
    replays_ = &la.counter("replays", "tile", "Replayed tiles");
    replayCycles_ = &la.counter("replay_cycles", "cycle", "Replay penalty cycles");
    stats::Group& sp = result.stats.group("sparsity", "Effect of sparsity on the timeline");
    rowsSkipped_ = &sp.counter("rows_skipped", "row", "Operator rows not computed (copied by the RU)");
    suAdded_ = &sp.counter("cycles_added", "cycle", "Cycles the SU, RU and replays added to the timeline");
    suHidden_ = &sp.counter("cycles_hidden", "cycle", "SU and RU busy cycles hidden under compute or loads");
    SC_THREAD(run);
}

void ZeroSkipScheduler::waitUntil(uint64_t cycle) {
    const sc_time t = cycleTime(cycle, spec_.fabricMhz);
    if (t > sc_time_stamp()) wait(t - sc_time_stamp());
    cycle_ = std::max(cycle_, cycle);
}

uint64_t ZeroSkipScheduler::groupRate(const timing::GroupSpec& g, Precision p) const {
    return g.supports(p) ? g.count * g.engine->peakMacsPerCycle(spec_.mode(g, p)) : 0;
}

void ZeroSkipScheduler::run() {
    wallStart_ = lastPrint_ = std::chrono::steady_clock::now();
    const size_t n = trace_.ops.size();
    for (size_t i = 0; i < n; ++i) {
        plan_.release(std::min({i, weights_.oldestNeeded(), activations_.oldestNeeded()}));
        runOperator(i);
        if (progress_ && (i & 255) == 0) progress(i);
    }
    // The last spilled output still has to reach HBM.
    while (!activations_.drained()) wait(activations_.drainedEvent());
    const uint64_t end = std::max(cycle_, activations_.lastEnd());
    result_.memoryStallCycles += end - cycle_;
    result_.peakMacs += dsp_.idlePeak(end - cycle_);
    dsp_.accountIdle(end - cycle_);
    sfu_.accountIdle(end - cycle_);
    waitUntil(end);
    if (progress_ && std::chrono::steady_clock::now() - wallStart_ > std::chrono::seconds(1)) std::cerr << "\n";
    done_ = true;
}

void ZeroSkipScheduler::runOperator(size_t i) {
    const workload::Operator& op = trace_.ops[i];
    const OpWork& w = plan_.at(i);
    const timing::OpPlan& p = w.plan;
    const uint64_t start = cycle_;
    uint64_t suEnd = start;
    if (p.examined) {
        // With overlap the SU examines this operator's input rows as the previous operator produces them.
        suEnd = su_.run(p, sparsity_.overlap ? prevStart_ : start);
        timeline_.span("su", w.label, w.block, suEnd - p.suCycles, suEnd);
    }
    const uint64_t issue = p.examined && !p.speculated ? std::max(start, suEnd) : start;
    waitUntil(issue);
    uint64_t overhead = issue - start, stall = 0, busy = 0;
    const bool needW = p.weightBytes > 0, needA = w.inSpilled;
    for (uint64_t c = 0; c < w.chunks; ++c) {
        const uint64_t before = cycle_;
        if (needW) weights_.waitNext();
        if (needA) activations_.waitNext();
        waitUntil(std::max(cycle_, fabricCycleNow(spec_.fabricMhz)));
        stall += cycle_ - before;
        busy += compute(op, w, c);
        if (needW) weights_.consume();
        if (needA) activations_.consume();
    }
    const uint64_t computeEnd = cycle_;
    const uint64_t ruEnd = ru_.run(p, issue);
    timeline_.span("ru", w.label, w.block, issue, ruEnd);
    // A false skip found by the SU is replayed after the issued work (penalty per replayed tile).
    const uint64_t end = std::max({computeEnd + p.spec.replayCycles, ruEnd, p.speculated ? suEnd : 0});
    overhead += end - computeEnd;
    waitUntil(end);
    weights_.operatorDone(i);
    activations_.operatorDone(i);

    stats::LayerRow row;
    row.name = w.label;
    row.kind = workload::toString(op.kind);
    row.role = workload::toString(op.role);
    row.precision = workload::isGemm(op.kind) ? timing::toString(p.precision) : "fp16";
    row.step = op.step, row.block = op.block;
    row.m = op.m, row.k = op.k, row.n = op.n, row.batch = op.batch;
    row.startCycle = start;
    row.cycles = end - start;
    row.computeCycles = busy;
    row.memoryStallCycles = stall;
    row.sparsityOverheadCycles = overhead;
    row.macsExecuted = p.macsExecuted;
    row.macsSkipped = p.macsSkipped;
    result_.layers.push_back(std::move(row));
    result_.computeCycles += busy;
    result_.memoryStallCycles += stall;
    result_.sparsityOverheadCycles += overhead;
    result_.peakMacs += dsp_.idlePeak(stall + overhead);
    dsp_.accountIdle(stall + overhead);
    sfu_.accountIdle(stall + overhead);
    suAdded_->add(overhead);
    const uint64_t suRu = p.suCycles + p.ruCycles;
    suHidden_->add(suRu > overhead ? suRu - overhead : 0);
    account(op, w);
    prevStart_ = start;
}

uint64_t ZeroSkipScheduler::compute(const workload::Operator& op, const OpWork& w, uint64_t chunk) {
    const timing::OpPlan& p = w.plan;
    const uint64_t from = cycle_;
    uint64_t cycles = 0;
    if (!workload::isGemm(op.kind)) {
        cycles = sfu_.execute(op, cycle_);
        cycle_ = from + cycles;
        result_.peakMacs += dsp_.idlePeak(cycles);
        dsp_.accountIdle(cycles);
        timeline_.span("sfu", w.label, w.block, from, from + cycles);
    } else if (p.tiled) {
        cycles = DmaPlan::slice(p.computeCycles, chunk, w.chunks);
        if (chunk == 0) {
            dsp_.accountTiles(p.zss.groupBusy, p.computeCycles);
            for (const auto& pl : p.zss.placements)
                if (timeline_.level() == Timeline::Level::Tile)
                    timeline_.span("dsp." + spec_.groups[pl.group].name,
                                   w.label + ".t" + std::to_string(pl.tile), w.block, from + pl.start, from + pl.end);
            if (timeline_.level() != Timeline::Level::Tile)
                for (size_t g = 0; g < spec_.groups.size(); ++g)
                    timeline_.span("dsp." + spec_.groups[g].name, w.label, w.block, from, from + p.zss.groupBusy[g]);
        }
        uint64_t rate = 0;
        for (const auto& g : spec_.groups) rate += groupRate(g, p.precision);
        result_.peakMacs += cycles * rate;
        sfu_.accountIdle(cycles);
        waitUntil(from + cycles);
    } else {
        // The DSP array splits the operator itself; skipped rows are compacted
        // away and a chunked operator runs one column slice per chunk.
        workload::Operator part = op;
        part.m = p.rowsComputed;
        part.skip = nullptr;
        part.n = DmaPlan::slice(op.n, chunk, w.chunks);
        if (part.n == 0 || part.m == 0) return 0;
        if (timeline_.enabled()) {
            const DspArray::Plan pl = dsp_.plan(part, p.precision);
            for (size_t g = 0; g < spec_.groups.size(); ++g)
                timeline_.span("dsp." + spec_.groups[g].name, w.label, w.block, from, from + pl.cycles[g]);
        }
        const GemmRun r = dsp_.execute(part, from);
        cycles = r.cycles;
        result_.peakMacs += r.peakMacs;
        sfu_.accountIdle(cycles);
        cycle_ = from + cycles;
    }
    return cycles;
}

void ZeroSkipScheduler::bufferBytes(const timing::BufferSpec& b, uint64_t bytes) {
    // Bytes split between URAM and BRAM in proportion to the capacity each gives the buffer.
    const uint64_t total = b.bytes();
    const uint64_t u = total ? uint64_t((unsigned __int128)bytes * (b.uram * timing::kUramBytes) / total) : 0;
    result_.uramBytes += u;
    result_.bramBytes += bytes - u;
}

void ZeroSkipScheduler::account(const workload::Operator& op, const OpWork& w) {
    const timing::OpPlan& p = w.plan;
    result_.macsDense += op.denseMacs();
    result_.macsExecuted += p.macsExecuted;
    result_.macsSkipped += p.macsSkipped;
    switch (p.precision) {
    case Precision::Int8: result_.macsInt8 += p.macsExecuted; break;
    case Precision::Int16: result_.macsInt16 += p.macsExecuted; break;
    case Precision::Fp16: result_.macsFp16 += p.macsExecuted; break;
    case Precision::Fp32: result_.macsFp32 += p.macsExecuted; break;
    }
    if (!workload::isGemm(op.kind)) {
        result_.sfuElements += op.m * op.n * op.batch * spec_.passesOf(op.kind);
        bufferBytes(sched_.activation, op.inputElems * 2);
        bufferBytes(sched_.output, op.outputElems * 2);
    } else {
        bufferBytes(sched_.weight, 2 * p.weightBytes);
        bufferBytes(sched_.activation, p.inputBytes * (w.inSpilled ? 2 : 1) + p.suBytes);
        bufferBytes(sched_.output, p.outputBytes * (w.outSpilled ? 2 : 1) + p.ruBytes);
    }
    result_.suMacs += p.suMacs;
    rowsSkipped_->add(p.ruRows);
    if (p.speculated) {
        predictions_->add(p.spec.rows);
        hits_->add(p.spec.hits);
        falseSkips_->add(p.spec.falseSkips);
        missedSkips_->add(p.spec.missedSkips);
        replays_->add(p.spec.replayTiles);
        replayCycles_->add(p.spec.replayCycles);
    }
    if (p.tiled) {
        tiledOps_->add();
        tiles_->add(p.zss.issued);
        switches_->add(p.zss.weightSwitches);
        uint64_t able = 0, sum = 0;
        for (size_t g = 0; g < spec_.groups.size(); ++g) {
            groupBusy_[g]->add(p.zss.groupBusy[g]);
            sum += p.zss.groupBusy[g];
            able += spec_.groups[g].supports(p.precision);
        }
        tiledSpan_->add(p.zss.makespan * able);
        tiledBusy_->add(sum);
    }
}

void ZeroSkipScheduler::finish() {
    imbalance_->value = tiledSpan_->value ? 1.0 - double(tiledBusy_->value) / double(tiledSpan_->value) : 0.0;
    uint64_t mx = 0, sum = 0;
    for (auto* c : groupBusy_) mx = std::max(mx, c->value), sum += c->value;
    groupSpread_->value = sum ? double(mx) * double(groupBusy_.size()) / double(sum) : 0.0;
}

void ZeroSkipScheduler::progress(size_t i) {
    using namespace std::chrono;
    const auto now = steady_clock::now();
    const double elapsed = duration<double>(now - wallStart_).count();
    if (elapsed < 1.0 || now - lastPrint_ < milliseconds(250)) return;
    lastPrint_ = now;
    const double frac = double(i + 1) / double(trace_.ops.size());
    const auto& op = trace_.ops[i];
    char buf[160];
    std::snprintf(buf, sizeof buf, "\rvgmsim: step %u/%u block %u  %5.1f%%  elapsed %.1f s  eta %.1f s   ", op.step + 1,
                  trace_.steps, op.block, 100.0 * frac, elapsed, elapsed / frac - elapsed);
    std::cerr << buf << std::flush;
}

}  // namespace vgm::models
