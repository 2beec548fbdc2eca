#pragma once
// Small integer helpers shared by the address map, the trace codec and the SU cost models.
#include <cstdint>

namespace vgm {

// Smallest b with 2^b >= n (0 for n <= 1); n <= 2^63.
inline unsigned ceilLog2(uint64_t n) {
    unsigned b = 0;
    while ((uint64_t(1) << b) < n) ++b;
    return b;
}

}  // namespace vgm
