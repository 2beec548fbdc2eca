#pragma once
// The DSP array: runs one GEMM operator at a time on the groups that support
// its precision, splitting the work across their engines. Time advances by
// one wait per operator (no clock process); per-tile cycles come from the
// engines in src/timing/compute.
#include <systemc>
#include <vector>

#include "stats/StatGroup.h"
#include "timing/compute/ComputeSpec.h"
#include "workload/Operator.h"

namespace vgm::models {

// SystemC time of an absolute fabric cycle; absolute so that rounding never accumulates.
inline sc_core::sc_time cycleTime(uint64_t cycle, double mhz) {
    return sc_core::sc_time(static_cast<double>(cycle) * 1e6 / mhz, sc_core::SC_PS);
}

// How one GEMM operator ran.
struct GemmRun {
    uint64_t cycles = 0;             // op start to last group done
    uint64_t macs = 0;
    timing::Precision precision = timing::Precision::Fp16;
    uint64_t peakMacs = 0;           // sum over groups of cycles x MACs/cycle in their mode
};

class DspArray : public sc_core::sc_module {
public:
    DspArray(sc_core::sc_module_name name, const timing::ComputeSpec& spec, stats::Group& stats);

    // Plans the split, waits until the last group is done. Call from a thread.
    GemmRun execute(const workload::Operator& op, uint64_t startCycle);
    // Plain C++ part of execute(): how `op` splits over the groups, no waiting.
    struct Plan {
        bool byBatch = false;          // split batch items, else N columns
        std::vector<uint64_t> share;   // batch items or columns per group
        std::vector<uint64_t> cycles;  // per group, incl. a mode switch; 0 = unused
    };
    Plan plan(const workload::Operator& op, timing::Precision p) const;
    // Peak MACs the array could have done in `cycles` idle cycles (SFU ops, gaps).
    uint64_t idlePeak(uint64_t cycles) const;
    // Adds idle cycles to every group (the array waits for the SFU or memory).
    void accountIdle(uint64_t cycles);
    // Tiles the ZSS placed itself: group g computed busy[g] of `span` cycles, idled the rest.
    void accountTiles(const std::vector<uint64_t>& busy, uint64_t span);

private:
    struct GroupState {
        const timing::GroupSpec* spec = nullptr;
        bool hasMode = false;
        timing::Precision mode = timing::Precision::Fp16;
        stats::Counter *busy = nullptr, *idle = nullptr, *macs = nullptr, *switches = nullptr,
                       *switchCycles = nullptr, *ops = nullptr;
    };
    uint64_t rate(const GroupState& g, timing::Precision p) const;
    const timing::ComputeSpec& spec_;
    std::vector<GroupState> groups_;
};

}  // namespace vgm::models
