#pragma once
// The `baseline` section of a run report: the GPU model's figures for the same
// trace and the simulated design's speedup and energy-efficiency ratios over it.
#include <string>

#include "common/Json.h"
#include "gpu/GpuEstimate.h"

namespace vgm::gpu {

// Adds report["baseline"] from the report's own latency_s / energy_j (the
// design runs the DiT steps; other included stages are taken from the GPU).
void addBaseline(Json& report, const GpuEstimate& gpu);

// The summary lines for a report with a baseline section ("" without one).
std::string baselineSummary(const Json& report);

}  // namespace vgm::gpu
