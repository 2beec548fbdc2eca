#pragma once
// A DMA engine's work list over the trace: the weight stream loads every
// operator's weights chunk by chunk; the activation stream loads spilled
// inputs and writes spilled outputs back once the operator that made them is
// done. Loads run ahead into a ring of buffer halves (2 with double
// buffering, else 1): a load starts when a half is free, so loading overlaps
// compute exactly as far as the buffers allow.
#include <cstdint>
#include <functional>
#include <string>
#include <systemc>

#include "models/Dma.h"
#include "models/DmaPlan.h"
#include "models/Timeline.h"

namespace vgm::models {

class DmaStream : public sc_core::sc_module {
public:
    enum class Kind { Weight, Activation };
    SC_HAS_PROCESS(DmaStream);
    DmaStream(sc_core::sc_module_name name, Kind kind, DmaPlan& plan, Dma& dma, uint64_t slots, Timeline& timeline,
              uint32_t hbmChannels, uint64_t interleaveBytes);

    // Consumer side (the ZSS thread): wait for the next chunk, then release its half.
    void waitNext();
    void consume();
    // Producer side is told when an operator has finished (its output may be written back).
    void operatorDone(size_t i);
    // Called once the stream's engine has sampled its size classes (dma.memoize).
    void onPresampled(std::function<void()> f) { presampled_ = std::move(f); }
    // Cycle at which the stream's last transfer ended.
    uint64_t lastEnd() const { return lastEnd_; }
    bool drained() const { return done_; }
    // The oldest operator this stream may still ask the plan for.
    size_t oldestNeeded() const { return oldest_; }
    sc_core::sc_event& drainedEvent() { return drained_; }

private:
    struct Job {
        uint64_t address = 0, bytes = 0, chunks = 1;
        bool write = false;
        uint32_t layer = 0;
        std::string label, block;
    };
    void run();
    Job job(size_t i, bool output);
    void load(const Job& j);
    Kind kind_;
    DmaPlan& plan_;
    Dma& dma_;
    uint64_t slots_;
    Timeline& timeline_;
    uint32_t channels_;
    uint64_t interleave_;
    uint64_t filled_ = 0, consumed_ = 0, lastEnd_ = 0;
    size_t opsDone_ = 0, oldest_ = 0;
    bool done_ = false;
    sc_core::sc_event changed_, drained_;
    std::function<void()> presampled_;
};

}  // namespace vgm::models
