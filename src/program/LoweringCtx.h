#pragma once
// One operator being lowered (private to the Lowering_*.cpp files).
#include <vector>

#include "program/Lowering.h"

namespace vgm::program {
// Index of the QK^T that the q/k norm (or RoPE) at i feeds, or 0.
inline size_t qkConsumer(const workload::Trace& t, size_t i) {
    using workload::OpKind;
    const auto& ops = t.ops;
    if (ops[i].kind != OpKind::LayerNorm && ops[i].kind != OpKind::Modulate) return 0;
    for (size_t j = i + 1; j < ops.size() && j <= i + 2; ++j) {
        if (ops[j].kind == OpKind::AttentionQK) return j;
        if (ops[j].kind != OpKind::Modulate && ops[j].kind != OpKind::LayerNorm) return 0;
    }
    return 0;
}
// LayerNorm/modulate ahead of a linear layer (a GEMM prologue when fused).
inline bool isPrologue(const workload::Operator& op) {
    using workload::OpKind;
    return op.kind == OpKind::LayerNorm || (op.kind == OpKind::Modulate && op.role == workload::Role::Norm);
}
// Attention chunk geometry of a QK^T or AV operator (LowerAttention.cpp).
Produced attentionChunks(const workload::Operator& op, uint64_t chunkRows);
void chunkShape(const Produced& g, uint64_t j, uint64_t& items, uint64_t& rows);
}  // namespace vgm::program

namespace vgm::program {

struct Lowering::Ctx {
    size_t index;  // the operator being lowered
    const workload::Operator& op;
    const OpWork& work;
    std::vector<Command>& out;
    uint64_t base;
    size_t firstLocal;
    size_t group = 0;  // first operator of this lowering group
    bool rowMapped = false, chunkMapped = false;
    Produced produced;
};

// Part c of n of `total`, exact integers summing to total.
inline uint64_t slice(uint64_t total, uint64_t c, uint64_t n) { return DmaPlan::slice(total, c, n); }

}  // namespace vgm::program
