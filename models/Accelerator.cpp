#include "models/Accelerator.h"

#include "common/Error.h"
#include "workload/TraceGeometry.h"

namespace vgm::models {

namespace {

timing::ComputeSpec validatedSpec(const config::Config& cfg, const workload::Trace& trace) {
    timing::ComputeSpec spec = timing::ComputeSpec::fromConfig(cfg);
    spec.checkTrace(cfg, trace);
    return spec;
}

std::unique_ptr<MemorySystem> makeMemory(const config::Config& cfg) {
    if (cfg.root()["memory"].str("model") != "hbm") return nullptr;
    return std::make_unique<MemorySystem>("memory", cfg, 2);  // master 0: weight DMA, 1: activation DMA
}

// Bytes that stay in one pseudo-channel before the address moves to the next.
uint64_t interleaveOf(const config::Config& cfg, const MemorySystem* mem) {
    if (!mem) return 1;
    const config::View map = cfg.root()["memory"]["hbm"]["address_map"];
    return map.str("preset") == "pc_interleave" ? map.count("interleave_bytes") : mem->spec().pcBytes();
}

DmaSetup dmaSetup(const config::Config& cfg, const timing::ScheduleSpec& s, const MemorySystem* mem) {
    DmaSetup d;
    d.transactionBytes = s.dmaTransactionBytes;
    d.outstanding = s.dmaOutstanding;
    d.memoize = s.dmaMemoize;
    d.ideal = mem == nullptr;
    d.sampleBytes = s.dmaSampleBytes;
    d.fabricMhz = cfg.root()["clock"].real("fabric_mhz");
    return d;
}

Timeline::Level timelineLevel(size_t ops) {
    if (ops <= 2000) return Timeline::Level::Tile;
    if (ops <= 20000) return Timeline::Level::Operator;
    return Timeline::Level::Block;
}

}  // namespace

Accelerator::Accelerator(sc_core::sc_module_name name, const config::Config& cfg, const workload::Trace& trace,
                         const SimOptions& opts, stats::RunResult& result)
    : sc_core::sc_module(name),
      cfg_(cfg),
      trace_(trace),
      result_(result),
      spec_(validatedSpec(cfg, trace)),
      sparsity_(timing::SparsitySpec::fromConfig(cfg)),
      sched_(timing::ScheduleSpec::fromConfig(cfg)),
      mem_(makeMemory(cfg)),
      nullW_(mem_ ? nullptr : std::make_unique<NullMemory>("no_memory_w")),
      nullA_(mem_ ? nullptr : std::make_unique<NullMemory>("no_memory_a")),
      dsp_("dsp", spec_, result.stats),
      sfu_("sfu", spec_, result.stats),
      timeline_(opts.timelinePath, spec_.fabricMhz, timelineLevel(trace.ops.size())),
      plan_(trace, spec_, sparsity_, sched_, mem_ ? mem_->spec().capacityBytes() : uint64_t(1) << 40),
      wdma_("dma_weight", dmaSetup(cfg, sched_, mem_.get()), result.stats),
      adma_("dma_activation", dmaSetup(cfg, sched_, mem_.get()), result.stats),
      wstream_("weight_stream", DmaStream::Kind::Weight, plan_, wdma_, sched_.doubleBuffering ? 2 : 1, timeline_,
               mem_ ? mem_->spec().totalPcs() : 1, interleaveOf(cfg, mem_.get())),
      astream_("activation_stream", DmaStream::Kind::Activation, plan_, adma_, sched_.doubleBuffering ? 2 : 1,
               timeline_, mem_ ? mem_->spec().totalPcs() : 1, interleaveOf(cfg, mem_.get())),
      zss_("zss", trace, spec_, sparsity_, sched_, plan_, wstream_, astream_, dsp_, sfu_, timeline_, opts.progress,
           result) {
    if (mem_) {
        wdma_.socket.bind(mem_->nmu());
        adma_.socket.bind(mem_->nmu());
    } else {
        wdma_.socket.bind(nullW_->socket);
        adma_.socket.bind(nullA_->socket);
    }
    wstream_.onPresampled([this] { sampled(); });
    astream_.onPresampled([this] { sampled(); });
    result_.layers.reserve(trace.ops.size());
    workload::TokenGrid grid;
    uint64_t batch = 1;
    const auto video = trace.header.fields.find("video");
    if (workload::gridFromHeader(trace.header.fields, grid, batch) && video->contains("frames"))
        result_.videoFrames = (*video)["frames"].get<uint64_t>();
}

void Accelerator::sampled() {
    // With memoize every later transfer reuses a sample, so the memory model
    // is finished now instead of replaying idle refreshes over the whole run.
    if (++sampledStreams_ < 2 || !mem_ || !sched_.dmaMemoize) return;
    mem_->finish(result_.stats.group("memory", "NoC and HBM over TLM (with dma.memoize: the size-class samples)"));
    wdma_.seal();
    adma_.seal();
    memoryFinished_ = true;
    memoryFinishedPs_ = uint64_t(sc_core::sc_time_stamp().to_seconds() * 1e12 + 0.5);
}

// Refreshes every pseudo-channel does from `fromPs` to the end of the run,
// in all-bank refresh equivalents (refresh runs even when idle).
uint64_t Accelerator::refreshesSince(uint64_t fromPs) const {
    const memory::MemSpec& ms = mem_->spec();
    const std::string policy = cfg_.root()["memory"]["hbm"]["controller"].str("refresh");
    const double endPs = double(result_.totalCycles) * 1e6 / spec_.fabricMhz;
    const uint64_t tck = endPs > double(fromPs) ? uint64_t((endPs - double(fromPs)) / double(ms.tCKps)) : 0;
    if (policy == "all_bank") return ms.totalPcs() * (tck / uint64_t(ms.tREFI));
    if (policy == "per_bank") return ms.totalPcs() * (tck / uint64_t(ms.tREFISB)) / ms.banks;
    return 0;
}

void Accelerator::finish() {
    if (!zss_.done()) throw std::logic_error("Accelerator::finish: the trace did not run to completion");
    if (wdma_.errors() + adma_.errors())
        throw std::logic_error("Accelerator: the memory returned error responses (addresses beyond capacity?)");
    result_.totalCycles = zss_.endCycle();
    result_.idleCycles = result_.totalCycles - result_.computeCycles - result_.memoryStallCycles -
                         result_.sparsityOverheadCycles;
    zss_.finish();
    stats::Group& c = result_.stats.group("compute", "Compute totals");
    c.counter("dsp_units", "DSP", "DSP58 sites used by all groups").value = spec_.dspCount();
    c.counter("cycles", "cycle", "Cycles in which the DSP array or the SFU ran an operator").value =
        result_.computeCycles;
    c.counter("peak_macs", "MAC", "MACs the array could have done at its mode's peak").value = result_.peakMacs;
    c.scalar("utilization", "ratio", "Executed MACs / peak MACs").value =
        result_.peakMacs ? static_cast<double>(result_.macsExecuted) / static_cast<double>(result_.peakMacs) : 0.0;
    memoryTotals();
    timeline_.close();
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
    const uint64_t readBytes = result_.stats.findCounter("dma_weight.bytes_read")->value +
                               result_.stats.findCounter("dma_activation.bytes_read")->value;
    result_.hbmRdBursts = (readBytes + bb - 1) / bb;
    result_.hbmWrBursts = (moved - readBytes + bb - 1) / bb;
}

}  // namespace vgm::models
