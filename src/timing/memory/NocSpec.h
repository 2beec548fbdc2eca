#pragma once
// Resolved NoC parameters and the plain rules the Noc module applies:
// link occupancy per transfer and arbitration among masters.
#include <cstdint>
#include <vector>

#include "config/Config.h"

namespace vgm::memory {

struct NocSpec {
    int64_t periodPs = 1000;
    uint32_t masters = 1;
    uint32_t nmuBytesPerCycle = 64, nsuBytesPerCycle = 32;
    uint32_t ports = 0;  // resolved: never 0
    int64_t nmuLatency = 4, switchLatency = 6, nsuLatency = 4;
    bool priority = false;  // else round robin
    uint32_t outstanding = 64;
    uint32_t headerBytes = 16;
    uint32_t nsuBufferDepth = 8;  // requests in flight on one NSU link towards the HBM port
    uint32_t nmusPerMaster = 1;   // NMU links of one master
    uint64_t splitBytes = 0;      // NMU split granule; 0 = the address map's pseudo-channel interleave
    int64_t portPeriodPs = 0;     // clock of the NSU/HBM port links; 0 = the NoC clock
    bool transparent = false;     // no link occupancy, latency or NSU buffer limit; END_REQ from the HBM

    // `pcs` resolves ports = 0 (one port per pseudo-channel).
    static NocSpec fromConfig(const config::View& noc, uint32_t pcs);

    // NoC cycles a transfer of `bytes` occupies a link `bytesPerCycle` wide (at least 1).
    static int64_t occupancy(uint64_t bytes, uint32_t bytesPerCycle) {
        return bytes == 0 ? 1 : int64_t((bytes + bytesPerCycle - 1) / bytesPerCycle);
    }
    // NoC cycles an NSU port link is occupied: its own beats at its own clock, rounded up to NoC cycles.
    int64_t nsuOccupancy(uint64_t bytes) const {
        const int64_t beats = occupancy(bytes, nsuBytesPerCycle);
        return portPeriodPs ? (beats * portPeriodPs + periodPs - 1) / periodPs : beats;
    }
};

// Picks one of the inputs whose `ready` flag is set: lowest index
// (priority) or the first after the last grant (round robin).
class NocArbiter {
public:
    NocArbiter(uint32_t inputs, bool priority) : n_(inputs), priority_(priority) {}
    // -1 if none is ready.
    int pick(const std::vector<bool>& ready) {
        for (uint32_t k = 0; k < n_; ++k) {
            uint32_t i = priority_ ? k : (last_ + 1 + k) % n_;
            if (ready[i]) {
                last_ = i;
                return int(i);
            }
        }
        return -1;
    }

private:
    uint32_t n_;
    bool priority_;
    uint32_t last_ = ~0u;  // round robin starts at input 0
};

}  // namespace vgm::memory
