#pragma once
// Operator and MAC totals of a trace, overall and per role (trace info, tests).
#include <cstdint>
#include <vector>

#include "common/Json.h"
#include "workload/Trace.h"

namespace vgm::workload {

struct RoleTotals {
    Role role = Role::Other;
    uint64_t ops = 0, denseMacs = 0, skippableMacs = 0, skippedRows = 0;
};

struct TraceTotals {
    uint64_t ops = 0;
    uint64_t denseMacs = 0;         // all steps
    uint64_t perForwardMacs = 0;    // dense, step 0, whole batch
    uint64_t skippableMacs = 0;     // removed by the trace's skip sets
    std::vector<RoleTotals> roles;  // roles that occur, in enum order
};

TraceTotals computeTotals(const Trace& trace);
Json totalsJson(const TraceTotals& t);  // {"operators", "macs": {...}, "roles": {...}}

}  // namespace vgm::workload
