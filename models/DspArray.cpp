#include "models/DspArray.h"

#include <algorithm>
#include <stdexcept>

namespace vgm::models {

using timing::Precision;

DspArray::DspArray(sc_core::sc_module_name name, const timing::ComputeSpec& spec, stats::Group& stats)
    : sc_core::sc_module(name), spec_(spec) {
    stats::Group& root = stats.group("dsp", "DSP array groups");
    for (const auto& g : spec.groups) {
        stats::Group& s = root.group(g.name, g.engine->describe());
        GroupState st;
        st.spec = &g;
        st.busy = &s.counter("busy_cycles", "cycle", "Cycles in which the group computed or switched mode");
        st.idle = &s.counter("idle_cycles", "cycle", "Cycles in which the group had no work");
        st.macs = &s.counter("macs", "MAC", "Multiply-accumulates executed");
        st.switches = &s.counter("mode_switches", "count", "Precision mode changes");
        st.switchCycles = &s.counter("mode_switch_cycles", "cycle", "Cycles spent draining/reconfiguring");
        st.ops = &s.counter("gemm_ops", "count", "GEMM operators the group took part in");
        groups_.push_back(st);
    }
}

uint64_t DspArray::rate(const GroupState& g, Precision p) const {
    return g.spec->count * g.spec->engine->peakMacsPerCycle(spec_.mode(*g.spec, p));
}

namespace {

// Largest-remainder apportionment of `total` items by `weights`; ties go to the lower index.
std::vector<uint64_t> apportion(uint64_t total, const std::vector<uint64_t>& weights) {
    uint64_t sum = 0;
    for (uint64_t w : weights) sum += w;
    std::vector<uint64_t> share(weights.size(), 0);
    std::vector<std::pair<unsigned __int128, size_t>> rest;
    uint64_t given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const unsigned __int128 num = static_cast<unsigned __int128>(total) * weights[i];
        share[i] = static_cast<uint64_t>(num / sum);
        given += share[i];
        rest.emplace_back(num % sum, i);
    }
    std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t j = 0; given < total; ++j, ++given) ++share[rest[j % rest.size()].second];
    return share;
}

}  // namespace

DspArray::Plan DspArray::plan(const workload::Operator& op, Precision p) const {
    std::vector<uint64_t> weights(groups_.size(), 0);
    uint64_t engines = 0;
    for (size_t i = 0; i < groups_.size(); ++i)
        if (groups_[i].spec->supports(p)) {
            weights[i] = rate(groups_[i], p);
            engines += groups_[i].spec->count;
        }
    // Independent batch items split without loss; otherwise split the N columns.
    if (engines == 0) throw std::logic_error("DspArray: no group runs " + std::string(timing::toString(p)));
    Plan pl;
    pl.byBatch = op.batch >= engines;
    pl.share = apportion(pl.byBatch ? op.batch : op.n, weights);
    pl.cycles.assign(groups_.size(), 0);
    for (size_t i = 0; i < groups_.size(); ++i) {
        if (pl.share[i] == 0) continue;
        const GroupState& g = groups_[i];
        timing::GemmShape s{op.m, op.k, op.n, op.batch};
        // The group's engines share its part evenly; the fullest one sets the time.
        (pl.byBatch ? s.batch : s.n) = timing::ceilDiv(pl.share[i], g.spec->count);
        uint64_t c = g.spec->engine->gemmCycles(s, spec_.mode(*g.spec, p));
        if (g.hasMode && g.mode != p) c += spec_.unit(*g.spec).modeSwitchCycles;
        pl.cycles[i] = c;
    }
    return pl;
}

GemmRun DspArray::execute(const workload::Operator& op, uint64_t startCycle) {
    GemmRun r;
    r.precision = spec_.precisionOf(op);
    r.macs = op.denseMacs();
    const Plan pl = plan(op, r.precision);
    const std::vector<uint64_t>& cycles = pl.cycles;
    r.cycles = *std::max_element(cycles.begin(), cycles.end());
    for (size_t i = 0; i < groups_.size(); ++i) {
        GroupState& g = groups_[i];
        if (cycles[i] > 0) {
            if (g.hasMode && g.mode != r.precision) {
                g.switches->add();
                g.switchCycles->add(spec_.unit(*g.spec).modeSwitchCycles);
            }
            g.hasMode = true;
            g.mode = r.precision;
            g.ops->add();
        }
        g.busy->add(cycles[i]);
        g.idle->add(r.cycles - cycles[i]);
        // An unused group still counts at the rate of the mode it sits in.
        Precision p = g.hasMode ? g.mode : r.precision;
        r.peakMacs += r.cycles * rate(g, g.spec->supports(p) ? p : r.precision);
    }
    for (size_t i = 0; i < groups_.size(); ++i)
        groups_[i].macs->add(pl.byBatch ? op.m * op.k * op.n * pl.share[i] : op.m * op.k * pl.share[i] * op.batch);
    if (r.cycles > 0) sc_core::wait(cycleTime(startCycle + r.cycles, spec_.fabricMhz) - sc_core::sc_time_stamp());
    return r;
}

uint64_t DspArray::idlePeak(uint64_t cycles) const {
    uint64_t peak = 0;
    for (const auto& g : groups_) {
        Precision p = g.mode;
        if (!g.hasMode)  // never used yet: count it at its fastest mode
            for (Precision q : timing::kAllPrecisions)
                if (g.spec->supports(q) && rate(g, q) > rate(g, p)) p = q;
        if (!g.spec->supports(p)) continue;
        peak += cycles * rate(g, p);
    }
    return peak;
}

void DspArray::accountIdle(uint64_t cycles) {
    for (auto& g : groups_) g.idle->add(cycles);
}

void DspArray::accountTiles(const std::vector<uint64_t>& busy, uint64_t span) {
    for (size_t i = 0; i < groups_.size(); ++i) {
        const uint64_t b = std::min(i < busy.size() ? busy[i] : 0, span);
        groups_[i].busy->add(b);
        groups_[i].idle->add(span - b);
    }
}

}  // namespace vgm::models
