#include "models/ProgramRun.h"

#include <memory>
#include <systemc>

#include "models/CommandUnit.h"
#include "models/ZeroSkipScheduler.h"

namespace vgm::models {

ProgramRunResult runProgram(const program::Program& program,
                            const std::function<uint64_t(const program::Command&)>& dmaCycles) {
    const program::Machine& m = program.machine;
    ProgramRunResult r;
    r.commands.resize(program.commands.size());
    r.units.resize(m.units.size());
    size_t next = 0;
    const auto& cmds = program.commands;
    program::Dispatcher d(m, [&](std::vector<program::Command>& out, uint64_t, uint64_t& nextOp) {
        if (next >= cmds.size()) return false;
        const uint32_t op = cmds[next].op;
        while (next < cmds.size() && cmds[next].op == op) out.push_back(cmds[next++]);
        nextOp = next < cmds.size() ? cmds[next].op : op + 1;
        return true;
    });
    FabricClock clock;
    {
        ZeroSkipScheduler zss("zss", m, d, clock, [&](uint64_t i, const program::Command&, uint32_t u, uint64_t s, uint64_t e) {
            r.commands[i] = {s, e, u};
            r.totalCycles = std::max(r.totalCycles, e);
        });
        std::vector<std::unique_ptr<CommandUnit>> units;
        for (uint32_t u = 0; u < m.units.size(); ++u) {
            units.push_back(std::make_unique<CommandUnit>(
                m.units[u].name.c_str(), m, u, clock,
                [&](const program::Command& c, uint64_t) { return dmaCycles(c); }));
            (*zss.sockets[u]).bind(units.back()->socket);
        }
        sc_core::sc_start();
        if (!zss.error().empty()) throw std::runtime_error(zss.error());
        if (!zss.done()) throw std::logic_error("runProgram: the program did not run to completion");
        if (d.holds()) throw std::logic_error("runProgram: " + std::to_string(d.holds()) + " buffer holds never freed");
        for (uint32_t u = 0; u < m.units.size(); ++u) {
            const UnitTally& t = zss.tallies()[u];
            UnitCycles& c = r.units[u];
            c.busy = t.cycles[size_t(program::UnitClass::Busy)];
            c.idle = t.cycles[size_t(program::UnitClass::Idle)];
            c.stallInput = t.cycles[size_t(program::UnitClass::StallInput)];
            c.stallOutput = t.cycles[size_t(program::UnitClass::StallOutput)];
            c.stallBuffer = t.cycles[size_t(program::UnitClass::StallBuffer)];
            c.commands = units[u]->commands();
            c.modeSwitches = units[u]->modeSwitches();
            if (units[u]->busyCycles() != c.busy) throw std::logic_error("runProgram: unit and ZSS disagree on busy cycles");
        }
    }
    return r;
}

}  // namespace vgm::models
