#include "workload/MaskChain.h"

#include <algorithm>

#include "common/Error.h"
#include "workload/Rng.h"

namespace vgm::workload {

namespace {
double unitDraw(Rng& r) { return double(r.next() >> 11) * 0x1.0p-53; }

// Moves a uniform sample of `take` entries of v[lo, hi) to its front.
void sampleFront(std::vector<uint32_t>& v, size_t take, Rng& rng) {
    for (size_t i = 0; i < take; ++i) std::swap(v[i], v[i + rng.below(v.size() - i)]);
}
}  // namespace

void checkPersistence(double p, const std::string& what) {
    if (!(p >= 0.0 && p <= 1.0))
        throw InputError(what + " " + std::to_string(p) + " not allowed; allowed: a probability in [0, 1]");
}

SkipSet MaskChain::next(const TokenGrid& g, WindowKind k, uint64_t perUnit, uint64_t seed, double persistence,
                        uint64_t* clamped) {
    const uint64_t units = unitCount(g, k), cap = unitCapacity(g, k);
    const bool chained = persistence > 0 && kind_ == k && prev_.size() == units * cap;
    if (!chained) {
        SkipSet s = drawSkips(g, k, perUnit, seed, clamped);
        kind_ = k;
        prev_.assign(units * cap, 0);
        if (persistence == 0) return s;
        // Record which candidates were taken (candidate order is fixed per unit).
        std::vector<std::pair<uint32_t, uint32_t>> cands;
        for (uint64_t u = 0; u < units && !s.rows.empty(); ++u) {
            windowCandidates(g, k, u, cands);
            for (size_t i = 0; i < cands.size(); ++i)
                prev_[u * cap + i] = std::binary_search(s.rows.begin(), s.rows.end(), cands[i].first);
        }
        return s;
    }
    Rng rng(seed);
    const uint64_t take = std::min(perUnit, cap);
    if (clamped) *clamped += (perUnit - take) * units;
    std::vector<std::pair<uint32_t, uint32_t>> cands, chosen;
    std::vector<uint32_t> kept, fresh, dropped;
    for (uint64_t u = 0; u < units; ++u) {
        windowCandidates(g, k, u, cands);
        kept.clear(), fresh.clear(), dropped.clear();
        for (uint32_t i = 0; i < cands.size(); ++i) {
            if (!prev_[u * cap + i]) fresh.push_back(i);
            else if (unitDraw(rng) < persistence) kept.push_back(i);
            else dropped.push_back(i);
        }
        if (kept.size() > take) {
            sampleFront(kept, take, rng);
            kept.resize(take);
        }
        const size_t fromFresh = std::min(fresh.size(), size_t(take - kept.size()));
        sampleFront(fresh, fromFresh, rng);
        const size_t fromDropped = take - kept.size() - fromFresh;
        sampleFront(dropped, fromDropped, rng);
        std::fill(prev_.begin() + ptrdiff_t(u * cap), prev_.begin() + ptrdiff_t(u * cap + cands.size()), 0);
        auto pick = [&](const std::vector<uint32_t>& v, size_t n) {
            for (size_t j = 0; j < n; ++j) {
                prev_[u * cap + v[j]] = 1;
                chosen.push_back(cands[v[j]]);
            }
        };
        pick(kept, kept.size());
        pick(fresh, fromFresh);
        pick(dropped, fromDropped);
    }
    std::sort(chosen.begin(), chosen.end());
    SkipSet s;
    s.rows.reserve(chosen.size());
    s.refs.reserve(chosen.size());
    for (const auto& c : chosen) {
        s.rows.push_back(c.first);
        s.refs.push_back(c.second);
    }
    return s;
}

}  // namespace vgm::workload
