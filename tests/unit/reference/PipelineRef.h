#pragma once
// Clock-stepped references for the dot engine and the SFU (test code only):
// an issue stage feeding a shift register of pipeline stages, one cycle per
// step, counting until the last item has left the last stage.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <stdexcept>

namespace vgm::test {

// Steps a pipeline of `stages` registers; `issue(cycle)` says whether an item
// enters this cycle. Returns the cycle count until the last item leaves.
template <typename IssueFn>
uint64_t stepPipeline(uint64_t items, uint64_t stages, IssueFn issue) {
    std::deque<bool> pipe(stages, false);  // pipe[s]: an item sits in stage s
    uint64_t issued = 0, retired = 0;
    for (uint64_t cycle = 0;; ++cycle) {
        if (cycle > 1000000000) throw std::runtime_error("pipeline reference did not finish");
        const bool in = issued < items && issue(cycle);
        issued += in;
        pipe.push_front(in);
        const bool out = pipe.back();
        pipe.pop_back();
        // An item issued in cycle c works in cycles c..c+stages and is done at their end.
        retired += stages == 0 ? in : out;
        if (retired == items) return cycle + 1;
    }
}

// Dot engine: blocks of dm x (dk*lanes) x dn issue one per cycle, K innermost;
// the accumulator takes block (i, j, kc) only after (i, j, kc-1).
inline uint64_t dotReference(uint64_t m, uint64_t k, uint64_t n, uint64_t batch, uint64_t dm, uint64_t dk,
                             uint64_t dn, uint64_t lanes, uint64_t latency, uint64_t depth) {
    const uint64_t mb = (m + dm - 1) / dm, nb = (n + dn - 1) / dn, kb = (k + dk * lanes - 1) / (dk * lanes);
    const uint64_t items = mb * nb * kb * batch;
    // depth - 1 multiplier stages plus `latency` adder/accumulator stages after the issue cycle.
    return stepPipeline(items, latency + depth - 1, [](uint64_t) { return true; });
}

// SFU: `passes` sweeps over `elements`, E per cycle, then `latency` stages.
inline uint64_t sfuReference(uint64_t elements, uint64_t perCycle, uint64_t passes, uint64_t latency) {
    if (elements == 0 || passes == 0) return 0;
    uint64_t perPass = 0;  // each pass is its own sweep: a partial last beat is not shared
    for (uint64_t e = elements; e > 0; e -= std::min(e, perCycle)) ++perPass;
    return stepPipeline(perPass * passes, latency, [](uint64_t) { return true; });
}

}  // namespace vgm::test
