// SU detection: hand-checked masks, and the online (activation) path agrees
// with the work derived from the resulting mask.
#include <catch2/catch.hpp>

#include <random>

#include "timing/sparsity/TokenSimilarity.h"

using namespace vgm::timing;

namespace {
std::vector<float> constantActs(uint64_t rows, uint64_t dim) { return std::vector<float>(rows * dim, 1.0f); }
}  // namespace

TEST_CASE("detect: identical tokens, 3 frames x 4 tokens, G = 3, K = 2", "[sparsity][detect]") {
    const TokenLayout lay{1, 3, 4};
    const Detection d = detectSkips(lay, 8, constantActs(12, 8), 3, 2, 0.9);
    // Inter: frame 1 is the reference; frames 0 and 2 copy the same position.
    // Intra: only frame 1 is left; blocks {4,5} and {6,7} reference rows 5 and 7,
    // so the inter-frame copies of rows 4 and 6 come from 5 and 7 too.
    CHECK(d.skip.rows == std::vector<uint32_t>{0, 1, 2, 3, 4, 6, 8, 9, 10, 11});
    CHECK(d.skip.refs == std::vector<uint32_t>{5, 5, 7, 7, 5, 7, 5, 5, 7, 7});
    CHECK(d.interSkips == 8);
    CHECK(d.intraSkips == 2);
    CHECK(d.work == SuWork{4 + 2, 8 + 2});
}

TEST_CASE("detect: orthogonal tokens skip nothing but still cost the SU", "[sparsity][detect]") {
    const TokenLayout lay{1, 2, 3};
    std::vector<float> acts(6 * 6, 0.0f);
    for (int r = 0; r < 6; ++r) acts[r * 6 + r] = 1.0f;
    const Detection d = detectSkips(lay, 6, acts, 2, 3, 0.5);
    CHECK(d.skip.rows.empty());
    // Groups of 2 frames: reference frame 1, 3 positions; intra blocks of 3 in both frames.
    CHECK(d.work == SuWork{3 + 2, 3 + 4});
}

TEST_CASE("detect: a zero vector has similarity 0", "[sparsity][detect]") {
    const float z[3] = {0, 0, 0}, a[3] = {1, 2, 3};
    CHECK(cosineSimilarity(z, a, 3) == 0.0);
    CHECK(cosineSimilarity(a, a, 3) == Approx(1.0));
}

TEST_CASE("detect: chained reference resolves to a computed row", "[sparsity][detect]") {
    // Frame 0 tokens equal frame 1 (reference) tokens; frame 0's tokens are all
    // pruned inter-frame, frame 1 intra. Threshold exactly at similarity 1 skips nothing.
    const TokenLayout lay{1, 2, 3};
    const Detection none = detectSkips(lay, 4, constantActs(6, 4), 2, 3, 1.0);
    CHECK(none.skip.rows.empty());
}

TEST_CASE("detect: online detection and mask-derived work agree", "[sparsity][detect]") {
    std::mt19937_64 rng(3);
    auto pick = [&](uint64_t lo, uint64_t hi) { return std::uniform_int_distribution<uint64_t>(lo, hi)(rng); };
    std::normal_distribution<float> noise(0.0f, 1.0f);
    for (int i = 0; i < 300; ++i) {
        const TokenLayout lay{pick(1, 2), pick(1, 7), pick(1, 13)};
        const uint64_t dim = pick(1, 6), G = pick(1, 4), K = pick(1, 5);
        // A few prototype vectors plus noise, so that some tokens are similar.
        std::vector<float> protos(3 * dim);
        for (float& v : protos) v = noise(rng);
        std::vector<float> acts(lay.rows() * dim);
        for (uint64_t r = 0; r < lay.rows(); ++r) {
            const uint64_t p = pick(0, 2);
            for (uint64_t e = 0; e < dim; ++e) acts[r * dim + e] = protos[p * dim + e] + 0.2f * noise(rng);
        }
        const double th = 0.5 + 0.45 * double(pick(0, 100)) / 100.0;
        const Detection d = detectSkips(lay, dim, acts, G, K, th);
        INFO("copies " << lay.copies << " T " << lay.frames << " S " << lay.perFrame << " G " << G << " K " << K);
        CHECK(workForMask(lay, G, K, &d.skip) == d.work);
        CHECK(d.skip.rows.size() == d.interSkips + d.intraSkips);
        // Every reference is a computed row.
        for (uint32_t ref : d.skip.refs) CHECK(!std::binary_search(d.skip.rows.begin(), d.skip.rows.end(), ref));
    }
}

TEST_CASE("detect: dense mask work counts every candidate", "[sparsity][detect]") {
    // 5 frames, G = 2: groups {0,1}, {2,3}, {4}: 2 groups with candidates.
    // 7 tokens, K = 3: blocks 3, 3, 1: 2 blocks with candidates, 4 candidates per frame.
    const TokenLayout lay{2, 5, 7};
    const SuWork w = workForMask(lay, 2, 3, nullptr);
    CHECK(w.refLoads == 2 * (2 * 7 + 5 * 2));
    CHECK(w.candidates == 2 * (2 * 7 + 5 * 4));
}
