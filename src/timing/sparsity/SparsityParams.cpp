// Sparsity unit (SU) and recovery unit (RU) parameters. The GPU artifact's
// thresholds (FACTS.md) are the defaults; G, K and the SU datapath are not
// public and are assumed.
#include "config/Components.h"

namespace vgm::config {

void declareSparsityParams(Section& root) {
    Section& s = root.section("sparsity", "Time-space activation sparsity: SU detection, RU recovery");
    s.param("enabled").boolean().defaultValue(false).describe(
        "true = the SU examines the tokens of the roles below and skipped rows are not computed; "
        "false (default, a plain accelerator) = every token is computed, trace masks ignored, no SU/RU");
    s.param("detector").oneOf({"paper", "artifact"}).defaultValue("paper").describe(
        "SU detection algorithm. paper (default; FlightVGM paper): G-frame groups with the middle frame as "
        "reference, then K-token blocks with the middle token as reference, a pruned token has similarity 0; "
        "3d MACs per candidate. artifact (the authors' GPU code, sparse_engine.py): windows of block_tokens "
        "tokens with a random reference each, every other token matched against all references of its frame "
        "(global best match), the first frame's count above threshold skipped in every frame; refs x candidates "
        "comparisons per frame. artifact detects online only (traces carrying activations)");
    s.param("group_frames").integer().withUnit("frame").defaultValue(3).range(1, 1024).describe(
        "Inter-frame: frames per group G; the middle frame (index G/2) is the reference (assumed 3)");
    s.param("block_tokens").integer().withUnit("token").defaultValue(4).range(1, 1 << 20).describe(
        "Intra-frame: tokens per block K; the middle token (index K/2) is the reference (assumed 4)");
    s.param("overlap").boolean().defaultValue(true).describe(
        "true = the SU examines an operator's tokens while the DSP array runs the previous operator; "
        "false = in series before the operator");
    Section& t = s.section("threshold", "Cosine-similarity threshold per operator role: skip when similarity > value");
    struct R { const char* role; double v; const char* src; };
    const R roles[] = {{"qkv", 0.92, "GPU artifact, spatial QKV"},       {"out_proj", 0.90, "GPU artifact"},
                       {"cross_q", 0.95, "GPU artifact"},                  {"cross_out", 0.98, "GPU artifact"},
                       {"fc1", 0.75, "GPU artifact MLP, step 0 value"},   {"fc2", 0.75, "follows fc1 (same tokens)"}};
    for (const R& r : roles)
        t.param(r.role).real().defaultValue(r.v).range(-1, 1).describe(std::string("Threshold for ") + r.role +
                                                                        " (" + r.src + ")");
    Section& su = s.section("su", "Sparsification unit datapath");
    su.param("lanes").integer().withUnit("MAC/cycle").defaultValue(64).range(1, 65536).describe(
        "Multiply-add lanes; a token needs 3d MACs (dot product and two norms) (assumed 64)");
    su.param("precision").oneOf({"int8", "fp16"}).defaultValue("fp16").describe(
        "Element precision the SU reads and multiplies (1 or 2 bytes per element)");
    su.param("read_bytes_per_cycle").integer().withUnit("B/cycle").defaultValue(64).range(1, 65536).describe(
        "Activation buffer read port of the SU (assumed one 512-bit port)");
    su.param("pipeline_depth").integer().withUnit("cycle").defaultValue(12).range(0, 100000).describe(
        "Cycles from a token's last MAC to its compare result (adder tree + squared compare; assumed)");
    Section& ru = s.section("ru", "Recovery unit: gives skipped rows their reference's output");
    ru.param("model").oneOf({"broadcast", "copy", "index"}).defaultValue("broadcast").describe(
        "broadcast (default; the paper calls recovery low-overhead: the reference row is written into the "
        "skipped rows' slots as it leaves the array, no read) | copy (read the reference row back from the "
        "output buffer and write it, bytes_per_cycle per beat) | index (no copy: one index-table entry per "
        "skipped row, the consumer reads through the table)");
    ru.param("bytes_per_cycle").integer().withUnit("B/cycle").defaultValue(64).range(1, 65536).describe(
        "copy: output buffer copy bandwidth; a row copy never shares a cycle with another row (assumed 64)");
    ru.param("write_bytes_per_cycle").integer().withUnit("B/cycle").defaultValue(256).range(1, 65536).describe(
        "broadcast: output buffer write width (assumed 256 B: one 128-column FP16 slice of the array's output)");
    ru.param("index_entry_cycles").integer().withUnit("cycle").defaultValue(1).range(0, 1024).describe(
        "index: cycles to write one 4-byte index-table entry; the consumer's lookup is in its address "
        "generation (assumed 1)");
    ru.param("latency").integer().withUnit("cycle").defaultValue(2).range(0, 100000).describe(
        "Read-to-write latency of the copy path, paid once per operator (assumed)");
}

}  // namespace vgm::config
