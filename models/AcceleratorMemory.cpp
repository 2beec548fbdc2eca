// Memory totals of a run: bytes, HBM command counts (memoized transfers scaled
// from the simulated samples), refreshes over the whole run.
#include "models/Accelerator.h"

namespace vgm::models {

uint64_t Accelerator::refreshesSince(uint64_t fromPs) const {
    const memory::MemSpec& ms = mem_->spec();
    const std::string policy = cfg_.root()["memory"]["hbm"]["controller"].str("refresh");
    const double endPs = double(result_.totalCycles) * 1e6 / spec_.fabricMhz;
    const uint64_t tck = endPs > double(fromPs) ? uint64_t((endPs - double(fromPs)) / double(ms.tCKps)) : 0;
    if (policy == "all_bank") return ms.totalPcs() * (tck / uint64_t(ms.tREFI));
    if (policy == "per_bank") return ms.totalPcs() * (tck / uint64_t(ms.tREFISB)) / ms.banks;
    return 0;
}

void Accelerator::memoryTotals() {
    const uint64_t moved = wdma_.bytesMoved() + adma_.bytesMoved();
    result_.hbmBytes = moved;
    result_.nocBytes = moved;
    if (!mem_) return;
    stats::Group& g = result_.stats.group("memory", "NoC and HBM over TLM (with dma.memoize: the size-class samples)");
    if (!memoryFinished_) mem_->finish(g);
    const memory::MemSpec& ms = mem_->spec();
    const double seconds = double(result_.totalCycles) / (spec_.fabricMhz * 1e6);
    result_.hbmPeakBytes = uint64_t(ms.peakBytesPerSecond() * seconds);
    // Commands of the simulated share, scaled to all bytes moved (memoized
    // transfers repeat a simulated one); refreshes ran for the whole run.
    uint64_t act = 0, pre = 0, ref = 0;
    for (uint32_t pc = 0; pc < ms.totalPcs(); ++pc) {
        const std::string p = "hbm.pc" + std::to_string(pc) + ".";
        auto get = [&](const char* k) {
            const stats::Counter* x = g.findCounter(p + k);
            return x ? x->value : 0;
        };
        act += get("cmd_act");
        pre += get("cmd_pre") + get("cmd_prea");
        ref += get("cmd_refab") + get("cmd_refpb");
    }
    const uint64_t simulated = wdma_.bytesSimulated() + adma_.bytesSimulated();
    auto scale = [&](uint64_t v) {
        return simulated ? uint64_t((unsigned __int128)v * moved / simulated) : 0;
    };
    result_.hbmActs = scale(act);
    result_.hbmPres = scale(pre);
    result_.hbmRefreshes = ref + (memoryFinished_ ? refreshesSince(memoryFinishedPs_) : 0);
    const uint64_t bb = ms.burstBytes();
    const uint64_t readBytes = result_.stats.findCounter("dma_weight_engine.bytes_read")->value +
                               result_.stats.findCounter("dma_activation_engine.bytes_read")->value;
    result_.hbmRdBursts = (readBytes + bb - 1) / bb;
    result_.hbmWrBursts = (moved - readBytes + bb - 1) / bb;
}

}  // namespace vgm::models
