#pragma once
// One operator being lowered (private to the Lowering_*.cpp files).
#include <vector>

#include "program/Lowering.h"

namespace vgm::program {
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
