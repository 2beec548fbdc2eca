#pragma once
// The FlightVGM GPU artifact's detector (sparse_engine.py of the authors'
// OpenSora code), as an SU option (`sparsity.detector = artifact`). Per unit
// (one frame of one CFG half): the frame's tokens are cut into windows of
// `windowTokens` consecutive tokens (a trace carrying activations has no 2-D
// frame shape, so the artifact's sy x sx windows become 1 x K); one token per
// full window, drawn at random, is a reference; every other token (the rest
// of each window and the tokens past the last full window) is a candidate and
// is matched against EVERY reference of its unit (global best match). The
// count r = candidates of the first unit whose best similarity is strictly
// above the threshold; every unit then skips its r best-matching candidates
// (ties: lower row first), each copied from its best reference.
//
// Cost on the SU datapath (SuTiming): the reference register holds one
// reference while all candidates of the unit stream past it, so per unit:
// refs reference loads, refs x candidates candidate passes (x.r, x.x, r.r:
// 3d MACs each), and a ranking of the candidates' best scores on the compare
// stage, c x ceil(log2 c) compare cycles (merge sort on one comparator,
// assumed). The work does not depend on the activations.
#include <cstdint>
#include <vector>

#include "timing/sparsity/TokenSimilarity.h"
#include "workload/Windows.h"

namespace vgm::timing {

SuWork artifactWork(const TokenLayout& lay, uint64_t windowTokens);

// The same algorithm's work for a mask drawn into a trace in window unit `k`
// (Windows.h) of `grid`, `copies` CFG halves: a unit is what the artifact
// calls its detector on (blocks.py, stdit3.py): one frame, H x W with 1x2
// (spatial QKV) or 2x2 windows; one spatial position, its T frames as 1 x T
// with 1x2 windows (temporal blocks); the whole video, (T*H) x W with 2x2
// windows (cross-attention, MLP). References = the unit's full windows; every
// other token, partial windows included, is a candidate.
SuWork artifactWindowWork(const workload::TokenGrid& grid, uint64_t copies, workload::WindowKind k);

// `seed` draws the references (the artifact draws them anew at every call).
Detection detectArtifact(const TokenLayout& lay, uint64_t dim, const std::vector<float>& acts,
                         uint64_t windowTokens, double threshold, uint64_t seed);

}  // namespace vgm::timing
