// SU cost rule against a clock-stepped reference, and hand-checked cases.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <vector>

#include "timing/sparsity/SuTiming.h"

using namespace vgm::timing;

namespace {

// Moves one token at a time through the SU, one cycle per loop iteration:
// the read port delivers bytes, the lanes consume elements already read
// (3 MACs per element), a finished candidate's result leaves the compare
// pipeline `depth` cycles later, and the mask word is written the cycle after.
uint64_t steppedSu(const SuDatapath& dp, const std::vector<bool>& isCandidate, uint64_t dim) {
    uint64_t cycle = 0, lastResult = 0;
    bool anyCandidate = false;
    for (bool cand : isCandidate) {
        uint64_t bytes = 0, macs = 0;
        const uint64_t needMacs = cand ? 3 * dim : 0;
        while (bytes < dim * dp.elemBytes || macs < needMacs) {
            ++cycle;
            bytes = std::min(bytes + dp.readBytesPerCycle, dim * dp.elemBytes);
            const uint64_t ready = 3 * (bytes / dp.elemBytes);
            macs = std::min({macs + dp.lanes, needMacs, std::max(macs, ready)});
        }
        if (cand) {
            anyCandidate = true;
            lastResult = cycle + dp.depth;
        }
    }
    return anyCandidate ? lastResult + 1 : 0;
}

}  // namespace

TEST_CASE("su: hand-checked cycles for d = 1152, FP16, 64 lanes", "[sparsity][su]") {
    SuDatapath dp{64, 2, 64, 12};
    CHECK(suReadCycles(dp, 1152) == 36);       // 2304 B / 64 B
    CHECK(suCandidateCycles(dp, 1152) == 54);  // 3456 MACs / 64 lanes
    CHECK(suCycles(dp, SuWork{6, 10}, 1152) == 6 * 36 + 10 * 54 + 12 + 1);
    CHECK(suMacs(SuWork{6, 10}, 1152) == 34560);
    CHECK(suBytesRead(dp, SuWork{6, 10}, 1152) == 16 * 2304);
    CHECK(suCycles(dp, SuWork{5, 0}, 1152) == 0);  // nothing to compare: the unit stays idle
}

TEST_CASE("su: read-bound datapath", "[sparsity][su]") {
    SuDatapath dp{256, 2, 16, 3};
    CHECK(suCandidateCycles(dp, 100) == 13);  // 200 B / 16 B per cycle; 300 MACs need only 2
    CHECK(suCycles(dp, SuWork{1, 2}, 100) == 13 + 2 * 13 + 3 + 1);
}

TEST_CASE("su: closed form equals the clock-stepped SU over many shapes", "[sparsity][su]") {
    std::mt19937_64 rng(7);
    auto pick = [&](uint64_t lo, uint64_t hi) { return std::uniform_int_distribution<uint64_t>(lo, hi)(rng); };
    for (int i = 0; i < 600; ++i) {
        SuDatapath dp{pick(1, 70), pick(1, 2), pick(1, 130), pick(0, 6)};
        const uint64_t dim = i < 20 ? uint64_t(i + 1) : pick(1, 300);
        // The SU's order: a reference load, then the candidates compared with it.
        std::vector<bool> items;
        SuWork w;
        for (uint64_t refs = pick(0, 4), j = 0; j < refs; ++j) {
            items.push_back(false);
            ++w.refLoads;
            for (uint64_t c = pick(1, 3); c > 0; --c, ++w.candidates) items.push_back(true);
        }
        INFO("lanes " << dp.lanes << " eb " << dp.elemBytes << " R " << dp.readBytesPerCycle << " depth " << dp.depth
                      << " dim " << dim << " refs " << w.refLoads << " cands " << w.candidates);
        CHECK(suCycles(dp, w, dim) == steppedSu(dp, items, dim));
    }
}
