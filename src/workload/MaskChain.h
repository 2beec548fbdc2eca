#pragma once
// Step-correlated skip masks. Real diffusion activations change slowly from
// step to step, so a token skipped at step s is likely skipped at s + 1: each
// (block, skip group) slot keeps a chain, and at every step a token of last
// step's mask stays skipped with probability `persistence` (if the step's
// count allows); the rest of the count is drawn uniformly among the tokens
// that were not skipped last step (then among the dropped ones if needed).
// persistence = 0, or a chain's first step, draws exactly like drawSkips.
#include <cstdint>
#include <vector>

#include "workload/Windows.h"

namespace vgm::workload {

// Default persistence, estimated from the measured log (traces/README.md
// "Step correlation"): the log has counts, not token ids, so the estimate is
// the largest share of a step's skipped tokens that can stay skipped at the
// next step, sum(min(k_s, k_s+1)) / sum(k_s) over prompts, blocks, operators
// and steps, weighted by tokens: 0.951 (tools/sparsity_study.py persistence).
constexpr double kDefaultPersistence = 0.95;

class MaskChain {
public:
    // This step's mask with `perUnit` tokens per window unit (clamped as in drawSkips).
    SkipSet next(const TokenGrid& g, WindowKind k, uint64_t perUnit, uint64_t seed, double persistence,
                 uint64_t* clamped = nullptr);

private:
    std::vector<uint8_t> prev_;  // per candidate, unit-major: skipped at the previous step
    WindowKind kind_ = WindowKind::Frame1x2;
};

// Rejects a persistence outside [0, 1] (`what` names the option or field).
void checkPersistence(double p, const std::string& what);

}  // namespace vgm::workload
