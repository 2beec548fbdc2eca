#pragma once
// Cost rule of the sparsification unit (SU). Microarchitecture: one token at a
// time; a token's d elements stream from the activation buffer through the
// read port into L multiply-add lanes that compute x.r, x.x and r.r (3d MACs)
// as the elements arrive, so a candidate occupies the unit for
// max(read cycles, MAC cycles). A reference load only fills the reference
// register (read cycles, no MACs). The last candidate's result leaves the
// adder tree + compare after `depth` cycles, and one more cycle writes the
// final mask word (earlier words are written in the shadow of later tokens).
#include <cstdint>

namespace vgm::timing {

struct SuDatapath {
    uint64_t lanes = 64;
    uint64_t elemBytes = 2;
    uint64_t readBytesPerCycle = 64;
    uint64_t depth = 12;
};

// What the SU does for one operator: reference-register loads and candidate
// tokens compared against the loaded reference.
struct SuWork {
    uint64_t refLoads = 0, candidates = 0;
    uint64_t compares = 0;  // cycles of the compare stage alone (a ranking; the artifact detector)
    SuWork& operator+=(const SuWork& o) {
        refLoads += o.refLoads;
        candidates += o.candidates;
        compares += o.compares;
        return *this;
    }
    bool operator==(const SuWork& o) const {
        return refLoads == o.refLoads && candidates == o.candidates && compares == o.compares;
    }
};

uint64_t suReadCycles(const SuDatapath& dp, uint64_t dim);
uint64_t suCandidateCycles(const SuDatapath& dp, uint64_t dim);
// Exact cycles for `w` on vectors of `dim` elements; 0 when there is no candidate.
uint64_t suCycles(const SuDatapath& dp, const SuWork& w, uint64_t dim);
inline uint64_t suMacs(const SuWork& w, uint64_t dim) { return 3 * dim * w.candidates; }
inline uint64_t suBytesRead(const SuDatapath& dp, const SuWork& w, uint64_t dim) {
    return (w.refLoads + w.candidates) * dim * dp.elemBytes;
}

}  // namespace vgm::timing
