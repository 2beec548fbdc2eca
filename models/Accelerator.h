#pragma once
// The whole FlightVGM-class machine, built from the config: one CommandUnit
// module per hardware unit (each DSP group, the SFU, SU, RU, the weight and
// activation DMA engines), the ZSS as their TLM initiator, the program lowered
// from the trace operator by operator, and the NoC/HBM behind the DMA engines
// (memory.model = hbm; ideal = every transfer takes one cycle).
#include <memory>
#include <set>
#include <systemc>
#include <tlm_utils/simple_target_socket.h>
#include <vector>

#include "config/Config.h"
#include "models/CommandUnit.h"
#include "models/Dma.h"
#include "models/MemorySystem.h"
#include "models/OpAccounting.h"
#include "models/Simulation.h"
#include "models/Timeline.h"
#include "models/ZeroSkipScheduler.h"
#include "program/Dispatcher.h"
#include "program/Lowering.h"
#include "stats/RunResult.h"
#include "timing/compute/ComputeSpec.h"
#include "timing/schedule/ScheduleSpec.h"
#include "timing/sparsity/SparsitySpec.h"
#include "workload/Trace.h"

namespace vgm::models {

// Terminates a DMA socket when memory is ideal (never called).
struct NullMemory : sc_core::sc_module {
    tlm_utils::simple_target_socket<NullMemory> socket;
    explicit NullMemory(sc_core::sc_module_name n) : sc_module(n), socket("socket") {}
};

class Accelerator : public sc_core::sc_module {
public:
    // Validates config against trace (InputError) before anything is elaborated.
    Accelerator(sc_core::sc_module_name name, const config::Config& cfg, const workload::Trace& trace,
                const SimOptions& opts, stats::RunResult& result);
    // After sc_start() returns: totals, unit statistics, memory statistics, timeline.
    void finish();

private:
    uint64_t transfer(Dma& dma, const program::Command& c);
    void onDone(const program::Command& c, uint32_t unit, uint64_t start, uint64_t end);
    void presample();
    void unitStats();
    void memoryTotals();
    void samplingStats(stats::Group& memory);
    static std::vector<uint32_t> shapeIds(const workload::Trace& trace);
    void powerTimeline();

    const config::Config& cfg_;
    const workload::Trace& trace_;
    stats::RunResult& result_;
    timing::ComputeSpec spec_;
    timing::SparsitySpec sparsity_;
    timing::ScheduleSpec sched_;
    std::unique_ptr<MemorySystem> mem_;
    std::unique_ptr<NullMemory> nullW_, nullA_;
    program::Lowering lowering_;
    OpAccounting accounting_;
    program::Dispatcher dispatcher_;
    FabricClock clock_;
    Timeline timeline_;
    Dma wdma_, adma_;
    ZeroSkipScheduler zss_;
    std::vector<std::unique_ptr<CommandUnit>> units_;
    std::vector<uint64_t> peakBusy_;  // per DSP group: peak MACs in its busy cycles
    bool progress_;
    uint64_t blocksPerStep_ = 1;   // 1 + the largest block index of the trace
    std::vector<uint32_t> opKind_;  // sampled: per trace operator, the id of its shape (kind, role, m, k, n, ...)
    std::set<uint64_t> windows_;   // dma.mode = sampled: the (step, block) windows that ran exactly
    uint64_t refAtStart_[2] = {};  // REFab, REFpb issued before the run started (memoize: during the samples)
};

}  // namespace vgm::models
