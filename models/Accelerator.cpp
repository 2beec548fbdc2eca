#include "models/Accelerator.h"

#include <fstream>
#include <iostream>

#include "common/Error.h"

namespace vgm::models {

namespace {

timing::ComputeSpec validatedSpec(const config::Config& cfg, const workload::Trace& trace) {
    timing::ComputeSpec spec = timing::ComputeSpec::fromConfig(cfg);
    spec.checkTrace(cfg, trace);
    return spec;
}

}  // namespace

Accelerator::Accelerator(sc_core::sc_module_name name, const config::Config& cfg, const workload::Trace& trace,
                         const SimOptions& opts, stats::RunResult& result)
    : sc_core::sc_module(name),
      trace_(trace),
      opts_(opts),
      result_(result),
      spec_(validatedSpec(cfg, trace)),
      dsp_("dsp", spec_, result.stats),
      sfu_("sfu", spec_, result.stats) {
    SC_HAS_PROCESS(Accelerator);
    SC_THREAD(run);
}

void Accelerator::run() {
    const size_t n = trace_.ops.size();
    result_.layers.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        const workload::Operator& op = trace_.ops[i];
        stats::LayerRow row;
        row.name = op.label();
        row.kind = workload::toString(op.kind);
        row.role = workload::toString(op.role);
        row.step = op.step;
        row.block = op.block;
        row.m = op.m;
        row.k = op.k;
        row.n = op.n;
        row.batch = op.batch;
        row.startCycle = cycle_;
        if (workload::isGemm(op.kind)) {
            const GemmRun r = dsp_.execute(op, cycle_);
            row.cycles = r.cycles;
            row.precision = timing::toString(r.precision);
            row.macsExecuted = r.macs;
            result_.peakMacs += r.peakMacs;
            result_.macsDense += op.denseMacs();
            result_.macsExecuted += r.macs;
            sfu_.accountIdle(r.cycles);
        } else {
            row.cycles = sfu_.execute(op, cycle_);
            row.precision = "fp16";
            result_.peakMacs += dsp_.idlePeak(row.cycles);
            dsp_.accountIdle(row.cycles);
        }
        row.computeCycles = row.cycles;
        result_.computeCycles += row.cycles;
        cycle_ += row.cycles;
        result_.layers.push_back(std::move(row));
        if (opts_.progress && (i + 1) % 4096 == 0)
            std::cerr << "\rvgmsim: " << (i + 1) << "/" << n << " operators, cycle " << cycle_ << std::flush;
    }
    if (opts_.progress && n >= 4096) std::cerr << "\n";
    done_ = true;
}

void Accelerator::finish() {
    if (!done_) throw std::logic_error("Accelerator::finish: the trace did not run to completion");
    result_.totalCycles = cycle_;
    // Ideal memory, no sparsity: every cycle is compute; idle keeps the sum identity.
    result_.idleCycles = result_.totalCycles - result_.computeCycles - result_.memoryStallCycles -
                         result_.sparsityOverheadCycles;
    stats::Group& c = result_.stats.group("compute", "Compute totals");
    c.counter("dsp_units", "DSP", "DSP58 sites used by all groups").value = spec_.dspCount();
    c.counter("cycles", "cycle", "Cycles in which the DSP array or the SFU ran an operator").value =
        result_.computeCycles;
    c.counter("peak_macs", "MAC", "MACs the array could have done at its mode's peak").value = result_.peakMacs;
    c.scalar("utilization", "ratio", "Executed MACs / peak MACs").value =
        result_.peakMacs ? static_cast<double>(result_.macsExecuted) / static_cast<double>(result_.peakMacs) : 0.0;
    if (!opts_.timelinePath.empty()) writeTimeline();
}

void Accelerator::writeTimeline() const {
    // Chrome trace-event format, microseconds at the fabric clock.
    Json events = Json::array();
    const double usPerCycle = 1.0 / spec_.fabricMhz;
    for (const auto& row : result_.layers)
        events.push_back(Json{{"name", row.name},
                              {"cat", row.kind},
                              {"ph", "X"},
                              {"pid", 0},
                              {"tid", row.kind == "softmax" || row.kind == "layernorm" || row.kind == "gelu" || row.kind == "modulate" || row.kind == "residual" || row.kind == "embed" ? 1 : 0},
                              {"ts", static_cast<double>(row.startCycle) * usPerCycle},
                              {"dur", static_cast<double>(row.cycles) * usPerCycle}});
    std::ofstream out(opts_.timelinePath);
    if (!out) throw InputError(opts_.timelinePath + ": cannot write the timeline file");
    out << Json{{"traceEvents", events}, {"displayTimeUnit", "ns"}}.dump() << "\n";
}

}  // namespace vgm::models
