#include "workload/Windows.h"

#include <algorithm>
#include <utility>

#include "workload/Rng.h"

namespace vgm::workload {

namespace {
const char* const kNames[] = {"frame:1x2", "frame:2x2", "position:t2", "video:2x2"};

using Cand = std::pair<uint32_t, uint32_t>;  // (row, ref)

// 2x2 windows (clipped at odd edges) of frame t; reference is the top-left token.
void frame2x2(const TokenGrid& g, uint64_t t, std::vector<Cand>& out) {
    uint64_t base = t * g.perFrame();
    for (uint32_t h = 0; h < g.height; h += 2)
        for (uint32_t w = 0; w < g.width; w += 2) {
            auto ref = static_cast<uint32_t>(base + uint64_t(h) * g.width + w);
            for (uint32_t dh = 0; dh < 2 && h + dh < g.height; ++dh)
                for (uint32_t dw = 0; dw < 2 && w + dw < g.width; ++dw)
                    if (dh || dw) out.emplace_back(ref + dh * g.width + dw, ref);
        }
}

void candidates(const TokenGrid& g, WindowKind k, uint64_t unit, std::vector<Cand>& out) {
    out.clear();
    switch (k) {
        case WindowKind::Frame1x2: {
            uint64_t base = unit * g.perFrame();
            for (uint32_t h = 0; h < g.height; ++h)
                for (uint32_t w = 0; w + 1 < g.width; w += 2) {
                    auto ref = static_cast<uint32_t>(base + uint64_t(h) * g.width + w);
                    out.emplace_back(ref + 1, ref);
                }
            break;
        }
        case WindowKind::Frame2x2:
            frame2x2(g, unit, out);
            break;
        case WindowKind::PositionT2:
            for (uint64_t t = 0; t + 1 < g.frames; t += 2) {
                auto ref = static_cast<uint32_t>(t * g.perFrame() + unit);
                out.emplace_back(static_cast<uint32_t>(ref + g.perFrame()), ref);
            }
            break;
        case WindowKind::Video2x2:
            for (uint64_t t = 0; t < g.frames; ++t) frame2x2(g, t, out);
            break;
    }
}
}  // namespace

void windowCandidates(const TokenGrid& g, WindowKind k, uint64_t unit, std::vector<Cand>& out) {
    candidates(g, k, unit, out);
}

const char* toString(WindowKind k) {
    return kNames[static_cast<size_t>(k)];
}

bool parseWindowKind(const std::string& s, WindowKind& out) {
    for (size_t i = 0; i < 4; ++i)
        if (s == kNames[i]) {
            out = static_cast<WindowKind>(i);
            return true;
        }
    return false;
}

std::vector<std::string> windowKindNames() {
    return {kNames, kNames + 4};
}

uint64_t unitCount(const TokenGrid& g, WindowKind k) {
    switch (k) {
        case WindowKind::Frame1x2:
        case WindowKind::Frame2x2:
            return g.frames;
        case WindowKind::PositionT2:
            return g.perFrame();
        case WindowKind::Video2x2:
            return 1;
    }
    return 1;
}

uint64_t unitTokens(const TokenGrid& g, WindowKind k) {
    return g.tokens() / unitCount(g, k);
}

uint64_t unitCapacity(const TokenGrid& g, WindowKind k) {
    uint64_t h2 = g.height / 2, w2 = g.width / 2;
    uint64_t frame2x2 = 3 * h2 * w2 + (g.height % 2) * w2 + (g.width % 2) * h2;
    switch (k) {
        case WindowKind::Frame1x2:
            return uint64_t(g.height) * w2;
        case WindowKind::Frame2x2:
            return frame2x2;
        case WindowKind::PositionT2:
            return g.frames / 2;
        case WindowKind::Video2x2:
            return frame2x2 * g.frames;
    }
    return 0;
}

SkipSet drawSkips(const TokenGrid& g, WindowKind k, uint64_t perUnit, uint64_t seed, uint64_t* clamped) {
    Rng rng(seed);
    std::vector<Cand> cands, chosen;
    uint64_t units = unitCount(g, k);
    uint64_t take = std::min(perUnit, unitCapacity(g, k));
    if (clamped) *clamped += (perUnit - take) * units;
    if (take == 0) return {};
    chosen.reserve(take * units);
    for (uint64_t u = 0; u < units; ++u) {
        candidates(g, k, u, cands);
        // Partial Fisher-Yates: the first `take` entries become a uniform sample.
        for (uint64_t i = 0; i < take; ++i) std::swap(cands[i], cands[i + rng.below(cands.size() - i)]);
        chosen.insert(chosen.end(), cands.begin(), cands.begin() + static_cast<ptrdiff_t>(take));
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

SkipSet repeatSkips(const SkipSet& base, uint64_t period, uint64_t repeat) {
    SkipSet s;
    const size_t n = base.rows.size();
    s.rows.resize(n * repeat);
    s.refs.resize(n * repeat);
    for (uint64_t r = 0; r < repeat; ++r) {
        const auto off = static_cast<uint32_t>(r * period);
        uint32_t *rows = s.rows.data() + r * n, *refs = s.refs.data() + r * n;
        for (size_t i = 0; i < n; ++i) rows[i] = base.rows[i] + off, refs[i] = base.refs[i] + off;
    }
    return s;
}

}  // namespace vgm::workload
