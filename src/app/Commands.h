#pragma once
// The subcommand table. Each command lives in its own <Name>Command.cpp and
// receives the arguments after its name. Commands throw vgm::InputError for
// bad input; main() turns that into "error: ..." and exit status 2.
#include <string>
#include <vector>

namespace vgm::app {

using Args = std::vector<std::string>;
using CommandFn = int (*)(const Args& args);

struct Command {
    const char* name;
    const char* summary;
    CommandFn fn;
};

const std::vector<Command>& commands();

int runCommand(const Args& args);     // RunCommand.cpp
int paramsCommand(const Args& args);  // ParamsCommand.cpp
int sweepCommand(const Args& args);       // SweepCommand.cpp
int sweepMergeCommand(const Args& args);  // SweepMergeCommand.cpp
int checkCommand(const Args& args);       // CheckCommand.cpp
int traceCommand(const Args& args);   // TraceCommand.cpp
int programCommand(const Args& args);  // ProgramCommand.cpp

int membenchCommand(const Args& args);  // MembenchCommand.cpp
int gpuCommand(const Args& args);       // GpuCommand.cpp
int compareCommand(const Args& args);   // CompareCommand.cpp

}  // namespace vgm::app
