#pragma once
// SplitMix64: tiny, portable and fully specified, so a seed gives the same
// masks on every machine (std distributions are implementation-defined).
#include <cstdint>

namespace vgm::workload {

class Rng {
public:
    explicit Rng(uint64_t seed) : state_(seed) {}
    uint64_t next() {
        uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); n > 0. Modulo bias is below 2^-40 for our sizes.
    uint64_t below(uint64_t n) { return next() % n; }

private:
    uint64_t state_;
};

// Independent stream per (seed, index): record i of a trace draws from mixSeed(seed, i).
inline uint64_t mixSeed(uint64_t seed, uint64_t index) {
    Rng r(seed ^ (index * 0xd1b54a32d192ed03ULL));
    r.next();
    return r.next();
}

}  // namespace vgm::workload
