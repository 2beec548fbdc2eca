#pragma once
#include <cstdint>

#include "common/Json.h"
#include "workload/Windows.h"

namespace vgm::workload {

// Latent grid ("video.latent": [T, H, W]) and batch of a trace header; false
// when the header has none (e.g. a plain GEMM trace).
bool gridFromHeader(const Json& header, TokenGrid& grid, uint64_t& batch);

}  // namespace vgm::workload
