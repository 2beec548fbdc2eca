#pragma once
// Optional activation block of a trace: the input rows (m x k float32) of
// some linear operators, so the SU can detect skips online (FORMAT.md).
#include <cstdint>
#include <string>
#include <vector>

#include "workload/Trace.h"
#include "workload/TraceSpec.h"

namespace vgm::workload {

// Deterministic tokens: frames x perFrame rows of `dim` elements; a token is
// `similarity` x its position's base vector + (1 - similarity) x noise, so
// higher similarity makes frames (and neighbouring tokens) more alike.
// `steps` blocks follow one another: step 0's noise is fresh; step s's noise
// drifts from step s-1's, n_s = drift x n_{s-1} + sqrt(1 - drift^2) x fresh
// (same spread), as diffusion activations change slowly between steps.
std::vector<float> makeActivations(uint64_t frames, uint64_t perFrame, uint64_t dim, uint64_t seed, double similarity,
                                   uint64_t steps = 1, double drift = 0);

// `vgmsim trace gemm --activations random:SEED[:SIMILARITY]`: adds the block
// for the gemm operator of every step, `frames` frames of m/frames tokens,
// drifting between steps with correlation `drift` (--persistence).
void addActivations(TraceSpec& spec, const std::string& arg, uint64_t frames, double drift = 0);

// Reader: validates the "activations" header entry against the expanded
// operators and the block's bytes [begin, begin + spec.actBytes.size()).
void attachActivations(Trace& trace, const TraceSpec& spec, size_t begin, const std::string& file);

}  // namespace vgm::workload
