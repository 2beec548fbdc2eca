// RU cost rules (copy, broadcast, index) against clock-stepped engines.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "timing/sparsity/RuTiming.h"

using namespace vgm::timing;

namespace {
RuDatapath make(RuModel m, uint64_t beat, uint64_t write, uint64_t entry, uint64_t latency) {
    RuDatapath dp;
    dp.model = m;
    dp.bytesPerCycle = beat;
    dp.writeBytesPerCycle = write;
    dp.indexEntryCycles = entry;
    dp.latency = latency;
    return dp;
}

// Copy: one read beat per cycle (the write of a beat overlaps the next read); a
// beat carries bytes of one row only; the last write lands `latency` after the
// last read. Broadcast: one write beat per cycle at the write width, no reads.
// Index: one table entry per `indexEntryCycles`.
uint64_t steppedRu(const RuDatapath& dp, uint64_t rows, uint64_t rowBytes) {
    uint64_t cycle = 0;
    for (uint64_t r = 0; r < rows; ++r) {
        if (dp.model == RuModel::Index) {
            for (uint64_t c = 0; c < dp.indexEntryCycles; ++c) ++cycle;
            continue;
        }
        const uint64_t beat = dp.model == RuModel::Copy ? dp.bytesPerCycle : dp.writeBytesPerCycle;
        for (uint64_t left = rowBytes; left > 0; left -= std::min(left, beat)) ++cycle;
    }
    return rows && rowBytes ? cycle + dp.latency : 0;
}
}  // namespace

TEST_CASE("ru: hand-checked copies", "[sparsity][ru]") {
    const RuDatapath dp = make(RuModel::Copy, 64, 256, 1, 2);
    CHECK(ruCycles(dp, 3, 100) == 3 * 2 + 2);
    CHECK(ruBytes(dp, 3, 100) == 600);
    CHECK(ruCycles(dp, 0, 100) == 0);
    // One INT8 output row of d = 1152 at 64 B per cycle: 18 beats.
    CHECK(ruCycles(dp, 1, 1152) == 20);
}

TEST_CASE("ru: hand-checked broadcast and index", "[sparsity][ru]") {
    // Broadcast: an FP16 row of d = 1152 (2304 B) at 256 B per cycle: 9 writes, no reads.
    const RuDatapath b = make(RuModel::Broadcast, 64, 256, 1, 2);
    CHECK(ruCycles(b, 1, 2304) == 9 + 2);
    CHECK(ruCycles(b, 10, 2304) == 90 + 2);
    CHECK(ruBytes(b, 10, 2304) == 23040);  // written once
    CHECK(ruCycles(b, 3, 300) == 3 * 2 + 2);  // 300 B: two beats per row
    // Index: one entry per row, 4 B each, whatever the row size.
    const RuDatapath x = make(RuModel::Index, 64, 256, 1, 2);
    CHECK(ruCycles(x, 10, 2304) == 10 + 2);
    CHECK(ruBytes(x, 10, 2304) == 40);
    CHECK(ruCycles(x, 0, 2304) == 0);
    // The same 10 rows by copy: 36 beats each.
    CHECK(ruCycles(make(RuModel::Copy, 64, 256, 1, 2), 10, 2304) == 362);
}

TEST_CASE("ru: closed forms equal the clock-stepped engines", "[sparsity][ru]") {
    std::mt19937_64 rng(11);
    auto pick = [&](uint64_t lo, uint64_t hi) { return std::uniform_int_distribution<uint64_t>(lo, hi)(rng); };
    for (RuModel m : {RuModel::Copy, RuModel::Broadcast, RuModel::Index})
        for (int i = 0; i < 300; ++i) {
            const RuDatapath dp = make(m, pick(1, 128), pick(1, 512), pick(0, 4), pick(0, 5));
            const uint64_t rows = pick(0, 20), rowBytes = pick(1, 500);
            CHECK(ruCycles(dp, rows, rowBytes) == steppedRu(dp, rows, rowBytes));
        }
}
