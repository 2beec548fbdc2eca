#include "gpu/GpuKernels.h"

#include <algorithm>
#include <cmath>

namespace vgm::gpu {

using workload::Operator;
using workload::OpKind;

const char* toString(KernelKind k) {
    switch (k) {
        case KernelKind::Gemm:
            return "gemm";
        case KernelKind::Attention:
            return "attention";
        case KernelKind::Softmax:
            return "softmax";
        case KernelKind::Norm:
            return "norm";
        case KernelKind::Elementwise:
            return "elementwise";
    }
    return "?";
}

namespace {
constexpr double kFp16Bytes = 2.0;

uint64_t ceilDiv(uint64_t a, uint64_t b) {
    return (a + b - 1) / b;
}

std::string nameOf(const Operator& op) {
    return op.label() + "." + workload::toString(op.kind);
}

bool isElementwise(OpKind k) {
    return k == OpKind::Gelu || k == OpKind::Modulate || k == OpKind::Residual;
}

KernelWork gemm(const Operator& op, const GpuSpec& gpu) {
    KernelWork w;
    w.kind = KernelKind::Gemm;
    w.name = nameOf(op);
    w.m = op.m, w.k = op.k, w.n = op.n, w.batch = op.batch;
    w.int8 = op.kind == OpKind::Linear && gpu.linearPrecision == LinearPrecision::Int8;
    const double in = w.int8 ? 1.0 : kFp16Bytes;
    w.bytes = in * double(op.inputElems + op.weightElems) + kFp16Bytes * double(op.outputElems);
    return w;
}

KernelWork streaming(const Operator& op, KernelKind kind) {
    KernelWork w;
    w.kind = kind;
    w.name = nameOf(op);
    w.m = op.m, w.k = 1, w.n = op.n;
    w.bytes = kFp16Bytes * double(op.inputElems + op.outputElems);
    return w;
}

// QK^T, softmax, AV of one attention -> one FlashAttention kernel: Q, K, V read
// once (K/V re-reads across query blocks hit L2), O written once.
KernelWork flash(const Operator& qk, const Operator& av) {
    KernelWork w;
    w.kind = KernelKind::Attention;
    w.name = nameOf(qk).substr(0, nameOf(qk).rfind('.')) + ".flash_attention";
    w.ops = 3;
    w.batch = qk.batch, w.m = qk.m, w.n = qk.n, w.k = qk.k;
    const double v = double(qk.batch) * double(qk.n) * double(qk.k);
    w.bytes = kFp16Bytes * (double(qk.inputElems) + v + double(av.outputElems));
    return w;
}

bool isAttentionTriple(const std::vector<Operator>& ops, size_t i) {
    if (i + 2 >= ops.size()) return false;
    const Operator &qk = ops[i], &sm = ops[i + 1], &av = ops[i + 2];
    return qk.kind == OpKind::AttentionQK && sm.kind == OpKind::Softmax && av.kind == OpKind::AttentionAV &&
           qk.batch == av.batch && qk.m == av.m && qk.n == av.k && qk.k == av.n;
}
}  // namespace

std::vector<KernelWork> planKernels(const std::vector<Operator>& ops, const GpuSpec& gpu) {
    std::vector<KernelWork> out;
    out.reserve(ops.size());
    for (size_t i = 0; i < ops.size(); ++i) {
        const Operator& op = ops[i];
        if (gpu.fusedAttention && isAttentionTriple(ops, i)) {
            out.push_back(flash(op, ops[i + 2]));
            i += 2;
            continue;
        }
        switch (op.kind) {
            case OpKind::Linear: {
                KernelWork w = gemm(op, gpu);
                // Epilogue fusion: the element-wise op reads the GEMM result from registers; a
                // residual add still reads its other operand.
                while (gpu.fuseElementwise && i + 1 < ops.size() && isElementwise(ops[i + 1].kind) &&
                       ops[i + 1].m * ops[i + 1].n == op.m * op.n) {
                    const Operator& e = ops[++i];
                    if (e.kind == OpKind::Residual) w.bytes += kFp16Bytes * double(e.m * e.n);
                    w.name += std::string("+") + workload::toString(e.kind);
                    ++w.ops;
                }
                out.push_back(w);
                break;
            }
            case OpKind::AttentionQK:
            case OpKind::AttentionAV:
                out.push_back(gemm(op, gpu));
                break;
            case OpKind::Softmax:
                out.push_back(streaming(op, KernelKind::Softmax));
                break;
            case OpKind::LayerNorm:
                out.push_back(streaming(op, KernelKind::Norm));
                break;
            case OpKind::Gelu:
            case OpKind::Modulate:
            case OpKind::Residual:
            case OpKind::Embed:
                out.push_back(streaming(op, KernelKind::Elementwise));
                break;
        }
    }
    return out;
}

Kernel costKernel(const KernelWork& w, const GpuSpec& gpu) {
    Kernel k;
    k.work = w;
    const double peak = (w.int8 ? gpu.int8Tops : gpu.tensorTflops) * 1e12;  // FLOP/s (2 per MAC)
    const double perSm = peak / gpu.sms;
    const double m = double(w.m), n = double(w.n), kk = double(w.k), b = double(w.batch);
    switch (w.kind) {
        case KernelKind::Gemm: {
            // Thread blocks of tm x tn output tiles run in waves over the SMs; a partial
            // tile or a partial wave costs as much as a full one.
            k.flops = 2.0 * m * kk * n * b;
            const uint64_t tiles = ceilDiv(w.m, gpu.gemmTileM) * ceilDiv(w.n, gpu.gemmTileN) * w.batch;
            const double waves = double(ceilDiv(tiles, gpu.sms));
            const double tileFlops = 2.0 * gpu.gemmTileM * gpu.gemmTileN * kk;
            k.computeS = waves * tileFlops / (perSm * gpu.gemmEfficiency);
            k.fixedS = gpu.fixedGemmS;
            break;
        }
        case KernelKind::Attention: {
            // One thread block per query block of one (batch, head); keys padded to the
            // inner block, head dim to the kernel's width.
            k.flops = 4.0 * b * m * n * kk;
            const uint64_t ctas = ceilDiv(w.m, gpu.attnBlockQ) * w.batch;
            const double waves = double(ceilDiv(ctas, gpu.sms));
            const double kp = double(ceilDiv(w.n, gpu.attnBlockKv) * gpu.attnBlockKv);
            const double dp = double(ceilDiv(w.k, gpu.attnHeadDimStep) * gpu.attnHeadDimStep);
            k.computeS = waves * 4.0 * gpu.attnBlockQ * kp * dp / (perSm * gpu.attentionEfficiency);
            k.fixedS = gpu.fixedAttentionS;
            break;
        }
        case KernelKind::Softmax:
            k.fixedS = gpu.fixedSoftmaxS;
            break;
        case KernelKind::Norm:
            k.fixedS = gpu.fixedNormS;
            break;
        case KernelKind::Elementwise:
            k.fixedS = gpu.fixedElementwiseS;
            break;
    }
    const double bw = gpu.bandwidthGBs * 1e9;
    k.memoryS = w.bytes / (bw * gpu.memoryEfficiency);
    const double busy = std::max(k.computeS, k.memoryS);
    k.timeS = busy + k.fixedS;
    double activity = 0;
    if (busy > 0) {
        const double uc = k.flops / (busy * peak), um = w.bytes / (busy * bw);
        activity = std::min(1.0, uc / gpu.computeUtilAtBoardPower + gpu.memoryPowerWeight * um);
    }
    k.powerW = gpu.idlePowerW + (gpu.boardPowerW - gpu.idlePowerW) * activity;
    k.energyJ = k.powerW * busy + gpu.idlePowerW * k.fixedS;
    return k;
}

}  // namespace vgm::gpu
