#pragma once
// Special-function unit: a pipeline of E element lanes. An op streams its
// elements `passes` times (softmax and LayerNorm: statistics, then normalise)
// and its last result leaves `latency` cycles after the last issue.
#include <cstdint>

namespace vgm::timing {

struct SfuSpec {
    uint64_t elementsPerCycle = 16;
    uint64_t latency = 0;
};

inline uint64_t sfuCycles(const SfuSpec& s, uint64_t elements, uint64_t passes) {
    if (elements == 0 || passes == 0) return 0;
    return passes * ((elements + s.elementsPerCycle - 1) / s.elementsPerCycle) + s.latency;
}

}  // namespace vgm::timing
