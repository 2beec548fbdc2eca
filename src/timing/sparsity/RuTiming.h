#pragma once
// Cost rules of the recovery unit (RU): how a skipped row gets its output.
//   copy       the RU reads the reference row from the output buffer and
//              writes it into the skipped row's slot, in beats of
//              `bytesPerCycle` (separate read and write ports: one beat per
//              cycle; a beat never carries bytes of two rows, rows are scattered).
//   broadcast  (default, the paper's "low-overhead" recovery) the reference
//              row is written into each skipped row's slot as it leaves the
//              array: no read, one write per skipped row at the output
//              buffer's write width `writeBytesPerCycle`.
//   index      no copy: the RU writes one index-table entry per skipped row
//              (`indexEntryCycles` each) and the consumer reads the reference
//              row through the table; the lookup sits in the consumer's
//              address generation (no extra read cycles, stated assumption).
// Each pays `latency` once per RU command (the path pipelines).
#include <cstdint>

namespace vgm::timing {

enum class RuModel : uint8_t { Copy, Broadcast, Index };

struct RuDatapath {
    RuModel model = RuModel::Broadcast;
    uint64_t bytesPerCycle = 64;        // copy: read/write beat
    uint64_t writeBytesPerCycle = 256;  // broadcast: output buffer write width
    uint64_t indexEntryCycles = 1;      // index: cycles per table entry
    uint64_t indexEntryBytes = 4;
    uint64_t latency = 2;
};

inline uint64_t ruCycles(const RuDatapath& dp, uint64_t rows, uint64_t rowBytes) {
    if (rows == 0 || rowBytes == 0) return 0;
    switch (dp.model) {
    case RuModel::Copy: return rows * ((rowBytes + dp.bytesPerCycle - 1) / dp.bytesPerCycle) + dp.latency;
    case RuModel::Broadcast:
        return rows * ((rowBytes + dp.writeBytesPerCycle - 1) / dp.writeBytesPerCycle) + dp.latency;
    case RuModel::Index: return rows * dp.indexEntryCycles + dp.latency;
    }
    return 0;
}
// Buffer bytes touched: copy reads and writes each row, broadcast writes it,
// index writes a table entry.
inline uint64_t ruBytes(const RuDatapath& dp, uint64_t rows, uint64_t rowBytes) {
    switch (dp.model) {
    case RuModel::Copy: return 2 * rows * rowBytes;
    case RuModel::Broadcast: return rows * rowBytes;
    case RuModel::Index: return rows * dp.indexEntryBytes;
    }
    return 0;
}

}  // namespace vgm::timing
