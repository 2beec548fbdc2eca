#pragma once
// The top module: plays the trace operator by operator on the compute units.
// Memory is ideal here (memory.model = ideal); the memory, sparsity and
// scheduler parts attach to this module later.
#include <systemc>

#include "config/Config.h"
#include "models/DspArray.h"
#include "models/Sfu.h"
#include "models/Simulation.h"
#include "stats/RunResult.h"
#include "timing/compute/ComputeSpec.h"
#include "workload/Trace.h"

namespace vgm::models {

class Accelerator : public sc_core::sc_module {
public:
    // Validates config against trace (InputError) before anything is elaborated.
    Accelerator(sc_core::sc_module_name name, const config::Config& cfg, const workload::Trace& trace,
                const SimOptions& opts, stats::RunResult& result);
    // After sc_start() returns: totals, utilization, optional timeline.
    void finish();

private:
    void run();
    void writeTimeline() const;

    const workload::Trace& trace_;
    SimOptions opts_;
    stats::RunResult& result_;
    timing::ComputeSpec spec_;
    DspArray dsp_;
    Sfu sfu_;
    uint64_t cycle_ = 0;
    bool done_ = false;
};

}  // namespace vgm::models
