#include "timing/sparsity/TokenSimilarity.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vgm::timing {

namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

// Intra-frame work of one frame before removing inter-pruned tokens.
SuWork intraFrameWork(uint64_t perFrame, uint64_t k) {
    SuWork w;
    if (k < 2) return w;
    const uint64_t full = perFrame / k, rem = perFrame % k;
    w.refLoads = full + (rem > 1 ? 1 : 0);
    w.candidates = full * (k - 1) + (rem > 1 ? rem - 1 : 0);
    return w;
}

}  // namespace

double cosineSimilarity(const float* a, const float* b, uint64_t dim) {
    double dot = 0, na = 0, nb = 0;
    for (uint64_t i = 0; i < dim; ++i) {
        dot += double(a[i]) * b[i];
        na += double(a[i]) * a[i];
        nb += double(b[i]) * b[i];
    }
    if (na == 0 || nb == 0) return 0.0;
    return dot / std::sqrt(na * nb);
}

SuWork workForMask(const TokenLayout& lay, uint64_t groupFrames, uint64_t blockTokens,
                   const workload::SkipSet* skip) {
    const uint64_t S = lay.perFrame, T = lay.frames, K = blockTokens;
    SuWork w;
    for (uint64_t g0 = 0; g0 < T; g0 += groupFrames) {
        const uint64_t sz = std::min(groupFrames, T - g0);
        if (sz < 2) continue;
        w.refLoads += S * lay.copies;
        w.candidates += (sz - 1) * S * lay.copies;
    }
    const SuWork perFrame = intraFrameWork(S, K);
    w.refLoads += perFrame.refLoads * lay.copies * T;
    w.candidates += perFrame.candidates * lay.copies * T;
    if (!skip || K < 2) return w;

    // Rows ascending, so the inter-pruned tokens of one intra block are consecutive.
    const uint64_t blocksPerFrame = (S + K - 1) / K;
    uint64_t runKey = std::numeric_limits<uint64_t>::max(), runCount = 0, runSize = 0;
    bool runMid = false;
    auto close = [&] {
        if (runMid) {  // the reference itself was pruned: the block is not examined
            w.candidates -= runSize - 1;
            --w.refLoads;
        } else if (runCount > 0) {
            w.candidates -= runCount;
            if (runCount == runSize - 1) --w.refLoads;  // nothing left to compare in that block
        }
    };
    for (size_t i = 0; i < skip->rows.size(); ++i) {
        const uint64_t r = skip->rows[i], ref = skip->refs[i];
        if (r >= lay.rows()) break;
        if (ref / S == r / S) continue;  // intra-frame skip
        const uint64_t s = r % S;
        const uint64_t b0 = s / K * K, bs = std::min(K, S - b0);
        if (bs < 2) continue;
        const uint64_t key = (r / S) * blocksPerFrame + s / K;
        if (key != runKey) {
            close();
            runKey = key;
            runCount = 0;
            runSize = bs;
            runMid = false;
        }
        if (s - b0 == middleOf(bs))
            runMid = true;
        else
            ++runCount;
    }
    close();
    return w;
}

Detection detectSkips(const TokenLayout& lay, uint64_t dim, const std::vector<float>& acts, uint64_t groupFrames,
                      uint64_t blockTokens, double threshold) {
    const uint64_t S = lay.perFrame, T = lay.frames, K = blockTokens;
    std::vector<uint32_t> refOf(lay.rows(), kNone);
    Detection d;
    auto similar = [&](uint64_t row, uint64_t ref) {
        return cosineSimilarity(&acts[row * dim], &acts[ref * dim], dim) > threshold;
    };
    for (uint64_t c = 0; c < lay.copies; ++c) {
        const uint64_t base = c * T * S;
        for (uint64_t g0 = 0; g0 < T; g0 += groupFrames) {
            const uint64_t sz = std::min(groupFrames, T - g0);
            if (sz < 2) continue;
            const uint64_t rf = g0 + middleOf(sz);
            for (uint64_t s = 0; s < S; ++s) {
                const uint64_t refRow = base + rf * S + s;
                ++d.work.refLoads;
                for (uint64_t f = g0; f < g0 + sz; ++f) {
                    if (f == rf) continue;
                    const uint64_t row = base + f * S + s;
                    ++d.work.candidates;
                    if (similar(row, refRow)) {
                        refOf[row] = uint32_t(refRow);
                        ++d.interSkips;
                    }
                }
            }
        }
        if (K < 2) continue;
        for (uint64_t t = 0; t < T; ++t) {
            const uint64_t frame = base + t * S;
            for (uint64_t b0 = 0; b0 < S; b0 += K) {
                const uint64_t bs = std::min(K, S - b0);
                const uint64_t mid = frame + b0 + middleOf(bs);
                if (refOf[mid] != kNone) continue;  // a pruned reference has similarity 0 with all
                uint64_t examined = 0;
                for (uint64_t row = frame + b0; row < frame + b0 + bs; ++row) {
                    if (row == mid || refOf[row] != kNone) continue;  // inter-pruned: similarity 0
                    ++examined;
                    if (similar(row, mid)) {
                        refOf[row] = uint32_t(mid);
                        ++d.intraSkips;
                    }
                }
                if (examined == 0) continue;
                ++d.work.refLoads;
                d.work.candidates += examined;
            }
        }
    }
    // An inter-frame reference may itself be pruned intra-frame: copy from its
    // reference instead (same output), so every reference is a computed row.
    for (uint64_t row = 0; row < refOf.size(); ++row)
        if (refOf[row] != kNone) {
            while (refOf[refOf[row]] != kNone) refOf[row] = refOf[refOf[row]];
            d.skip.rows.push_back(uint32_t(row));
            d.skip.refs.push_back(refOf[row]);
        }
    return d;
}

}  // namespace vgm::timing
