#pragma once
// What one simulation produces: raw totals, per-operator rows and the stats
// tree. Models fill it; power/ and report/ derive everything else from it.
#include <cstdint>
#include <string>
#include <vector>

#include "stats/Activity.h"
#include "stats/StatGroup.h"

namespace vgm::stats {

struct LayerRow {
    std::string name;  // "s0.b3.qkv"
    std::string kind, role, precision;
    uint32_t step = 0, block = 0;
    uint64_t m = 0, k = 0, n = 0, batch = 1;
    uint64_t startCycle = 0;
    uint64_t cycles = 0;             // end - start, fabric cycles
    // Busy cycles of the operator's commands, summed over units (they overlap in time).
    uint64_t dspSfuBusyCycles = 0, dmaBusyCycles = 0, suRuBusyCycles = 0;
    uint64_t macsExecuted = 0, macsSkipped = 0;
    // Look-ahead outcome: rows predicted skipped but needed (replayed), rows predicted computed but skippable.
    uint64_t falsePositives = 0, missedSkips = 0;
};

struct RunResult {
    // Fabric-clock cycles of the whole run; total = compute + memory_stall + sparsity_overhead + idle:
    // cycles with a DSP group or the SFU busy, else a DMA engine, else the SU or RU, else nothing.
    uint64_t totalCycles = 0;
    uint64_t computeCycles = 0;
    uint64_t memoryStallCycles = 0;
    uint64_t sparsityOverheadCycles = 0;
    uint64_t idleCycles = 0;

    uint64_t macsDense = 0, macsExecuted = 0, macsSkipped = 0;
    // macsExecuted split by the precision the DSPs ran in (energy differs per mode).
    uint64_t macsInt8 = 0, macsFp16 = 0, macsFp32 = 0;
    uint64_t sfuElements = 0;  // element-passes done by the SFU
    // Peak MACs per cycle of the array in the precisions the run used, summed
    // over the run: utilization.dsp = macsExecuted / peakMacs.
    uint64_t peakMacs = 0;
    uint64_t hbmBytes = 0;      // bytes moved to/from HBM
    uint64_t hbmPeakBytes = 0;  // bytes HBM could have moved in totalCycles (0 with ideal memory)

    // Event counts for the energy model (power/Energy.cpp); 0 where a unit is absent.
    uint64_t macsInt16 = 0;
    uint64_t suMacs = 0;                    // 3d per examined token
    uint64_t dspMacs[2][4] = {};            // MACs the DSP groups ran, by timing::UnitKind x Precision
    uint64_t ruBytes = 0;                   // bytes the RU copied (read and written)
    uint64_t bramReadBytes = 0, bramWriteBytes = 0, uramReadBytes = 0, uramWriteBytes = 0;  // buffers, incl. SU/RU
    uint64_t nocBytes = 0;                  // bytes crossing the NoC (both directions)
    uint64_t hbmActs = 0, hbmPres = 0, hbmRdBursts = 0, hbmWrBursts = 0, hbmRefreshes = 0;
    uint64_t hbmRefreshesPerBank = 0;  // REFpb commands (hbmRefreshes: REFab), over the whole run
    uint64_t videoFrames = 0;  // frames of the generated video (0 = not a video)
    std::string boundUnit;     // the unit with the largest busy share

    Activity activity;  // per power window (power.window_us)
    Group stats{"stats"};
    std::vector<LayerRow> layers;
};

}  // namespace vgm::stats
