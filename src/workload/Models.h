#pragma once
// Model graphs: options -> the dense compact trace (header + templates).
#include <cstdint>
#include <string>
#include <vector>

#include "workload/TraceSpec.h"

namespace vgm::workload {

struct ModelOptions {
    std::string model;       // dit-xl-2, stdit3-xl-2, latte-xl-2, gemm
    std::string resolution;  // "" = the model's default
    uint32_t frames = 0;     // 0 = the model's default
    uint32_t steps = 0;      // 0 = the model's default
    bool cfg = true;         // classifier-free guidance doubles the batch
    uint32_t textTokens = 120;
    uint64_t m = 0, k = 0, n = 0;  // gemm
    Role gemmRole = Role::Other;   // gemm: recorded in params only when not "other"
    PrecisionClass precision = PrecisionClass::Int8Capable;
};

std::vector<std::string> modelNames();

// Dense trace of a model. Throws InputError (prefixed "vgmsim trace: ") for
// options the model does not support.
TraceSpec buildModel(const ModelOptions& opt);

// The options a header was generated from; InputError naming the JSON path.
ModelOptions optionsFromHeader(const Json& header, const std::string& file);

// OpenSora 1.2 VAE: 17-frame chunks map to 5 latent frames, the rest 4:1 rounded up.
uint32_t stdit3LatentFrames(uint32_t frames);

}  // namespace vgm::workload
