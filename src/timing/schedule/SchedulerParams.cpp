// Zero-skipping scheduler parameters (FlightVGM dynamic-static scheduling and
// the VN1752 variant's speculative look-ahead).
#include "config/Components.h"

namespace vgm::config {

void declareSchedulerParams(Section& root) {
    Section& s = root.section("scheduler", "Zero-skipping scheduler (ZSS): tiles of surviving rows to DSP groups");
    s.param("policy").oneOf({"static", "dynamic", "dynamic-static"}).defaultValue("dynamic-static").describe(
        "static = dense row tiles (a tile with any surviving row is computed whole) assigned round-robin to "
        "fixed groups, weights loaded on demand after the previous operator, weight_switch_cycles per change; "
        "dynamic = surviving rows packed into tiles, each tile to the least-loaded group that can run it "
        "(work_balance), weights on demand; dynamic-static = dynamic plus weight preloading (FlightVGM)");
    s.param("tile_rows").integer().withUnit("row").defaultValue(0).range(0, 1 << 20).describe(
        "Rows (tokens) per row tile the ZSS issues to the groups; 0 = no ZSS tiling: each GEMM is split "
        "over the groups by the DSP array itself (SCALE-Sim-comparable configs)");
    s.param("tile_cols").integer().withUnit("column").defaultValue(0).range(0, 1 << 20).describe(
        "Output columns per tile; 0 = the whole N of the operator in one column tile");
    s.param("weight_switch_cycles").integer().withUnit("cycle").defaultValue(32).range(0, 1 << 20).describe(
        "Cycles a group stalls to load another column tile's weights when they were not preloaded (assumed)");
    s.param("work_balance").boolean().defaultValue(true).describe(
        "dynamic, dynamic-static: a tile goes to the eligible group whose queued post-sparsity work plus the "
        "tile's own cycles there is least (the earliest finish; the DSP58 group takes FP16 tiles at half the "
        "DSP-E rate); false: to the group with the fewest queued tiles. static keeps its fixed assignment");
    s.param("lookahead").boolean().defaultValue(true).describe(
        "Speculative look-ahead: issue on the previous step's mask of the same operator, verify in parallel");
    s.param("replay_penalty_cycles").integer().withUnit("cycle").defaultValue(5).range(0, 1 << 20).describe(
        "Cycles added to each replayed row (a false positive: predicted skipped, needed), on top of computing it (VN1752 variant: 5-cycle penalty)");
    s.param("replay_batch_rows").integer().withUnit("row").defaultValue(32).range(1, 1 << 20).describe(
        "The ZSS gathers verified false positives of consecutive row pieces into one replay of at least this many "
        "rows (the operator's last may be smaller): a replay of a few rows costs a whole row fold on an "
        "output-stationary array, whose rows hold output rows (32 on the default 32x64 groups; assumed)");
    s.param("queue_depth").integer().withUnit("command").defaultValue(4).range(0, 1 << 16).describe(
        "Commands each unit's queue holds besides the one it runs; the ZSS counts credits and sends nothing "
        "to a full unit (one that gets a command anyway holds END_REQ back). Assumed: FlightLLM-style "
        "instruction FIFOs are a few entries deep");
    s.param("lookahead_ops").integer().withUnit("operator").defaultValue(8).range(1, 1 << 16).describe(
        "The ZSS's command window: it dispatches commands of operators up to this many past the oldest "
        "operator still running (weight preloading reaches this far ahead, buffers permitting)");
    s.param("attention_chunk_rows").integer().withUnit("row").defaultValue(512).range(1, 1 << 24).describe(
        "Query rows per attention chunk (heads/positions are packed until a chunk has this many rows, long "
        "sequences are cut into chunks of this many query rows); one QK^T, softmax and AV command each. "
        "Assumed: a few array heights, small enough that two score tiles fit the output buffer");
    Section& f = s.section("fusion", "Fusion and pipelining; each can be switched off for ablations");
    f.param("prologue").boolean().defaultValue(true).describe(
        "LayerNorm/modulate before a linear layer run per row tile, pipelined with the GEMM tiles (off: "
        "the whole tensor on the SFU between the operators)");
    f.param("epilogue").boolean().defaultValue(true).describe(
        "GELU/residual/gating after a linear layer run per row tile as the tiles leave the array (off: "
        "the whole tensor on the SFU after the operator)");
    f.param("online_softmax").boolean().defaultValue(true).describe(
        "Attention as QK^T -> softmax -> AV per chunk with the score tile kept in the output buffer (off: "
        "QK^T, softmax and AV as whole operators; scores that do not fit go to HBM and back)");
    f.param("qk_norm").boolean().defaultValue(true).describe(
        "q/k RMSNorm (and RoPE) run per attention chunk before QK^T (off: whole tensors on the SFU first)");
}

}  // namespace vgm::config
