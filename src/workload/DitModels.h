#pragma once
#include "workload/ModelBuilder.h"

namespace vgm::workload {

// Append params, templates and sequence for a T x side x side token grid.
void buildDit(TraceSpec& spec, const DiTDims& d, uint64_t batch, uint32_t frames, uint32_t side);
void buildLatte(TraceSpec& spec, const DiTDims& d, uint64_t batch, uint32_t frames, uint32_t side);
// STDiT3: 28 spatial + 28 temporal blocks, cross-attention to L text tokens.
void buildStdit3(TraceSpec& spec, const DiTDims& d, uint64_t batch, uint32_t T, uint32_t H, uint32_t W, uint64_t L);

}  // namespace vgm::workload
