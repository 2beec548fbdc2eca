#pragma once
// Token grid of a latent video and the matching windows of the sparsity
// algorithms: the first token of each window is the reference, the others
// are the candidates that may be skipped (copied from that reference).
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "workload/Operator.h"

namespace vgm::workload {

// Tokens are ordered frame-major: token = t * (height * width) + h * width + w.
struct TokenGrid {
    uint32_t frames = 1, height = 1, width = 1;
    uint64_t perFrame() const { return uint64_t(height) * width; }
    uint64_t tokens() const { return perFrame() * frames; }
};

enum class WindowKind : uint8_t {
    Frame1x2,    // per frame: pairs of horizontally adjacent tokens; count is per frame
    Frame2x2,    // per frame: 2x2 windows; count is per frame
    PositionT2,  // per spatial position: pairs of adjacent frames; count is per position
    Video2x2,    // 2x2 windows in every frame; count is over the whole video
};

const char* toString(WindowKind k);
bool parseWindowKind(const std::string& s, WindowKind& out);
std::vector<std::string> windowKindNames();

uint64_t unitCount(const TokenGrid& g, WindowKind k);  // frames, positions or 1
uint64_t unitTokens(const TokenGrid& g, WindowKind k);
uint64_t unitCapacity(const TokenGrid& g, WindowKind k);  // candidates per unit

// Draws `perUnit` skipped tokens in every unit (clamped to the capacity; the
// number of rows lost to clamping is added to *clamped), seeded. Rows ascending.
SkipSet drawSkips(const TokenGrid& g, WindowKind k, uint64_t perUnit, uint64_t seed, uint64_t* clamped = nullptr);

// The candidates (row, reference) of window unit `unit`, in a fixed order.
void windowCandidates(const TokenGrid& g, WindowKind k, uint64_t unit, std::vector<std::pair<uint32_t, uint32_t>>& out);

// rows + r * period for r in [0, repeat): the same token mask in each CFG half.
SkipSet repeatSkips(const SkipSet& base, uint64_t period, uint64_t repeat);

}  // namespace vgm::workload
