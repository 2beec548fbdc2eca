#include "timing/schedule/ScheduleSpec.h"

namespace vgm::timing {

ScheduleSpec ScheduleSpec::fromConfig(const config::Config& cfg) {
    const config::View s = cfg.root()["scheduler"];
    ScheduleSpec sp;
    sp.policy = s.str("policy");
    sp.tileRows = s.count("tile_rows");
    sp.tileCols = s.count("tile_cols");
    sp.weightSwitchCycles = s.count("weight_switch_cycles");
    sp.lookahead = s.boolean("lookahead");
    sp.workBalance = s.boolean("work_balance");
    sp.replayPenalty = s.count("replay_penalty_cycles");
    sp.replayBatchRows = s.count("replay_batch_rows");
    sp.queueDepth = s.count("queue_depth");
    sp.lookaheadOps = s.count("lookahead_ops");
    sp.attentionChunkRows = s.count("attention_chunk_rows");
    const config::View f = s["fusion"];
    sp.fusePrologue = f.boolean("prologue");
    sp.fuseEpilogue = f.boolean("epilogue");
    sp.onlineSoftmax = f.boolean("online_softmax");
    sp.fuseQkNorm = f.boolean("qk_norm");
    const config::View b = cfg.root()["buffers"];
    auto buf = [&](const char* key) { return BufferSpec{b[key].count("uram"), b[key].count("bram36")}; };
    sp.weight = buf("weight");
    sp.activation = buf("activation");
    sp.output = buf("output");
    sp.doubleBuffering = b.boolean("double_buffering");
    const config::View d = cfg.root()["dma"];
    sp.dmaTransactionBytes = d.count("transaction_bytes");
    sp.dmaOutstanding = d.count("outstanding");
    const std::string mode = d.str("mode");
    sp.dmaMode = mode == "exact" ? ScheduleSpec::DmaMode::Exact
                 : mode == "sampled" ? ScheduleSpec::DmaMode::Sampled
                                     : ScheduleSpec::DmaMode::Memoized;
    if (!d.boolean("memoize")) {  // the old switch: false = exact
        if (sp.dmaMode == ScheduleSpec::DmaMode::Sampled)
            d.fail("memoize", "false (exact) contradicts dma.mode = sampled; set only dma.mode (memoized, sampled or exact)");
        sp.dmaMode = ScheduleSpec::DmaMode::Exact;
    }
    sp.dmaSampleEveryBlocks = d.count("sample_every_blocks");
    sp.dmaSampleBytes = d.count("sample_bytes");
    if (sp.weight.bytes() == 0) b.fail("weight", "the weight buffer needs at least one URAM or BRAM36");
    if (sp.output.bytes() == 0) b.fail("output", "the output buffer needs at least one URAM or BRAM36");
    if (sp.activation.bytes() == 0) b.fail("activation", "the activation buffer needs at least one URAM or BRAM36");
    return sp;
}

}  // namespace vgm::timing
