#pragma once
// How an operator's M rows map to tokens: `copies` CFG halves, each `frames`
// frames of `perFrame` tokens, frame-major (row = (c*frames + t)*perFrame + s).
#include <cstdint>

namespace vgm::timing {

struct TokenLayout {
    uint64_t copies = 1, frames = 1, perFrame = 1;
    uint64_t rows() const { return copies * frames * perFrame; }
    // The layout for `m` rows given a latent grid and batch; an operator whose
    // rows do not match the grid (e.g. text tokens) is one frame of m tokens.
    static TokenLayout forRows(uint64_t m, uint64_t frames, uint64_t perFrame, uint64_t batch) {
        if (frames * perFrame * batch == m && m > 0) return {batch, frames, perFrame};
        return {1, 1, m};
    }
};

// Index of a group's or block's reference: its middle element.
inline uint64_t middleOf(uint64_t size) { return size / 2; }

}  // namespace vgm::timing
