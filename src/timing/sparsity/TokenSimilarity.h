#pragma once
// The SU's detection algorithm (FlightVGM time-space sparsification).
// Inter-frame: frames in groups of G, each group's middle frame is the
// reference; a token is compared with the same position of the reference
// frame. Intra-frame: each frame's tokens in blocks of K, the middle token is
// the reference; a token already pruned inter-frame has similarity 0: it is
// not examined again, and a block whose middle token was pruned skips nothing.
// A skipped row's reference is always a computed row: an inter-frame reference
// pruned intra-frame hands over its own reference (same output row).
#include <cstdint>
#include <vector>

#include "timing/sparsity/SuTiming.h"
#include "timing/sparsity/TokenLayout.h"
#include "workload/Operator.h"

namespace vgm::timing {

struct Detection {
    workload::SkipSet skip;
    SuWork work;
    uint64_t interSkips = 0, intraSkips = 0;
};

// Online detection from activations (rows x dim, row-major): skip when the
// cosine similarity is strictly above `threshold` (0 for a zero vector).
Detection detectSkips(const TokenLayout& lay, uint64_t dim, const std::vector<float>& acts, uint64_t groupFrames,
                      uint64_t blockTokens, double threshold);

// The SU work that produced `skip` (a mask from a trace): every inter-frame
// candidate is examined; intra-frame candidates are the tokens of blocks whose
// middle token survived inter-frame, minus those pruned inter-frame (a skipped
// row whose reference lies in another frame). Null `skip`: nothing pruned.
SuWork workForMask(const TokenLayout& lay, uint64_t groupFrames, uint64_t blockTokens,
                   const workload::SkipSet* skip);

double cosineSimilarity(const float* a, const float* b, uint64_t dim);

}  // namespace vgm::timing
