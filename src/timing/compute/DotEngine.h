#pragma once
// FlightLLM-style matrix engine: each cycle it issues one block of
// dot_m rows x (dot_k * lanes) K-elements x dot_n columns into a pipeline of
// `latency` extra stages (adder tree, accumulator). Blocks issue back to back,
// K innermost, so the accumulator chain never waits.
#include "timing/compute/EngineIF.h"

namespace vgm::timing {

struct DotGeometry {
    uint64_t m = 128, k = 16, n = 2;
    uint64_t latency = 0;  // cycles after the last issue until the last result
};

class DotEngine : public EngineIF {
public:
    explicit DotEngine(DotGeometry g) : geo_(g) {}
    uint64_t gemmCycles(const GemmShape& g, const UnitMode& mode) const override;
    uint64_t units() const override { return geo_.m * geo_.k * geo_.n; }
    std::string describe() const override;
    uint64_t issues(const GemmShape& g, uint32_t lanes) const;

private:
    DotGeometry geo_;
};

}  // namespace vgm::timing
