#pragma once
// A clock-stepped reference for the machine that runs a Program: plain C++,
// one cycle at a time, the rules of program/Program.h's top comment applied
// literally. Tests compare it with models::runProgram command by command.
#include <cstdint>
#include <functional>

#include "models/ProgramRun.h"
#include "program/Program.h"

namespace vgm::test {

// Same result shape as the SystemC machine. Throws std::runtime_error when
// work is left but nothing runs (deadlock, with the blocked stream heads) or
// the program cannot run as written (an acquire larger than its buffer, bytes
// acquired with no user to return them, more frees than users).
models::ProgramRunResult runReference(const program::Program& program,
                                      const std::function<uint64_t(const program::Command&)>& dmaCycles);

}  // namespace vgm::test
