#pragma once
// The one entry point from the CLI into the SystemC models. No SystemC types
// here, so that src/app stays free of <systemc>.
#include "config/Config.h"
#include "stats/RunResult.h"
#include "workload/Trace.h"

namespace vgm::models {

struct SimOptions {
    bool progress = false;      // progress line on stderr
    std::string timelinePath;   // Chrome trace-event JSON, empty = none
};

// Process entry for programs that use the kernel: silences SystemC's
// copyright banner (it would break one-line error output), then runs the
// kernel's sc_elab_and_sim, which calls the program's sc_main.
int enterSystemC(int argc, char** argv);

// Elaborates the accelerator for `cfg`, plays `trace`, runs to completion.
// Call at most once per process (SystemC's rule).
stats::RunResult simulate(const config::Config& cfg, const workload::Trace& trace, const SimOptions& opts);

}  // namespace vgm::models
