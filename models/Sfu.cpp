#include "models/Sfu.h"

#include "models/DspArray.h"

namespace vgm::models {

Sfu::Sfu(sc_core::sc_module_name name, const timing::ComputeSpec& spec, stats::Group& stats)
    : sc_core::sc_module(name), spec_(spec) {
    stats::Group& s = stats.group("sfu", "Special-function unit");
    busy_ = &s.counter("busy_cycles", "cycle", "Cycles in which the SFU processed elements");
    idle_ = &s.counter("idle_cycles", "cycle", "Cycles in which the SFU had no work");
    elements_ = &s.counter("elements", "element", "Elements processed (each pass counted)");
    ops_ = &s.counter("ops", "count", "Operators run on the SFU");
}

uint64_t Sfu::cycles(const workload::Operator& op) const {
    return timing::sfuCycles(spec_.sfu, op.m * op.n * op.batch, spec_.passesOf(op.kind));
}

uint64_t Sfu::execute(const workload::Operator& op, uint64_t startCycle) {
    const uint64_t c = cycles(op);
    busy_->add(c);
    elements_->add(op.m * op.n * op.batch * spec_.passesOf(op.kind));
    ops_->add();
    if (c > 0) sc_core::wait(cycleTime(startCycle + c, spec_.fabricMhz) - sc_core::sc_time_stamp());
    return c;
}

}  // namespace vgm::models
