#include "timing/sparsity/ArtifactDetector.h"

#include <algorithm>
#include <numeric>

#include "common/Bits.h"
#include "common/SplitMix64.h"

namespace vgm::timing {

namespace {
// `units` detector calls on `tokens` tokens of which `refs` are references.
SuWork unitWork(uint64_t units, uint64_t tokens, uint64_t refs) {
    const uint64_t cands = tokens - refs;
    SuWork w;
    if (refs == 0 || cands == 0) return w;
    w.refLoads = units * refs;
    w.candidates = units * refs * cands;
    w.compares = units * cands * ceilLog2(cands);
    return w;
}
}  // namespace

SuWork artifactWork(const TokenLayout& lay, uint64_t windowTokens) {
    const uint64_t K = std::max<uint64_t>(windowTokens, 1), S = lay.perFrame;
    return unitWork(lay.copies * lay.frames, S, K >= 2 ? S / K : 0);
}

SuWork artifactWindowWork(const workload::TokenGrid& g, uint64_t copies, workload::WindowKind k) {
    using workload::WindowKind;
    const uint64_t T = g.frames, H = g.height, W = g.width;
    switch (k) {
        case WindowKind::Frame1x2: return unitWork(copies * T, H * W, H * (W / 2));
        case WindowKind::Frame2x2: return unitWork(copies * T, H * W, (H / 2) * (W / 2));
        case WindowKind::PositionT2: return unitWork(copies * H * W, T, T / 2);
        case WindowKind::Video2x2: return unitWork(copies, T * H * W, (T * H / 2) * (W / 2));
    }
    return {};
}

Detection detectArtifact(const TokenLayout& lay, uint64_t dim, const std::vector<float>& acts,
                         uint64_t windowTokens, double threshold, uint64_t seed) {
    Detection d;
    d.work = artifactWork(lay, windowTokens);
    if (d.work.candidates == 0) return d;
    const uint64_t K = windowTokens, S = lay.perFrame, units = lay.copies * lay.frames, nRef = S / K;
    SplitMix64 rng(seed);
    std::vector<uint8_t> isRef(S);
    std::vector<uint64_t> refs, cands;
    std::vector<double> best;
    std::vector<uint64_t> bestRef, order;
    uint64_t r = 0;
    std::vector<std::pair<uint32_t, uint32_t>> skipped;
    for (uint64_t u = 0; u < units; ++u) {
        const uint64_t base = u * S;
        std::fill(isRef.begin(), isRef.end(), 0);
        for (uint64_t w = 0; w < nRef; ++w) isRef[w * K + rng.below(K)] = 1;
        refs.clear(), cands.clear();
        for (uint64_t s = 0; s < S; ++s) (isRef[s] ? refs : cands).push_back(base + s);
        best.assign(cands.size(), -2.0);
        bestRef.assign(cands.size(), 0);
        for (size_t c = 0; c < cands.size(); ++c)
            for (uint64_t ref : refs) {
                const double sim = cosineSimilarity(&acts[cands[c] * dim], &acts[ref * dim], dim);
                if (sim > best[c]) best[c] = sim, bestRef[c] = ref;
            }
        if (u == 0)
            for (double b : best) r += b > threshold;
        order.resize(cands.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](uint64_t a, uint64_t b) { return best[a] > best[b]; });
        for (uint64_t i = 0; i < std::min<uint64_t>(r, order.size()); ++i)
            skipped.emplace_back(uint32_t(cands[order[i]]), uint32_t(bestRef[order[i]]));
    }
    std::sort(skipped.begin(), skipped.end());
    for (const auto& [row, ref] : skipped) {
        d.skip.rows.push_back(row);
        d.skip.refs.push_back(ref);
    }
    d.intraSkips = skipped.size();
    return d;
}

}  // namespace vgm::timing
