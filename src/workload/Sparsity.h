#pragma once
// Sparsity sources: fill a dense trace's skip records.
//   dense           no skipped rows
//   measured:LOG    the FlightVGM OpenSora 1.2 log (one prompt), rows drawn in windows
//   stat:PROFILE    per-role, per-step skip fractions; the reader draws the rows
//   masks:FILE      explicit masks written by tools/extract_sparsity.py
//   uniform:R       what-if: every skip group skips the fraction R of its tokens
// measured, stat and uniform masks are step-correlated (MaskChain.h): a token
// skipped at one step stays skipped at the next with probability `persistence`.
#include <cstdint>
#include <string>
#include <vector>

#include "workload/MaskChain.h"
#include "workload/TraceSpec.h"

namespace vgm::workload {

// `detector` ("paper" or "artifact") is the SU algorithm the masks are taken to
// follow; it is recorded as `sparsity.detector` and a run must use the same one.
// measured/stat/uniform masks are the same draws under either tag (in the GPU
// artifact's window units); masks:FILE carry their own (detector.algorithm).
void applySparsity(TraceSpec& spec, const std::string& source, uint32_t prompt, uint64_t seed,
                   double persistence = kDefaultPersistence, const std::string& detector = "paper");

// The detector a trace header's masks follow: `sparsity.detector`, or "paper"
// when absent (traces written before the tag: vgmsim trace could then only
// write what --detector paper writes now, and masks files come from the
// paper's detector).
std::string maskDetector(const Json& header);

// The measured log: values[((prompt * steps + step) * blocks + block) * ops + op].
struct MeasuredLog {
    static constexpr uint32_t kSteps = 30, kBlocks = 56, kOps = 5;
    // The logged run: 240p 9:16, 64 frames -> 19 x 15 x 27 tokens.
    static constexpr uint32_t kTokens = 7695, kPerFrame = 405, kFrames = 19;
    uint32_t prompts = 0;
    std::vector<double> values;
    double at(uint32_t prompt, uint32_t step, uint32_t block, uint32_t op) const {
        return values[((size_t(prompt) * kSteps + step) * kBlocks + block) * kOps + op];
    }
};
MeasuredLog readMeasuredLog(const std::string& path);

// Skip fraction of a window unit that a log value means (FACTS.md: the value is
// 1 - kept/7695 whatever the unit; kept is per frame, per position or total).
double measuredSkipFraction(double value, const std::string& window);

void applyMeasured(TraceSpec& spec, const std::string& path, uint32_t prompt, uint64_t seed, double persistence);
void applyStat(TraceSpec& spec, const std::string& path, uint64_t seed, double persistence);
void applyUniform(TraceSpec& spec, const std::string& ratio, uint64_t seed, double persistence);
void applyMasks(TraceSpec& spec, const std::string& path, const std::string& detector = "paper");

// Profile role key of a skip group in a template ("spatial.self_qkv").
std::string profileKey(const std::string& tmpl, const std::string& group);

}  // namespace vgm::workload
