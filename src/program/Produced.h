#pragma once
// Which commands produce an operator's output, by row piece (row-parallel
// operators) or by attention chunk, so that the next operator can wait for
// just the pieces it reads.
#include <cstdint>
#include <vector>

#include "program/Program.h"

namespace vgm::program {

inline uint64_t ceilDiv(uint64_t a, uint64_t b) { return b ? (a + b - 1) / b : 0; }

// Activations between operators are FP16 (INT8 GEMM results are rescaled on the way out).
constexpr uint64_t kActBytes = 2;

struct Produced {
    uint64_t first = 0, count = 0;  // all commands of the operator
    bool rowwise = false;           // pieces are dense row pieces of pieceRows rows
    bool chunked = false;           // pieces are attention chunks
    uint64_t m = 0, pieceRows = 1;
    std::vector<DepList> pieces;  // DepList: a piece's one to three ranges need no allocation
    // Attention chunking (chunked): batch items and query rows per chunk.
    uint64_t batch = 1, rows = 1, itemsPerChunk = 1, rowsPerChunk = 1;
};

}  // namespace vgm::program
