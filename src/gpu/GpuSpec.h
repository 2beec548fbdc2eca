#pragma once
// A GPU as the baseline model sees it: datasheet peaks, kernel efficiencies
// measured on real kernels, per-kernel fixed costs and the power model. Loaded
// from a preset (configs/gpu/*.json) checked against gpuSchema().
#include <string>

#include "common/Json.h"
#include "config/Schema.h"

namespace vgm::gpu {

enum class LinearPrecision { Fp16, Int8 };

struct GpuSpec {
    std::string name, description, basis, source;  // source: the preset file
    std::string hash;                              // of the resolved preset
    // Datasheet figures.
    double tensorTflops = 0, int8Tops = 0, bandwidthGBs = 0;
    int sms = 0;
    double boardPowerW = 0, idlePowerW = 0;
    // Kernel model.
    double gemmEfficiency = 0, memoryEfficiency = 0, attentionEfficiency = 0;
    int gemmTileM = 0, gemmTileN = 0, attnBlockQ = 0, attnBlockKv = 0, attnHeadDimStep = 0;
    double fixedGemmS = 0, fixedAttentionS = 0, fixedSoftmaxS = 0, fixedNormS = 0, fixedElementwiseS = 0;
    bool fuseElementwise = false, fusedAttention = true;
    LinearPrecision linearPrecision = LinearPrecision::Fp16;
    // Power model.
    double computeUtilAtBoardPower = 0, memoryPowerWeight = 0;

    Json resolved;  // every parameter, defaults filled (written into gpu.json)
};

// The preset schema (`vgmsim params gpu`); defaults are the A100 80GB SXM.
const config::Section& gpuSchema();

// Loads and validates a preset: InputError naming the file, JSON path, bad
// value and what is allowed (unknown keys get the closest valid name).
GpuSpec loadGpu(const std::string& path);
GpuSpec gpuFromJson(const Json& doc, const std::string& source);

}  // namespace vgm::gpu
