#pragma once
// The resolved HBM memspec: organisation and timings in tCK, validated
// against the relations the timing checker relies on.
#include <cstdint>

#include "config/Config.h"

namespace vgm::memory {

using Cycle = int64_t;  // memory-clock cycles (tCK)

struct MemSpec {
    // Organisation.
    uint32_t stacks = 2, channels = 1, pseudoChannels = 2;
    uint32_t bankGroups = 4, banks = 16, rows = 32768, columns = 128;
    uint32_t widthBits = 64, burstLength = 4, dataRate = 2;
    // Timings in tCK.
    int64_t tCKps = 1000;
    Cycle tRCDRD = 12, tRCDWR = 6, tRP = 14, tRAS = 28, tRC = 42;
    Cycle tCCDS = 2, tCCDL = 3, tRRDS = 4, tRRDL = 6, tFAW = 16;
    Cycle tRTP = 5, tWR = 14, tWTRS = 4, tWTRL = 9, tRTW = 18;
    Cycle RL = 17, WL = 7, tDQSCK = 1;
    Cycle tREFI = 3900, tRFC = 220, tREFISB = 244, tRFCSB = 96, tRREFD = 8;
    Cycle actCycles = 2;  // tCK an ACT occupies the row command bus (HBM: 2)

    uint32_t banksPerGroup() const { return banks / bankGroups; }
    uint32_t bankGroupOf(uint32_t bank) const { return bank / banksPerGroup(); }
    uint32_t totalPcs() const { return stacks * channels * pseudoChannels; }
    Cycle burstCycles() const { return burstLength / dataRate; }  // data bus cycles per burst
    uint32_t burstBytes() const { return burstLength * widthBits / 8; }
    uint32_t columnBytes() const { return widthBits / 8; }
    uint64_t pcBytes() const { return uint64_t(banks) * rows * columns * columnBytes(); }
    uint64_t capacityBytes() const { return pcBytes() * totalPcs(); }
    Cycle readLatency() const { return RL + tDQSCK + burstCycles(); }  // RD to last data beat
    Cycle writeLatency() const { return WL + burstCycles(); }          // WR to last data beat
    double clockMhz() const { return 1e6 / double(tCKps); }
    double peakBytesPerSecond() const;  // all pseudo-channels

    // Reads memory.hbm.{org,timing}; InputError naming the parameter on a bad relation.
    static MemSpec fromConfig(const config::View& hbm);
};

}  // namespace vgm::memory
