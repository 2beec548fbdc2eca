#pragma once
// SplitMix64: a tiny PRNG with a fixed, documented sequence, so a seed gives
// the same draws on every machine and standard library (std distributions
// are implementation-defined). Used by trace masks and sweep sampling.
#include <cstdint>

namespace vgm {

class SplitMix64 {
public:
    explicit SplitMix64(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1) with 53 random bits.
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform in [0, n), n > 0 (rejection keeps it unbiased).
    uint64_t below(uint64_t n) {
        const uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        uint64_t r;
        do r = next();
        while (r >= limit);
        return r % n;
    }

private:
    uint64_t state_;
};

}  // namespace vgm
