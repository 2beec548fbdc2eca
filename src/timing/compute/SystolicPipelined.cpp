#include "timing/compute/Systolic.h"

#include <algorithm>

namespace vgm::timing {

namespace {

// The fold sequence of a (batched) GEMM, with the closed-form start cycle of
// fold g. Folds run fr inner, fc outer, so fold g uses row fold g mod FR.
struct FoldSeq {
    uint64_t fr, fc, rl, cl, R, C, t;
    bool preload;  // ws/is: stationary operand shifted into shadow registers

    uint64_t rowsOf(uint64_t g) const { return g % fr == fr - 1 ? rl : R; }
    uint64_t colsOf(uint64_t g) const { return (g / fr) % fc == fc - 1 ? cl : C; }
    // Stream start distance between consecutive folds using a then b rows.
    // ws/is: b's shadow chain may shift once every row it overwrites has been
    // copied by the first beat of the fold that loaded it (row i copies i
    // cycles after that fold's start), then takes b cycles; the stream itself
    // needs t cycles.
    uint64_t period(uint64_t a, uint64_t b) const {
        return preload ? std::max(t, std::min(a, b) - 1 + b) : t;
    }
    // rl -> R: rows rl..R-1 still hold the values of the fold before (R rows,
    // started period(R, rl) earlier); they are copied R - 1 cycles after its start.
    uint64_t periodIntoFirst() const {
        const uint64_t p = period(rl, R);
        if (!preload) return p;
        const uint64_t before = period(R, rl);
        return 2 * R - 1 > before ? std::max(p, 2 * R - 1 - before) : p;
    }

    uint64_t start(uint64_t g) const {
        const uint64_t first = preload ? rowsOf(0) : 0;
        if (fr == 1) return first + g * period(rl, rl);
        // Transitions into h in [1, g]: h mod FR == FR-1 (R -> rl), h mod FR == 0 (rl -> R), else R -> R.
        const uint64_t toLast = g >= fr - 1 ? (g - (fr - 1)) / fr + 1 : 0;
        const uint64_t toFirst = g / fr;
        return first + toLast * period(R, rl) + toFirst * periodIntoFirst() +
               (g - toLast - toFirst) * period(R, R);
    }
    // Last MAC: the last streamed element reaches the far corner of the used block.
    uint64_t lastMac(uint64_t g) const { return start(g) + t + rowsOf(g) + colsOf(g) - 3; }
};

}  // namespace

uint64_t SystolicPipelined::gemmCycles(const GemmShape& g, const UnitMode& mode) const {
    const SystolicMap s = mapGemm(geo_.dataflow, g, mode.lanes);
    FoldSeq q;
    q.R = geo_.rows;
    q.C = geo_.cols;
    q.fr = ceilDiv(s.sr, q.R);
    q.fc = ceilDiv(s.sc, q.C);
    q.rl = s.sr - (q.fr - 1) * q.R;
    q.cl = s.sc - (q.fc - 1) * q.C;
    q.t = s.t;
    q.preload = geo_.dataflow != Dataflow::Os;
    const uint64_t folds = q.fr * q.fc * g.batch;
    // start() grows with g, so the latest fold of each (rows, cols) class wins.
    uint64_t end = 0;
    for (uint64_t back : {uint64_t{1}, uint64_t{2}, q.fr + 1, q.fr + 2})
        if (back <= folds) end = std::max(end, q.lastMac(folds - back));
    return end + 1 + mode.depth - 1;
}

std::string SystolicPipelined::describe() const {
    static const char* const df[] = {"os", "ws", "is"};
    return "systolic " + std::to_string(geo_.rows) + "x" + std::to_string(geo_.cols) + " " +
           df[static_cast<int>(geo_.dataflow)] + " pipelined";
}

}  // namespace vgm::timing
