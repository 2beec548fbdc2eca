#include "gpu/PipelineStages.h"

#include "workload/TraceGeometry.h"

namespace vgm::gpu {

using workload::Operator;
using workload::OpKind;
using workload::Role;

namespace {
// Appends operators with a running block index (the kernel names use it).
struct Builder {
    std::vector<Operator>& ops;
    uint32_t layer = 0;

    void linear(Role role, uint64_t m, uint64_t k, uint64_t n) {
        Operator o;
        o.kind = OpKind::Linear, o.role = role, o.block = layer;
        o.m = m, o.k = k, o.n = n;
        o.inputElems = m * k, o.weightElems = k * n, o.outputElems = m * n;
        ops.push_back(o);
    }
    // Convolution as an implicit GEMM: positions x (taps*cin) x cout; the input is read once.
    void conv(uint64_t positions, uint64_t taps, uint64_t cin, uint64_t cout) {
        Operator o;
        o.kind = OpKind::Linear, o.role = Role::Other, o.block = layer;
        o.m = positions, o.k = taps * cin, o.n = cout;
        o.inputElems = positions * cin, o.weightElems = taps * cin * cout, o.outputElems = positions * cout;
        ops.push_back(o);
    }
    void rowwise(OpKind kind, Role role, uint64_t rows, uint64_t width, uint64_t inFactor = 1) {
        Operator o;
        o.kind = kind, o.role = role, o.block = layer;
        o.m = rows, o.k = 1, o.n = width;
        o.inputElems = rows * width * inFactor, o.outputElems = rows * width;
        ops.push_back(o);
    }
    void attention(Role role, uint64_t batch, uint64_t mq, uint64_t mk, uint64_t d) {
        Operator qk;
        qk.kind = OpKind::AttentionQK, qk.role = role, qk.block = layer;
        qk.m = mq, qk.k = d, qk.n = mk, qk.batch = batch;
        qk.inputElems = batch * (mq + mk) * d, qk.outputElems = batch * mq * mk;
        ops.push_back(qk);
        rowwise(OpKind::Softmax, role, batch * mq, mk);
        Operator av = qk;
        av.kind = OpKind::AttentionAV;
        av.m = mq, av.k = mk, av.n = d;
        av.inputElems = batch * mq * mk + batch * mk * d, av.outputElems = batch * mq * d;
        ops.push_back(av);
    }
    // GroupNorm + SiLU, conv, GroupNorm + SiLU, conv, (1x1 shortcut), residual add.
    void resnet(uint64_t positions, uint64_t taps, uint64_t cin, uint64_t cout) {
        rowwise(OpKind::LayerNorm, Role::Norm, positions, cin);
        rowwise(OpKind::Gelu, Role::Activation, positions, cin);
        conv(positions, taps, cin, cout);
        rowwise(OpKind::LayerNorm, Role::Norm, positions, cout);
        rowwise(OpKind::Gelu, Role::Activation, positions, cout);
        conv(positions, taps, cout, cout);
        if (cin != cout) conv(positions, 1, cin, cout);
        rowwise(OpKind::Residual, Role::Other, positions, cout, 2);
        ++layer;
    }
};
}  // namespace

StageOps t5EncoderOps(uint64_t L) {
    // T5 v1.1 XXL: 24 layers, d_model 4096, 64 heads of 64, gated-GELU FFN of 10240.
    const uint64_t D = 4096, H = 64, dk = 64, F = 10240;
    StageOps s;
    Builder b{s.ops};
    b.rowwise(OpKind::Embed, Role::Embed, L, D);
    for (int l = 0; l < 24; ++l) {
        b.rowwise(OpKind::LayerNorm, Role::Norm, L, D);
        for (Role r : {Role::Qkv, Role::Qkv, Role::Qkv}) b.linear(r, L, D, H * dk);
        b.attention(Role::SelfAttention, H, L, L, dk);
        b.linear(Role::OutProj, L, H * dk, D);
        b.rowwise(OpKind::Residual, Role::Other, L, D, 2);
        b.rowwise(OpKind::LayerNorm, Role::Norm, L, D);
        b.linear(Role::Fc1, L, D, F);  // wi_0
        b.linear(Role::Fc1, L, D, F);  // wi_1
        b.rowwise(OpKind::Gelu, Role::Activation, L, F);
        b.rowwise(OpKind::Modulate, Role::Activation, L, F, 2);  // gate product
        b.linear(Role::Fc2, L, F, D);
        b.rowwise(OpKind::Residual, Role::Other, L, D, 2);
        ++b.layer;
    }
    b.rowwise(OpKind::LayerNorm, Role::Norm, L, D);
    s.note =
        "T5 v1.1 XXL encoder (24 layers, d_model 4096, FFN 10240), " + std::to_string(L) + " tokens, batch 1, FP16";
    return s;
}

void appendSpatialDecoder(std::vector<Operator>& ops, uint64_t h, uint64_t w) {
    // SD(-XL) VAE decoder: conv_in 4->512, mid (resnet, 1-head attention over h*w, resnet),
    // up levels of 3 resnets at 512, 512, 256, 128 channels with nearest x2 + conv between.
    Builder b{ops};
    uint64_t P = h * w;
    b.conv(P, 9, 4, 512);
    b.resnet(P, 9, 512, 512);
    b.rowwise(OpKind::LayerNorm, Role::Norm, P, 512);
    for (int i = 0; i < 3; ++i) b.linear(Role::Qkv, P, 512, 512);
    b.attention(Role::SelfAttention, 1, P, P, 512);
    b.linear(Role::OutProj, P, 512, 512);
    b.rowwise(OpKind::Residual, Role::Other, P, 512, 2);
    b.resnet(P, 9, 512, 512);
    const uint64_t channels[4] = {512, 512, 256, 128};
    uint64_t c = 512;
    for (int level = 0; level < 4; ++level) {
        for (int r = 0; r < 3; ++r) {
            b.resnet(P, 9, c, channels[level]);
            c = channels[level];
        }
        if (level < 3) {
            b.rowwise(OpKind::Modulate, Role::Other, 4 * P, c);  // nearest x2 upsample (a copy)
            P *= 4;
            b.conv(P, 9, c, c);
        }
    }
    b.rowwise(OpKind::LayerNorm, Role::Norm, P, c);
    b.rowwise(OpKind::Gelu, Role::Activation, P, c);
    b.conv(P, 9, c, 3);
}

namespace {
// OpenSora 1.2 temporal VAE decoder (VAE_Temporal_SD: filters 128, multipliers 1,2,2,4,
// 4 res blocks per level, time x2 at the two top levels), causal 3x3x3 convs on the
// SD latent grid; T latent frames -> 2T -> 4T.
void appendTemporalDecoder(std::vector<Operator>& ops, uint64_t T, uint64_t h, uint64_t w) {
    Builder b{ops};
    const uint64_t P = h * w;
    uint64_t t = T, c = 512;
    b.conv(P * t, 27, 4, c);
    for (int r = 0; r < 4; ++r) b.resnet(P * t, 27, c, c);
    const uint64_t mult[4] = {1, 2, 2, 4};
    for (int i = 3; i >= 0; --i) {
        const uint64_t f = 128 * mult[i];
        for (int r = 0; r < 4; ++r) {
            b.resnet(P * t, 27, c, f);
            c = f;
        }
        if (i == 3 || i == 2) {  // temporal_downsample (False, True, True), read backwards
            b.conv(P * t, 27, c, 2 * c);
            t *= 2;
        }
    }
    b.rowwise(OpKind::LayerNorm, Role::Norm, P * t, c);
    b.rowwise(OpKind::Gelu, Role::Activation, P * t, c);
    b.conv(P * t, 27, c, 4);
}
}  // namespace

StageOps textEncoderStage(const workload::Trace& trace) {
    const Json& h = trace.header.fields;
    if (!h.contains("text_tokens") || !h["text_tokens"].is_number_unsigned()) {
        StageOps s;
        s.note = "not part of " + trace.header.model + " (no text_tokens in the trace)";
        return s;
    }
    return t5EncoderOps(h["text_tokens"].get<uint64_t>());
}

StageOps vaeDecodeStage(const workload::Trace& trace) {
    StageOps s;
    workload::TokenGrid grid;
    uint64_t batch = 0;
    if (!workload::gridFromHeader(trace.header.fields, grid, batch)) {
        s.note = "not applicable (the trace has no video latent grid)";
        return s;
    }
    const uint64_t h = uint64_t(grid.height) * 2, w = uint64_t(grid.width) * 2;  // 2x2 patch -> VAE latent
    const uint64_t frames = trace.header.fields["video"]["frames"].get<uint64_t>();
    const bool temporal = trace.header.model == "stdit3-xl-2";
    if (temporal) appendTemporalDecoder(s.ops, grid.frames, h, w);
    for (uint64_t f = 0; f < frames; ++f) appendSpatialDecoder(s.ops, h, w);
    s.note = std::string(temporal ? "OpenSora 1.2 VAE: temporal decoder over " + std::to_string(grid.frames) +
                                        " latent frames, then "
                                  : "") +
             "SD VAE decoder for " + std::to_string(frames) + " frames of " + std::to_string(8 * h) + "x" +
             std::to_string(8 * w) + " pixels, batch 1, FP16";
    return s;
}

}  // namespace vgm::gpu
