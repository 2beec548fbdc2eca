#pragma once
// Resolved `scheduler` and `buffers` sections.
#include <cstdint>
#include <string>

#include "config/Config.h"

namespace vgm::timing {

constexpr uint64_t kUramBytes = 32768;  // 4K x 64-bit data words
constexpr uint64_t kBram36Bytes = 4096; // 512 x 64-bit data words

struct BufferSpec {
    uint64_t uram = 0, bram36 = 0;
    uint64_t bytes() const { return uram * kUramBytes + bram36 * kBram36Bytes; }
};

struct ScheduleSpec {
    std::string policy = "dynamic-static";
    uint64_t tileRows = 0, tileCols = 0;
    uint64_t weightSwitchCycles = 32;
    bool lookahead = true;
    bool workBalance = true;  // dynamic policies: tiles to the group that finishes them first
    uint64_t replayPenalty = 5;
    uint64_t replayBatchRows = 32;  // false positives gathered per replay (at least)
    BufferSpec weight, activation, output;
    bool doubleBuffering = true;
    uint64_t dmaTransactionBytes = 4096, dmaOutstanding = 16;
    enum class DmaMode { Memoized, Sampled, Exact };
    DmaMode dmaMode = DmaMode::Memoized;  // dma.mode, with the old dma.memoize = false meaning exact
    uint64_t dmaSampleEveryBlocks = 4;
    uint64_t dmaSampleBytes = 1 << 20;
    uint64_t queueDepth = 4, lookaheadOps = 8, attentionChunkRows = 512;
    bool fusePrologue = true, fuseEpilogue = true, onlineSoftmax = true, fuseQkNorm = true;

    static ScheduleSpec fromConfig(const config::Config& cfg);
};

}  // namespace vgm::timing
