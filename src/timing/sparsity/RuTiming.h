#pragma once
// Cost rule of the recovery unit (RU): each skipped row's output is copied
// from its reference row inside the output buffer. A row is read and written
// in beats of `bytesPerCycle` (separate read and write ports, so one beat per
// cycle); a beat never carries bytes of two rows because rows are scattered.
// The read-to-write latency is paid once per operator (the copy pipelines).
#include <cstdint>

namespace vgm::timing {

struct RuDatapath {
    uint64_t bytesPerCycle = 64;
    uint64_t latency = 2;
};

inline uint64_t ruCycles(const RuDatapath& dp, uint64_t rows, uint64_t rowBytes) {
    if (rows == 0 || rowBytes == 0) return 0;
    return rows * ((rowBytes + dp.bytesPerCycle - 1) / dp.bytesPerCycle) + dp.latency;
}
// Buffer bytes touched: every copied row is read once and written once.
inline uint64_t ruBytes(uint64_t rows, uint64_t rowBytes) { return 2 * rows * rowBytes; }

}  // namespace vgm::timing
