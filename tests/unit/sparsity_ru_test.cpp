// RU cost rule against a clock-stepped copy engine.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "timing/sparsity/RuTiming.h"

using namespace vgm::timing;

namespace {
// One beat per cycle; a beat carries bytes of one row only; the last write
// lands `latency` cycles after the last read beat.
uint64_t steppedRu(const RuDatapath& dp, uint64_t rows, uint64_t rowBytes) {
    uint64_t cycle = 0;
    for (uint64_t r = 0; r < rows; ++r)
        for (uint64_t left = rowBytes; left > 0; left -= std::min(left, dp.bytesPerCycle)) ++cycle;
    return cycle ? cycle + dp.latency : 0;
}
}  // namespace

TEST_CASE("ru: hand-checked copies", "[sparsity][ru]") {
    RuDatapath dp{64, 2};
    CHECK(ruCycles(dp, 3, 100) == 3 * 2 + 2);
    CHECK(ruBytes(3, 100) == 600);
    CHECK(ruCycles(dp, 0, 100) == 0);
    // One INT8 output row of d = 1152 at 64 B per cycle: 18 beats.
    CHECK(ruCycles(dp, 1, 1152) == 20);
}

TEST_CASE("ru: closed form equals the clock-stepped copy engine", "[sparsity][ru]") {
    std::mt19937_64 rng(11);
    auto pick = [&](uint64_t lo, uint64_t hi) { return std::uniform_int_distribution<uint64_t>(lo, hi)(rng); };
    for (int i = 0; i < 400; ++i) {
        RuDatapath dp{pick(1, 128), pick(0, 5)};
        const uint64_t rows = pick(0, 20), rowBytes = pick(1, 500);
        CHECK(ruCycles(dp, rows, rowBytes) == steppedRu(dp, rows, rowBytes));
    }
}
