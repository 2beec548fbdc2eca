// Memory totals of a run: bytes, HBM command counts (memoized transfers scaled
// from the simulated samples), refreshes over the whole run in both modes.
#include "models/Accelerator.h"

namespace vgm::models {

void Accelerator::memoryTotals() {
    const uint64_t moved = wdma_.bytesMoved() + adma_.bytesMoved();
    result_.hbmBytes = moved;
    result_.nocBytes = moved;
    if (!mem_) return;
    stats::Group& g = result_.stats.group(
        "memory", "NoC and HBM over TLM (with dma.memoize: the size-class samples, then idle refreshes to the end)");
    mem_->finish(g);  // catches every channel up to the end of the run (idle periods skipped, not replayed)
    if (sched_.dmaMode == timing::ScheduleSpec::DmaMode::Sampled) samplingStats(g);
    const memory::MemSpec& ms = mem_->spec();
    const double seconds = double(result_.totalCycles) / (spec_.fabricMhz * 1e6);
    result_.hbmPeakBytes = uint64_t(ms.peakBytesPerSecond() * seconds);
    // Commands of the simulated share, scaled to all bytes moved (memoized
    // transfers repeat a simulated one); refreshes are the controllers' own
    // from the start of the run (after the samples) to its end.
    uint64_t act = 0, pre = 0, refab = 0, refpb = 0;
    for (uint32_t pc = 0; pc < ms.totalPcs(); ++pc) {
        const std::string p = "hbm.pc" + std::to_string(pc) + ".";
        auto get = [&](const char* k) {
            const stats::Counter* x = g.findCounter(p + k);
            return x ? x->value : 0;
        };
        act += get("cmd_act");
        pre += get("cmd_pre") + get("cmd_prea");
        refab += get("cmd_refab");
        refpb += get("cmd_refpb");
    }
    const uint64_t simulated = wdma_.bytesSimulated() + adma_.bytesSimulated();
    auto scale = [&](uint64_t v) {
        return simulated ? uint64_t((unsigned __int128)v * moved / simulated) : 0;
    };
    result_.hbmActs = scale(act);
    result_.hbmPres = scale(pre);
    result_.hbmRefreshes = refab - refAtStart_[0];
    result_.hbmRefreshesPerBank = refpb - refAtStart_[1];
    const uint64_t bb = ms.burstBytes();
    const uint64_t readBytes = result_.stats.findCounter("dma_weight_engine.bytes_read")->value +
                               result_.stats.findCounter("dma_activation_engine.bytes_read")->value;
    result_.hbmRdBursts = (readBytes + bb - 1) / bb;
    result_.hbmWrBursts = (moved - readBytes + bb - 1) / bb;
}

}  // namespace vgm::models
