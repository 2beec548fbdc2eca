// The one explicit list of subcommands (no self-registration).
#include "app/Commands.h"

namespace vgm::app {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"run", "simulate a trace on a hardware config and write a report", runCommand},
        {"params", "list every config parameter, or print a complete default config", paramsCommand},
        {"sweep", "run a design-space sweep from a spec, one process per point", sweepCommand},
        {"sweep-merge", "join the output folders of a sharded sweep", sweepMergeCommand},
        {"compare", "put the headline figures of several run folders side by side", compareCommand},
        {"check", "rerun the golden config x trace pairs and report what moved", checkCommand},
        {"trace", "generate a workload trace, or print a trace's totals (trace info)", traceCommand},
        {"program", "print the per-unit commands a trace is lowered into for a config", programCommand},
        {"membench", "drive the memory system alone and report bandwidth and latency", membenchCommand},
        {"gpu", "estimate a trace on a GPU preset (analytical baseline model)", gpuCommand},
    };
    return table;
}

}  // namespace vgm::app
