#pragma once
// Resource bounds on a trace: every count the simulator derives from it
// (MACs, cycles, bytes, operators) must fit its 64-bit counters and memory.
#include <cstdint>
#include <string>

#include "workload/TraceSpec.h"

namespace vgm::workload {

constexpr uint64_t kMaxOpDim = uint64_t(1) << 31;      // m, k, n, batch of one operator
constexpr uint64_t kMaxOpElems = uint64_t(1) << 40;    // in/w/out elements of one operator
constexpr uint64_t kMaxTraceMacs = uint64_t(1) << 60;  // m x k x n x batch over all steps (the
                                                       // default video is 5e14; counters derived
                                                       // from it then stay far below 2^64)
constexpr uint64_t kMaxTraceOps = 20'000'000;          // operators after expansion (memory)

// InputError naming `file`, the operator and the limit when a bound is exceeded.
void checkTraceBounds(const TraceSpec& spec, const std::string& file);

}  // namespace vgm::workload
