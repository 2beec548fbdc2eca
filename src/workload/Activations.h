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
// `similarity` x its position's base vector + the rest fresh noise, so
// higher similarity makes frames (and neighbouring tokens) more alike.
std::vector<float> makeActivations(uint64_t frames, uint64_t perFrame, uint64_t dim, uint64_t seed, double similarity);

// `vgmsim trace gemm --activations random:SEED[:SIMILARITY]`: adds the block
// for the gemm operator, `frames` frames of m/frames tokens.
void addActivations(TraceSpec& spec, const std::string& arg, uint64_t frames);

// Reader: validates the "activations" header entry against the expanded
// operators and the block's bytes [begin, begin + spec.actBytes.size()).
void attachActivations(Trace& trace, const TraceSpec& spec, size_t begin, const std::string& file);

}  // namespace vgm::workload
