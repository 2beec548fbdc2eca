#pragma once
// A whole generation on one GPU: the DiT steps of a trace (run dense, as the
// published GPU baselines do) and optionally the text encoder and VAE decode.
#include <string>
#include <vector>

#include "common/Json.h"
#include "gpu/GpuKernels.h"
#include "gpu/GpuSpec.h"
#include "workload/Trace.h"

namespace vgm::gpu {

enum class StageSet { Dit, All };
// "dit" or "all"; InputError naming `what` (the option) otherwise.
StageSet parseStageSet(const std::string& text, const std::string& what);

struct StageResult {
    std::string name;       // text_encoder, dit, vae_decode
    bool included = false;  // part of total_latency_s / energy_j
    std::string note;       // what was modelled, or why it is left out
    std::vector<Kernel> kernels;
    double latencyS = 0, energyJ = 0, flops = 0, bytes = 0;
};

struct GpuEstimate {
    GpuSpec gpu;
    std::string traceName, traceHash;
    std::vector<StageResult> stages;  // text_encoder, dit, vae_decode, always in this order
    double ditLatencyS = 0, ditEnergyJ = 0;
    double totalLatencyS = 0, energyJ = 0;  // included stages
    double averagePowerW = 0;
    std::vector<std::string> included() const;
    const StageResult& stage(const std::string& name) const;
};

GpuEstimate estimateGpu(const GpuSpec& gpu, const workload::Trace& trace, StageSet stages);

Json gpuJson(const GpuEstimate& e);              // gpu.json (schema vgmsim-gpu/1)
std::string operatorsCsv(const GpuEstimate& e);  // one row per kernel of every costed stage
std::string gpuSummary(const GpuEstimate& e, const std::string& outDir);

}  // namespace vgm::gpu
