#pragma once
// How much traffic a memory system needs before the memory, not the
// initiators, limits bandwidth; and, after a run, which of the two did.
// Plain arithmetic on the resolved specs (no SystemC), used by membench.
#include <cstdint>
#include <string>

#include "timing/memory/MemSpec.h"
#include "timing/memory/NocSpec.h"

namespace vgm::memory {

struct SaturatingLoad {
    uint32_t initiators = 1;
    uint32_t outstanding = 1;  // per initiator (the NoC admits at most noc.outstanding)
    double ceilingGbps = 0;    // min(HBM data bus, HBM ports, NMU links of `initiators`)
    double unloadedNs = 0;     // one row-miss read through an idle NoC and HBM
};

// Outstanding = the NoC's per-master limit; initiators = enough for twice the
// bandwidth-delay product (ceiling x unloaded latency) and for the NMU links
// to carry the HBM port limit. Capped at `maxInitiators`.
SaturatingLoad saturatingLoad(const MemSpec& mem, const NocSpec& noc, uint32_t requestBytes, uint32_t maxInitiators);

// Bandwidth limit of the memory side alone: HBM data bus and HBM ports.
double memoryCeilingGbps(const MemSpec& mem, const NocSpec& noc);

struct WindowVerdict {
    bool windowLimited = false;
    double windowGbps = 0;  // Little's law: in flight x bytes / unloaded latency
    std::string text;       // one clause for the summary line
};

// The window limits a run when, even at the fastest latency seen, it cannot
// carry what the memory can take (Little's law: in flight x bytes / latency
// < ceiling): more requests in flight would have gone faster.
WindowVerdict windowVerdict(uint64_t inFlight, uint32_t bytes, double minLatencyNs, double avgLatencyNs,
                            double ceilingGbps, uint32_t nocOutstanding);

}  // namespace vgm::memory
