#pragma once
// The whole FlightVGM-class machine, built from the config: DSP array and
// SFU, sparsification and recovery units, the zero-skipping scheduler (the
// issue loop), on-chip buffers, a weight and an activation DMA engine on the
// NoC, and the HBM behind it (memory.model = hbm; ideal = loads take no time).
#include <memory>
#include <systemc>
#include <tlm_utils/simple_target_socket.h>

#include "config/Config.h"
#include "models/Dma.h"
#include "models/DmaPlan.h"
#include "models/DmaStream.h"
#include "models/DspArray.h"
#include "models/MemorySystem.h"
#include "models/Sfu.h"
#include "models/Simulation.h"
#include "models/Timeline.h"
#include "models/ZeroSkipScheduler.h"
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
    // After sc_start() returns: totals, memory statistics, energy event counts, timeline.
    void finish();

private:
    void memoryTotals();
    void sampled();
    uint64_t refreshesSince(uint64_t fromPs) const;

    const config::Config& cfg_;
    const workload::Trace& trace_;
    stats::RunResult& result_;
    timing::ComputeSpec spec_;
    timing::SparsitySpec sparsity_;
    timing::ScheduleSpec sched_;
    std::unique_ptr<MemorySystem> mem_;
    std::unique_ptr<NullMemory> nullW_, nullA_;
    DspArray dsp_;
    Sfu sfu_;
    Timeline timeline_;
    DmaPlan plan_;
    Dma wdma_, adma_;
    DmaStream wstream_, astream_;
    ZeroSkipScheduler zss_;
    int sampledStreams_ = 0;
    bool memoryFinished_ = false;  // memoize: finished once sampling is done
    uint64_t memoryFinishedPs_ = 0;
};

}  // namespace vgm::models
