// OpenSora 1.2 STDiT3-XL/2: adaLN-single (one t_block per forward), spatial and
// temporal blocks interleaved, each with self-attention, cross-attention to T5
// text and an MLP. Block b of the sequence is spatial for even b (as in the
// measured sparsity log).
#include "workload/DitModels.h"

namespace vgm::workload {

namespace {
BlockTemplate block(const DiTDims& d, uint64_t B, uint32_t T, uint64_t S, uint64_t L, bool temporal) {
    BlockTemplate t;
    t.name = temporal ? "temporal" : "spatial";
    OpList o(t);
    o.group("self_qkv", temporal ? "position:t2" : "frame:1x2");
    o.group("self_out", temporal ? "position:t2" : "frame:2x2");
    o.group("cross_q", "video:2x2");
    o.group("cross_out", "video:2x2");
    o.group("mlp", "video:2x2");
    uint64_t D = d.hidden, N = S * T, BN = B * N, H = d.heads, hd = d.headDim();
    o.rowwise(OpKind::LayerNorm, Role::Norm, BN, D);
    o.rowwise(OpKind::Modulate, Role::Norm, BN, D);
    o.linear(Role::Qkv, BN, D, 3 * D, "self_qkv");
    o.rowwise(OpKind::LayerNorm, Role::Norm, 2 * BN * H, hd);                        // q/k RMSNorm
    if (temporal) o.rowwise(OpKind::Modulate, Role::SelfAttention, 2 * BN * H, hd);  // RoPE on q and k
    if (temporal)
        o.attention(Role::SelfAttention, B * S * H, T, T, hd);
    else
        o.attention(Role::SelfAttention, B * T * H, S, S, hd);
    o.linear(Role::OutProj, BN, D, D, "self_out");
    o.rowwise(OpKind::Residual, Role::Other, BN, D);
    o.linear(Role::CrossQ, BN, D, D, "cross_q");
    o.linear(Role::CrossKv, B * L, D, 2 * D);
    o.attention(Role::CrossAttention, B * H, N, L, hd);
    o.linear(Role::CrossOut, BN, D, D, "cross_out");
    o.rowwise(OpKind::Residual, Role::Other, BN, D);
    o.rowwise(OpKind::LayerNorm, Role::Norm, BN, D);
    o.rowwise(OpKind::Modulate, Role::Norm, BN, D);
    o.linear(Role::Fc1, BN, D, d.mlpRatio * D, "mlp");
    o.rowwise(OpKind::Gelu, Role::Activation, BN, d.mlpRatio * D);
    o.linear(Role::Fc2, BN, d.mlpRatio * D, D, "mlp");
    o.rowwise(OpKind::Residual, Role::Other, BN, D);
    return t;
}
}  // namespace

void buildStdit3(TraceSpec& spec, const DiTDims& d, uint64_t B, uint32_t T, uint32_t H, uint32_t W, uint64_t L) {
    uint64_t S = uint64_t(H) * W, N = S * T, D = d.hidden;
    spec.header["params"] =
        Json{{"depth", d.depth},   {"hidden", D},      {"heads", d.heads},  {"mlp_ratio", d.mlpRatio},
             {"patch", {1, 2, 2}}, {"in_channels", 4}, {"out_channels", 8}, {"caption_channels", 4096}};
    BlockTemplate pre;
    pre.name = "embed";
    OpList o(pre);
    o.linear(Role::Embed, B * N, 4 * 1 * 2 * 2, D);  // 3-D patchify (1,2,2)
    for (int i = 0; i < 2; ++i) {                    // timestep and fps embedders
        o.linear(Role::Embed, B, 256, D);
        o.linear(Role::Embed, B, D, D);
    }
    o.linear(Role::TBlock, B, D, 6 * D);    // adaLN-single
    o.linear(Role::Embed, B * L, 4096, D);  // caption projection of T5 features
    o.rowwise(OpKind::Gelu, Role::Activation, B * L, D);
    o.linear(Role::Embed, B * L, D, D);
    spec.templates.push_back(pre);
    spec.templates.push_back(block(d, B, T, S, L, false));
    spec.templates.push_back(block(d, B, T, S, L, true));
    BlockTemplate fin;
    fin.name = "final";
    OpList f(fin);
    f.rowwise(OpKind::LayerNorm, Role::Norm, B * N, D);
    f.rowwise(OpKind::Modulate, Role::Norm, B * N, D);
    f.linear(Role::Final, B * N, D, 1 * 2 * 2 * 8);
    spec.templates.push_back(fin);
    spec.sequence.push_back({"embed", 0});
    for (uint32_t b = 0; b < 2 * d.depth; ++b) spec.sequence.push_back({b % 2 ? "temporal" : "spatial", b});
    spec.sequence.push_back({"final", static_cast<uint32_t>(2 * d.depth - 1)});
}

}  // namespace vgm::workload
