#include "dse/Sampler.h"

#include <algorithm>
#include <set>

#include "common/SplitMix64.h"

namespace vgm::dse {

size_t gridSize(const std::vector<size_t>& sizes, size_t cap) {
    size_t total = 1;
    for (size_t s : sizes) {
        if (s == 0) return 0;
        if (total > cap / s) return SIZE_MAX;
        total *= s;
    }
    return total;
}

static IndexTuple unflatten(size_t flat, const std::vector<size_t>& sizes) {
    IndexTuple t(sizes.size());
    for (size_t a = sizes.size(); a-- > 0;) {
        t[a] = flat % sizes[a];
        flat /= sizes[a];
    }
    return t;
}

std::vector<IndexTuple> gridPoints(const std::vector<size_t>& sizes) {
    const size_t total = gridSize(sizes, kMaxPoints);
    std::vector<IndexTuple> out;
    if (total == SIZE_MAX) return out;  // caller reports the size error
    out.reserve(total);
    for (size_t f = 0; f < total; ++f) out.push_back(unflatten(f, sizes));
    return out;
}

std::vector<IndexTuple> randomPoints(const std::vector<size_t>& sizes, size_t samples, uint64_t seed) {
    const size_t total = gridSize(sizes, SIZE_MAX - 1);
    if (total <= samples) return gridPoints(sizes);
    SplitMix64 rng(seed);
    std::set<size_t> chosen;  // ordered: output comes out in grid order
    while (chosen.size() < samples) chosen.insert(static_cast<size_t>(rng.below(total)));
    std::vector<IndexTuple> out;
    for (size_t f : chosen) out.push_back(unflatten(f, sizes));
    return out;
}

std::vector<IndexTuple> lhsPoints(const std::vector<size_t>& sizes, size_t samples, uint64_t seed) {
    SplitMix64 rng(seed);
    std::vector<IndexTuple> tuples(samples, IndexTuple(sizes.size()));
    for (size_t a = 0; a < sizes.size(); ++a) {
        std::vector<size_t> perm(samples);
        for (size_t i = 0; i < samples; ++i) perm[i] = i;
        for (size_t i = samples; i > 1; --i) std::swap(perm[i - 1], perm[rng.below(i)]);  // Fisher-Yates
        for (size_t s = 0; s < samples; ++s) {
            const double u = (static_cast<double>(perm[s]) + rng.unit()) / static_cast<double>(samples);
            tuples[s][a] = std::min(sizes[a] - 1, static_cast<size_t>(u * static_cast<double>(sizes[a])));
        }
    }
    std::vector<IndexTuple> out;
    std::set<IndexTuple> seen;
    for (auto& t : tuples)
        if (seen.insert(t).second) out.push_back(t);
    return out;
}

}  // namespace vgm::dse
