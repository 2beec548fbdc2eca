// Dot engine and SFU closed forms against their clock-stepped pipelines.
#include <catch2/catch.hpp>

#include "reference/PipelineRef.h"
#include "timing/compute/DotEngine.h"
#include "timing/compute/SfuTiming.h"

using namespace vgm;

TEST_CASE("compute: dot engine closed form equals the stepped pipeline", "[compute][dot]") {
    size_t checked = 0;
    for (auto [dm, dk, dn] : {std::tuple<uint64_t, uint64_t, uint64_t>{4, 2, 2}, {1, 1, 1}, {8, 4, 1}, {3, 5, 2}})
        for (uint64_t latency : {0, 1, 5})
            for (uint64_t depth : {1, 3})
                for (uint64_t lanes : {1, 2, 4})
                    for (uint64_t m : {1, 2, 7, 8, 9, 31})
                        for (uint64_t k : {1, 3, 16, 17, 64})
                            for (uint64_t n : {1, 2, 3, 13}) {
                                const uint64_t batch = (m + k + n) % 3 == 0 ? 3 : 1;
                                timing::DotEngine e({dm, dk, dn, latency});
                                const uint64_t fast = e.gemmCycles(
                                    {m, k, n, batch}, {static_cast<uint32_t>(lanes), static_cast<uint32_t>(depth)});
                                const uint64_t slow =
                                    test::dotReference(m, k, n, batch, dm, dk, dn, lanes, latency, depth);
                                INFO("dot " << dm << "x" << dk << "x" << dn << " L" << latency << " d" << depth
                                            << " lanes " << lanes << " gemm " << m << "x" << k << "x" << n);
                                REQUIRE(fast == slow);
                                ++checked;
                            }
    CHECK(checked > 1000);
}

TEST_CASE("compute: dot engine peak and issue count", "[compute][dot]") {
    timing::DotEngine e({128, 16, 2, 5});  // FlightLLM shape: 4096 units
    CHECK(e.units() == 4096);
    CHECK(e.peakMacsPerCycle({4, 1}) == 16384);
    // 256 x 1152 x 1152 in INT8 on DSP-E (4 lanes): 2 x 18 x 576 issues.
    CHECK(e.issues({256, 1152, 1152, 1}, 4) == 2 * 18 * 576);
}

TEST_CASE("compute: SFU closed form equals the stepped pipeline", "[compute][sfu]") {
    for (uint64_t e : {1, 15, 16, 17, 100, 1152})
        for (uint64_t per : {1, 4, 16})
            for (uint64_t passes : {1, 2, 3})
                for (uint64_t latency : {0, 1, 8}) {
                    INFO(e << " elements, " << per << "/cycle, " << passes << " passes, latency " << latency);
                    REQUIRE(timing::sfuCycles({per, latency}, e, passes) ==
                            test::sfuReference(e, per, passes, latency));
                }
    CHECK(timing::sfuCycles({16, 8}, 0, 2) == 0);
}
