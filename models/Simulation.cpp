#include "models/Simulation.h"

#include <cstdlib>
#include <systemc>

#include "models/Accelerator.h"

namespace vgm::models {

int enterSystemC(int argc, char** argv) {
    ::setenv("SC_COPYRIGHT_MESSAGE", "DISABLE", 0);
    return sc_core::sc_elab_and_sim(argc, argv);
}

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
