// Every GPU preset parameter, declared once. Defaults are the A100 80GB SXM:
// the GPU the kernel measurements in the reference data were taken on.
#include "gpu/GpuSpec.h"

namespace vgm::gpu {

namespace {
void declareDevice(config::Section& root) {
    root.param("name").string().defaultValue("").describe("GPU name used in reports; empty means the file name");
    root.param("description").string().defaultValue("").describe("Free text: which board and software stack");
    root.param("basis").string().defaultValue("").describe(
        "Where this preset's figures come from (datasheets, kernel measurements, assumptions)");
    config::Section& c = root.section("compute", "Tensor-core peaks (dense, no structured sparsity)");
    c.param("tensor_tflops")
        .real()
        .withUnit("TFLOPS")
        .defaultValue(312.0)
        .range(0.1, 1e5)
        .describe(
            "FP16/BF16 tensor peak at the accumulate precision PyTorch uses (FP32 accumulate: half rate on GeForce). "
            "Basis: NVIDIA datasheet");
    c.param("int8_tops")
        .real()
        .withUnit("TOPS")
        .defaultValue(624.0)
        .range(0.1, 1e5)
        .describe("INT8 tensor peak, used only when kernels.linear_precision = int8. Basis: NVIDIA datasheet");
    c.param("sms").integer().withUnit("SMs").defaultValue(108).range(1, 1024).describe(
        "Streaming multiprocessors: thread blocks run in waves of this many (wave quantisation). Basis: datasheet");
    config::Section& m = root.section("memory", "Device memory");
    m.param("bandwidth_gbs")
        .real()
        .withUnit("GB/s")
        .defaultValue(2039.0)
        .range(1, 1e5)
        .describe("Peak DRAM bandwidth (10^9 B/s). Basis: NVIDIA datasheet");
}

void declareKernels(config::Section& root) {
    config::Section& k = root.section("kernels", "Kernel efficiencies and fixed costs (PyTorch eager, FP16)");
    k.param("gemm_efficiency")
        .real()
        .defaultValue(0.90)
        .range(0.01, 1)
        .describe(
            "Fraction of tensor peak a GEMM reaches on full waves of whole tiles. Basis: A100 cuBLAS "
            "4096x12288x12288 at 89% and 8192x4096x4096 at 86% of peak (reference kernel table)");
    k.param("gemm_tile_m")
        .integer()
        .withUnit("rows")
        .defaultValue(128)
        .range(1, 1024)
        .describe(
            "GEMM thread-block tile rows: M is padded to it (a 64-row GEMM uses half a tile). Basis: cuBLAS's "
            "common 128x128 FP16 tile");
    k.param("gemm_tile_n")
        .integer()
        .withUnit("columns")
        .defaultValue(128)
        .range(1, 1024)
        .describe("GEMM thread-block tile columns: N is padded to it. Basis: as gemm_tile_m");
    k.param("memory_efficiency")
        .real()
        .defaultValue(0.84)
        .range(0.01, 1)
        .describe(
            "Fraction of peak bandwidth a streaming kernel achieves. Basis: A100 LayerNorm 32768x4096 (76%), "
            "4096x4096 (41%), GELU 2^29 (77%) and the memory-bound 64x12288x12288 GEMM, each with its fixed "
            "cost added (src/gpu/README.md)");
    k.param("attention_efficiency")
        .real()
        .defaultValue(0.60)
        .range(0.01, 1)
        .describe(
            "Fraction of tensor peak a fused FlashAttention forward reaches on whole tiles of its padded head "
            "dim. Basis: FlashAttention-2 forward 50-73% on A100 (middle of the range); ~35% on H100");
    k.param("attention_block_q")
        .integer()
        .withUnit("rows")
        .defaultValue(128)
        .range(1, 1024)
        .describe(
            "Query rows per FlashAttention thread block: query length is padded to it. Basis: FlashAttention-2 "
            "forward tile");
    k.param("attention_block_kv")
        .integer()
        .withUnit("rows")
        .defaultValue(64)
        .range(1, 1024)
        .describe(
            "Key/value rows per FlashAttention inner step: key length is padded to it. Basis: FlashAttention-2 "
            "forward tile for head dim 96");
    k.param("attention_head_dim_step")
        .integer()
        .withUnit("elements")
        .defaultValue(32)
        .range(1, 256)
        .describe(
            "Head dims are padded to a multiple of this (72 runs in the 96-wide kernel: 75% useful). Basis: "
            "FlashAttention-2 kernel instantiations 32, 64, 96, 128, ...");
    k.param("fused_attention")
        .boolean()
        .defaultValue(true)
        .describe(
            "true: QK^T, softmax and AV run as one FlashAttention kernel; false: two batched GEMMs and a "
            "memory-bound softmax through DRAM");
    k.param("fuse_elementwise")
        .boolean()
        .defaultValue(false)
        .describe(
            "Fold an element-wise op (GELU, residual add, modulate) that directly follows a linear layer of the "
            "same output shape into that GEMM's epilogue (torch.compile-style); false = PyTorch eager");
    k.param("linear_precision")
        .oneOf({"fp16", "int8"})
        .defaultValue("fp16")
        .describe(
            "Precision of linear layers: fp16 (the published GPU baselines) or int8 (INT8 peak, 1-byte "
            "operands); attention stays FP16");
    config::Section& f = k.section("fixed_us", "Per-kernel fixed cost in PyTorch eager (launch + framework)");
    f.param("gemm").real().withUnit("us").defaultValue(21.0).range(0, 1e6).describe(
        "Per matmul. Basis: measured on A100 (reference); host-side, assumed the same on every GPU");
    f.param("attention")
        .real()
        .withUnit("us")
        .defaultValue(21.0)
        .range(0, 1e6)
        .describe("Per fused attention kernel. Basis: assumed equal to a matmul (one kernel launch)");
    f.param("softmax").real().withUnit("us").defaultValue(12.0).range(0, 1e6).describe(
        "Per softmax (unfused attention only). Basis: measured on A100 (reference)");
    f.param("norm").real().withUnit("us").defaultValue(45.0).range(0, 1e6).describe(
        "Per LayerNorm/RMSNorm/GroupNorm. Basis: measured on A100 (reference)");
    f.param("elementwise")
        .real()
        .withUnit("us")
        .defaultValue(45.0)
        .range(0, 1e6)
        .describe(
            "Per element-wise op (GELU, SiLU, modulate, residual, embedding). Basis: GELU measured on A100 "
            "(reference)");
}

void declarePower(config::Section& root) {
    config::Section& p = root.section("power", "Board power: P = idle + (board - idle) x activity");
    p.param("board_w").real().withUnit("W").defaultValue(400.0).range(1, 5000).describe(
        "Board power limit (TGP/TDP), reached by a saturating kernel. Basis: NVIDIA datasheet");
    p.param("idle_w").real().withUnit("W").defaultValue(60.0).range(0, 5000).describe(
        "Power with clocks up and no kernel running (between kernels, during fixed costs). Assumed: "
        "typical nvidia-smi reading at P0 without load");
    p.param("compute_util_at_board_power")
        .real()
        .defaultValue(0.80)
        .range(0.01, 1)
        .describe(
            "Tensor utilisation at which a kernel reaches board power (activity = util / this, capped at 1). "
            "Assumed: large GEMMs run at the power limit");
    p.param("memory_power_weight")
        .real()
        .defaultValue(0.60)
        .range(0, 1)
        .describe(
            "Activity of a kernel streaming at full peak bandwidth (scaled by its bandwidth utilisation). "
            "Assumed: DRAM-bound kernels draw about 60% of the dynamic range");
}
}  // namespace

const config::Section& gpuSchema() {
    static const config::Section root = [] {
        config::Section s;
        s.desc = "GPU baseline preset (configs/gpu/*.json)";
        declareDevice(s);
        declareKernels(s);
        declarePower(s);
        return s;
    }();
    return root;
}

}  // namespace vgm::gpu
