#pragma once
// Systolic R x C arrays of single-cycle store-and-forward PEs (the SCALE-Sim
// cell). The dataflow decides which GEMM dimension maps to array rows (Sr),
// array columns (Sc) and the streamed dimension (T):
//   os: Sr = M, Sc = N, T = K     (outputs stay; A from the left, B from the top)
//   ws: Sr = K, Sc = N, T = M     (weights stay; preloaded R cycles per fold)
//   is: Sr = K, Sc = M, T = N     (inputs stay; preloaded R cycles per fold)
// A PE with `lanes` MACs per cycle reduces `lanes` K-elements at once, so K
// becomes ceil(K / lanes). Folds run column-fold outer, row-fold inner.
#include "timing/compute/EngineIF.h"

namespace vgm::timing {

enum class Dataflow : uint8_t { Os, Ws, Is };
enum class Convention : uint8_t { ScaleSim, Pipelined };

struct SystolicMap {
    uint64_t sr = 0, sc = 0, t = 0;
};
SystolicMap mapGemm(Dataflow df, const GemmShape& g, uint32_t lanes);

struct SystolicGeometry {
    uint64_t rows = 32, cols = 32;
    Dataflow dataflow = Dataflow::Os;
};

// Folds do not overlap, edge folds are padded to the full array; per fold
// OS takes R + C + T - 2 cycles, WS/IS 2R + C + T - 2 (R cycles of preload),
// exactly as SCALE-Sim v2 builds its demand matrices. SCALE-Sim reports the
// index of the last cycle, one less than the count, once per layer; we do
// the same once per (operator, engine instance).
class SystolicScaleSim : public EngineIF {
public:
    explicit SystolicScaleSim(SystolicGeometry g) : geo_(g) {}
    uint64_t gemmCycles(const GemmShape& g, const UnitMode& mode) const override;
    uint64_t units() const override { return geo_.rows * geo_.cols; }
    std::string describe() const override;
    uint64_t foldCycles(uint64_t t) const;  // one padded fold, depth 1

private:
    SystolicGeometry geo_;
};

// Double-buffered array: the next fold's stream follows the previous one
// directly. OS: shadow accumulators drain in the background. WS/IS: each
// column shifts the next fold's stationary values into shadow registers
// (r_next cycles, skewed by column like the stream) as soon as the previous
// fold's first beat has copied the shadows it overwrites; a beat with t = 0
// copies shadow -> active as it passes. Edge folds use only the rows/columns
// they need. A fold ends with its last MAC.
class SystolicPipelined : public EngineIF {
public:
    explicit SystolicPipelined(SystolicGeometry g) : geo_(g) {}
    uint64_t gemmCycles(const GemmShape& g, const UnitMode& mode) const override;
    uint64_t units() const override { return geo_.rows * geo_.cols; }
    std::string describe() const override;

private:
    SystolicGeometry geo_;
};

}  // namespace vgm::timing
