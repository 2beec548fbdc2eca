#pragma once
// The resolved `sparsity` section: what the SU examines, at what threshold,
// and the SU/RU datapaths.
#include <array>
#include <cstdint>

#include "config/Config.h"
#include "timing/sparsity/RuTiming.h"
#include "timing/sparsity/SuTiming.h"
#include "workload/Operator.h"
#include "workload/Trace.h"

namespace vgm::timing {

// The SU's detection algorithm (ArtifactDetector.h, TokenSimilarity.h).
enum class Detector : uint8_t { Paper, Artifact };

struct SparsitySpec {
    bool enabled = true;
    Detector detector = Detector::Paper;
    uint64_t groupFrames = 3, blockTokens = 4;
    bool overlap = true;
    SuDatapath su;
    bool suInt8 = false;
    RuDatapath ru;
    // By workload::Role; NaN = the SU does not examine this role.
    std::array<double, 16> threshold{};

    static SparsitySpec fromConfig(const config::Config& cfg);
    // Roles the SU examines: the ones with a threshold.
    bool examines(workload::Role r) const;
    double thresholdOf(workload::Role r) const { return threshold[size_t(r)]; }
};

// A trace with masks records the detector they follow (sparsity.detector, absent:
// paper); a run whose sparsity.detector differs is refused with a one-line InputError.
void checkDetectorInputs(const SparsitySpec& sp, const workload::Trace& trace);

}  // namespace vgm::timing
