#pragma once
// Runs a materialised Program on the SystemC machine (units as modules, the
// ZSS dispatching over TLM) and returns every command's start and end cycle.
// DMA commands take dmaCycles(command) cycles (no memory model), so that a
// clock-stepped reference can replay the same program exactly.
#include <cstdint>
#include <functional>
#include <vector>

#include "program/Program.h"

namespace vgm::models {

struct CommandTiming {
    uint64_t start = 0, end = 0;
    uint32_t unit = 0;
};

struct UnitCycles {
    uint64_t busy = 0, idle = 0, stallInput = 0, stallOutput = 0, stallBuffer = 0, commands = 0;
    uint64_t modeSwitches = 0;
};

struct ProgramRunResult {
    uint64_t totalCycles = 0;               // end of the last command
    std::vector<CommandTiming> commands;    // by program index
    std::vector<UnitCycles> units;          // by Machine::units index
};

// Call at most once per process (SystemC's rule); elaborates, runs, returns.
ProgramRunResult runProgram(const program::Program& program,
                            const std::function<uint64_t(const program::Command&)>& dmaCycles);

}  // namespace vgm::models
