#pragma once
// The trace generator's RNG: SplitMix64 with a plain-modulo below(), kept
// because shipped traces were drawn with it (bias < 2^-40 for our sizes).
#include <cstdint>

#include "common/SplitMix64.h"

namespace vgm::workload {

class Rng : public SplitMix64 {
public:
    using SplitMix64::SplitMix64;
    uint64_t below(uint64_t n) { return next() % n; }
};

// Independent stream per (seed, index): record i of a trace draws from mixSeed(seed, i).
inline uint64_t mixSeed(uint64_t seed, uint64_t index) {
    Rng r(seed ^ (index * 0xd1b54a32d192ed03ULL));
    r.next();
    return r.next();
}

}  // namespace vgm::workload
