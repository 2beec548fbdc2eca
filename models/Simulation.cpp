#include "models/Simulation.h"

#include <systemc>

#include "models/Accelerator.h"

namespace vgm::models {

stats::RunResult simulate(const config::Config& cfg, const workload::Trace& trace, const SimOptions& opts) {
    stats::RunResult result;
    {
        Accelerator top("top", cfg, trace, opts, result);
        sc_core::sc_start();
        top.finish();
    }
    return result;
}

}  // namespace vgm::models
