// DiT-XL/2 (image, or video with full attention as in OpenSora v1.0) and
// Latte-XL/2 (alternating spatial/temporal blocks): adaLN-Zero blocks.
#include "workload/DitModels.h"

#include "workload/ModelBuilder.h"

namespace vgm::workload {

namespace {
// One adaLN-Zero block; attention over `batch` groups of `len` tokens.
BlockTemplate ditBlock(const std::string& name, const DiTDims& d, uint64_t B, uint64_t N, uint64_t attnGroups,
                       uint64_t attnLen, const std::string& window) {
    BlockTemplate t;
    t.name = name;
    OpList o(t);
    for (const char* g : {"qkv", "out", "fc1", "fc2"}) o.group(g, window);
    uint64_t D = d.hidden, BN = B * N;
    o.linear(Role::Adaln, B, D, 6 * D);
    o.rowwise(OpKind::LayerNorm, Role::Norm, BN, D);
    o.rowwise(OpKind::Modulate, Role::Norm, BN, D);
    o.linear(Role::Qkv, BN, D, 3 * D, "qkv");
    o.attention(Role::SelfAttention, attnGroups * d.heads, attnLen, attnLen, d.headDim());
    o.linear(Role::OutProj, BN, D, D, "out");
    o.rowwise(OpKind::Residual, Role::Other, BN, D);
    o.rowwise(OpKind::LayerNorm, Role::Norm, BN, D);
    o.rowwise(OpKind::Modulate, Role::Norm, BN, D);
    o.linear(Role::Fc1, BN, D, d.mlpRatio * D, "fc1");
    o.rowwise(OpKind::Gelu, Role::Activation, BN, d.mlpRatio * D);
    o.linear(Role::Fc2, BN, d.mlpRatio * D, D, "fc2");
    o.rowwise(OpKind::Residual, Role::Other, BN, D);
    return t;
}

BlockTemplate embed(const DiTDims& d, uint64_t B, uint64_t N) {
    BlockTemplate t;
    t.name = "embed";
    OpList o(t);
    o.linear(Role::Embed, B * N, 4 * 2 * 2, d.hidden);  // patchify: 4 channels x 2x2 patch
    o.linear(Role::Embed, B, 256, d.hidden);            // timestep: sinusoid -> MLP
    o.linear(Role::Embed, B, d.hidden, d.hidden);
    o.rowwise(OpKind::Embed, Role::Embed, B, d.hidden);  // class label table lookup
    return t;
}

BlockTemplate final(const DiTDims& d, uint64_t B, uint64_t N) {
    BlockTemplate t;
    t.name = "final";
    OpList o(t);
    o.linear(Role::Adaln, B, d.hidden, 2 * d.hidden);
    o.rowwise(OpKind::LayerNorm, Role::Norm, B * N, d.hidden);
    o.rowwise(OpKind::Modulate, Role::Norm, B * N, d.hidden);
    o.linear(Role::Final, B * N, d.hidden, 2 * 2 * 8);  // 2x2 patch x 8 channels (learned sigma)
    return t;
}

Json params(const DiTDims& d) {
    return Json{{"depth", d.depth},   {"hidden", d.hidden}, {"heads", d.heads}, {"mlp_ratio", d.mlpRatio},
                {"patch", {1, 2, 2}}, {"in_channels", 4},   {"out_channels", 8}};
}
}  // namespace

void buildDit(TraceSpec& spec, const DiTDims& d, uint64_t B, uint32_t T, uint32_t side) {
    uint64_t N = uint64_t(T) * side * side;
    spec.header["params"] = params(d);
    spec.templates.push_back(embed(d, B, N));
    spec.templates.push_back(ditBlock("block", d, B, N, B, N, "video:2x2"));
    spec.templates.push_back(final(d, B, N));
    spec.sequence.push_back({"embed", 0});
    for (uint32_t b = 0; b < d.depth; ++b) spec.sequence.push_back({"block", b});
    spec.sequence.push_back({"final", static_cast<uint32_t>(d.depth - 1)});
}

void buildLatte(TraceSpec& spec, const DiTDims& d, uint64_t B, uint32_t T, uint32_t side) {
    uint64_t S = uint64_t(side) * side, N = S * T;
    spec.header["params"] = params(d);
    spec.templates.push_back(embed(d, B, N));
    spec.templates.push_back(ditBlock("spatial", d, B, N, B * T, S, "frame:2x2"));
    spec.templates.push_back(ditBlock("temporal", d, B, N, B * S, T, "position:t2"));
    spec.templates.push_back(final(d, B, N));
    spec.sequence.push_back({"embed", 0});
    for (uint32_t b = 0; b < d.depth; ++b) spec.sequence.push_back({b % 2 ? "temporal" : "spatial", b});
    spec.sequence.push_back({"final", static_cast<uint32_t>(d.depth - 1)});
}

}  // namespace vgm::workload
