#include "models/Accelerator.h"

#include "common/Error.h"
#include "workload/TraceGeometry.h"

namespace vgm::models {

using program::UnitKind;

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

DmaSetup dmaSetup(const config::Config& cfg, const timing::ScheduleSpec& s, const MemorySystem* mem) {
    DmaSetup d;
    d.transactionBytes = s.dmaTransactionBytes;
    d.outstanding = s.dmaOutstanding;
    d.memoize = s.dmaMode != timing::ScheduleSpec::DmaMode::Exact;  // sampled presamples too: the rates until a window
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

// Power-over-time column of a non-DSP unit's busy cycles.
size_t activityColumn(UnitKind k) {
    if (k == UnitKind::Sfu) return stats::Activity::kSfu;
    if (k == UnitKind::DmaWeight || k == UnitKind::DmaActivation) return stats::Activity::kDma;
    return stats::Activity::kSuRu;
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
      lowering_(trace, spec_, sparsity_, sched_, mem_ ? mem_->spec().capacityBytes() : uint64_t(1) << 40),
      accounting_(lowering_, spec_, sched_, result),
      dispatcher_(lowering_.machine(),
                  [this](std::vector<program::Command>& out, uint64_t base, uint64_t& nextOp) {
                      if (lowering_.lowered() >= lowering_.ops()) return false;
                      const size_t before = out.size();
                      const size_t first = lowering_.lowerNext(out, base);
                      std::vector<uint64_t> per(lowering_.lowered() - first, 0);
                      for (size_t k = before; k < out.size(); ++k) ++per[out[k].layer - first];
                      for (size_t l = 0; l < per.size(); ++l) accounting_.lowered(first + l, per[l]);
                      nextOp = lowering_.lowered();
                      return true;
                  }),
      timeline_(opts.timelinePath, spec_.fabricMhz, timelineLevel(trace.ops.size())),
      wdma_("dma_weight_engine", dmaSetup(cfg, sched_, mem_.get()), result.stats),
      adma_("dma_activation_engine", dmaSetup(cfg, sched_, mem_.get()), result.stats),
      zss_("zss", lowering_.machine(), dispatcher_, clock_,
           [this](uint64_t, const program::Command& c, uint32_t u, uint64_t s, uint64_t e) { onDone(c, u, s, e); }),
      peakBusy_(spec_.groups.size(), 0),
      progress_(opts.progress) {
    clock_.mhz = spec_.fabricMhz;
    if (mem_) {
        wdma_.socket.bind(mem_->nmu());
        adma_.socket.bind(mem_->nmu());
    } else {
        wdma_.socket.bind(nullW_->socket);
        adma_.socket.bind(nullA_->socket);
    }
    const program::Machine& m = lowering_.machine();
    for (uint32_t u = 0; u < m.units.size(); ++u) {
        CommandUnit::Transfer t;
        if (m.units[u].kind == UnitKind::DmaWeight) t = [this](const program::Command& c, uint64_t) { return transfer(wdma_, c); };
        if (m.units[u].kind == UnitKind::DmaActivation) t = [this](const program::Command& c, uint64_t) { return transfer(adma_, c); };
        // Exact and sampled DMA wait through the NoC/HBM (sampled: inside windows; outside, for the reused cycles).
        const bool blocking = t && mem_ && sched_.dmaMode != timing::ScheduleSpec::DmaMode::Memoized;
        units_.push_back(std::make_unique<CommandUnit>(m.units[u].name.c_str(), m, u, clock_, t, blocking));
        if (blocking) zss_.syncEveryCycle();
        (*zss_.sockets[u]).bind(units_.back()->socket);
    }
    for (const workload::Operator& op : trace.ops) blocksPerStep_ = std::max<uint64_t>(blocksPerStep_, op.block + 1);
    if (sched_.dmaMode == timing::ScheduleSpec::DmaMode::Sampled) opKind_ = shapeIds(trace);
    zss_.beforeStart([this] { presample(); });
    result_.layers.reserve(trace.ops.size());
    result_.activity.windowCycles =
        std::max<uint64_t>(1, uint64_t(cfg.root()["power"].real("window_us") * spec_.fabricMhz + 0.5));
    workload::TokenGrid grid;
    uint64_t batch = 1;
    const auto video = trace.header.fields.find("video");
    if (workload::gridFromHeader(trace.header.fields, grid, batch) && video->contains("frames"))
        result_.videoFrames = (*video)["frames"].get<uint64_t>();
}

uint64_t Accelerator::transfer(Dma& dma, const program::Command& c) {
    const bool write = c.kind == program::CmdKind::StoreAct;
    if (sched_.dmaMode == timing::ScheduleSpec::DmaMode::Sampled && dma.memoizing()) {
        // Windows: one (step, block) in each group of k in trace order, its position rotating
        // from group to group so that alternating block kinds are all sampled (models/README.md).
        const workload::Operator& op = trace_.ops[c.layer];
        const uint64_t window = uint64_t(op.step) * blocksPerStep_ + op.block, k = sched_.dmaSampleEveryBlocks;
        const uint32_t kind = opKind_[c.layer];
        if (window % k != (window / k) % k) return dma.reused(c.bytes, write, kind);
        windows_.insert(window);
        return dma.sampledTransfer(c.address, c.bytes, write, c.op, window, kind);
    }
    if (dma.memoizing()) return dma.memoized(c.bytes, write);
    return dma.transfer(c.address, c.bytes, write, c.op);  // waits through the NoC/HBM (ideal: 0)
}

void Accelerator::presample() {
    // With memoize every transfer reuses a sample of its size class; the
    // memory then stays idle and refreshes (skipped in whole periods) until
    // the end. The run starts after the samples: their refreshes are not its.
    wdma_.presample(true, false);
    adma_.presample(true, true);
    if (!mem_ || sched_.dmaMode == timing::ScheduleSpec::DmaMode::Exact) return;
    refAtStart_[0] = mem_->hbm().commandsSoFar(memory::Command::REFab);
    refAtStart_[1] = mem_->hbm().commandsSoFar(memory::Command::REFpb);
}

void Accelerator::onDone(const program::Command& c, uint32_t u, uint64_t start, uint64_t end) {
    const program::UnitDesc& unit = lowering_.machine().units[u];
    if (unit.kind == UnitKind::DspGroup) {
        const timing::GroupSpec& g = spec_.groups[unit.group];
        peakBusy_[unit.group] += (end - start) * g.count * g.engine->peakMacsPerCycle(spec_.mode(g, c.precision));
        const size_t col = size_t(g.unit) * timing::kPrecisionCount + size_t(c.precision);
        result_.dspMacs[size_t(g.unit)][size_t(c.precision)] += c.macs;
        result_.activity.add(col, start, end, double(c.macs));
    } else {
        result_.activity.add(activityColumn(unit.kind), start, end, double(end - start));
    }
    result_.activity.add(stats::Activity::kAll, start, end, double(end - start));
    if (timeline_.enabled()) {
        const program::OpWork& w = lowering_.work(c.layer);
        timeline_.span(unit.name, timeline_.level() == Timeline::Level::Tile
                                      ? w.label + "." + program::toString(c.kind) + std::to_string(c.piece)
                                      : w.label,
                       w.block, start, end);
    }
    accounting_.done(c, unit.kind, start, end);  // may drop the operator's plan
}

}  // namespace vgm::models
