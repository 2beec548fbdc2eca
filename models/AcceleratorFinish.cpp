// End-of-run totals of the Accelerator: cycle breakdown, per-unit statistics
// (busy/idle/stall classes, overlap, the bounding unit), memory totals and
// power over time on the timeline.
#include <algorithm>

#include "models/Accelerator.h"
#include "power/PowerReport.h"

namespace vgm::models {

using program::UnitClass;
using program::UnitKind;

void Accelerator::finish() {
    if (!zss_.error().empty()) throw std::logic_error(zss_.error());
    if (!zss_.done()) throw std::logic_error("Accelerator::finish: the trace did not run to completion");
    if (dispatcher_.holds())
        throw std::logic_error("Accelerator: " + std::to_string(dispatcher_.holds()) + " buffer holds never freed");
    if (wdma_.errors() + adma_.errors())
        throw std::logic_error("Accelerator: the memory returned error responses (addresses beyond capacity?)");
    result_.totalCycles = zss_.endCycle();
    const uint64_t* b = zss_.breakdown();
    result_.computeCycles = b[0];
    result_.memoryStallCycles = b[1];
    result_.sparsityOverheadCycles = b[2];
    result_.idleCycles = b[3];
    unitStats();
    memoryTotals();
    powerTimeline();
    timeline_.close();
}

void Accelerator::powerTimeline() {
    // Power over time as a counter track: the same windows as power.csv and the report's peak.
    if (!timeline_.enabled()) return;
    const power::EnergyReport e =
        power::evaluatePower(cfg_, result_, power::estimateResources(cfg_), power::ClockCheck{});
    std::vector<std::pair<std::string, double>> values;
    for (size_t w = 0; w < e.windows.size(); ++w) {
        values.clear();
        for (size_t c = 0; c < e.categories.size(); ++c) values.emplace_back(e.categories[c].first, e.windows[w][c]);
        timeline_.counter("power_w", double(w) * e.windowS * 1e6, values);
    }
}

void Accelerator::unitStats() {
    const program::Machine& m = lowering_.machine();
    stats::Group& units = result_.stats.group("units", "Every hardware unit: what each of its cycles was spent on");
    const uint64_t total = result_.totalCycles;
    std::string bound;
    double boundShare = -1.0;
    uint64_t peak = 0, busySum = 0;
    for (uint32_t u = 0; u < m.units.size(); ++u) {
        const UnitTally& t = zss_.tallies()[u];
        const CommandUnit& cu = *units_[u];
        const std::string& n = m.units[u].name;
        stats::Group& g = units.group(n, std::string(program::toString(m.units[u].kind)) + " " + n);
        auto cyc = [&](UnitClass c) { return t.cycles[size_t(c)]; };
        g.counter("busy_cycles", "cycle", "Cycles running a command").value = cyc(UnitClass::Busy);
        g.counter("idle_cycles", "cycle", "Cycles with no command for it in the ZSS window").value = cyc(UnitClass::Idle);
        g.counter("stall_input_cycles", "cycle", "Cycles its next command waited for its inputs").value =
            cyc(UnitClass::StallInput);
        g.counter("stall_output_cycles", "cycle", "Cycles its next command waited for output buffer space").value =
            cyc(UnitClass::StallOutput);
        g.counter("stall_buffer_cycles", "cycle", "Cycles its next command waited for weight/activation buffer space")
            .value = cyc(UnitClass::StallBuffer);
        g.counter("commands", "count", "Commands it ran").value = cu.commands();
        if (cu.busyCycles() != cyc(UnitClass::Busy))
            throw std::logic_error("Accelerator: unit " + n + " and the ZSS disagree on busy cycles");
        busySum += cyc(UnitClass::Busy);
        if (m.units[u].kind == UnitKind::DspGroup) {
            const timing::GroupSpec& gs = spec_.groups[m.units[u].group];
            g.counter("macs", "MAC", "MACs executed").value = cu.macs();
            g.counter("mode_switches", "count", "Precision mode changes").value = cu.modeSwitches();
            g.counter("mode_switch_cycles", "cycle", "Cycles spent reconfiguring (part of busy)").value =
                cu.modeSwitchCycles();
            g.counter("weight_switches", "count", "Tiles that waited for other weights (no preloading)").value =
                cu.weightSwitches();
            uint64_t fastest = 0;
            for (timing::Precision p : timing::kAllPrecisions)
                if (gs.supports(p)) fastest = std::max(fastest, gs.count * gs.engine->peakMacsPerCycle(spec_.mode(gs, p)));
            peak += peakBusy_[gs.index] + (total - cyc(UnitClass::Busy)) * fastest;
        }
        const double share = total ? double(cyc(UnitClass::Busy)) / double(total) : 0.0;
        if (share > boundShare) boundShare = share, bound = n;
    }
    result_.peakMacs = peak;
    stats::Group& o = result_.stats.group("machine", "The concurrent machine as a whole");
    const auto& h = zss_.busyHistogram();
    uint64_t two = 0;
    for (size_t k = 2; k < h.size(); ++k) two += h[k];
    o.counter("overlap_cycles", "cycle", "Cycles in which two or more units were busy").value = two;
    o.counter("unit_busy_cycles", "cycle", "Busy cycles summed over all units (> total when units overlap)").value =
        busySum;
    o.counter("zss_wakeups", "event", "Times the ZSS woke (one per cycle in which commands ended)").value =
        zss_.wakeups();
    o.counter("commands", "count", "Commands the program had").value = dispatcher_.lowered();
    o.counter("kernel_deltas", "event", "SystemC delta cycles the run took (the model's event cost)").value =
        sc_core::sc_delta_count();
    o.scalar("bound_busy_share", "ratio", "Busy share of the busiest unit (" + bound + ")").value = boundShare;
    result_.boundUnit = bound;
    stats::Group& c = result_.stats.group("compute", "Compute totals");
    c.counter("dsp_units", "DSP", "DSP58 sites used by all groups").value = spec_.dspCount();
    c.counter("peak_macs", "MAC", "MACs the groups could have done (busy: at their mode; else at their fastest)")
        .value = peak;
    c.scalar("utilization", "ratio", "Executed MACs / peak MACs").value =
        peak ? double(result_.macsExecuted) / double(peak) : 0.0;
}

}  // namespace vgm::models
