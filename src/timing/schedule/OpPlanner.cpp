#include "timing/schedule/OpPlanner.h"

#include <algorithm>

#include "common/Error.h"
#include "timing/sparsity/ArtifactDetector.h"
#include "timing/sparsity/TokenSimilarity.h"

namespace vgm::timing {

using workload::Operator;
using workload::SkipSet;

namespace {
// Output rows leave the array in FP16 (INT8 results are rescaled).
constexpr uint64_t kOutputBytes = 2;

uint64_t countBelow(const SkipSet* s, uint64_t rows) {
    if (!s) return 0;
    return uint64_t(std::lower_bound(s->rows.begin(), s->rows.end(), rows) - s->rows.begin());
}
}  // namespace

OpPlanner::OpPlanner(const ComputeSpec& compute, const SparsitySpec& sparsity, const ScheduleSpec& sched,
                     uint64_t frames, uint64_t perFrame, uint64_t batch, std::optional<workload::TokenGrid> grid)
    : compute_(compute), sparsity_(sparsity), sched_(sched), frames_(frames), perFrame_(perFrame), batch_(batch),
      grid_(grid) {}

SuWork OpPlanner::artifactTraceWork(const Operator& op, const TokenLayout& lay) const {
    const uint64_t tokens = grid_ ? grid_->tokens() : 0;
    if (op.skipWindow && tokens > 0 && op.m % tokens == 0)
        return artifactWindowWork(*grid_, op.m / tokens, *op.skipWindow);
    if (op.skip)
        throw InputError("operator " + op.label() + ": its trace mask has no window unit over the trace's token "
                         "grid, so the artifact detector's cost for it is not implemented yet; allowed: "
                         "sparsity.detector = paper");
    // Examined for its role, nothing in the trace: the work the online detector would do.
    return artifactWork(lay, sparsity_.blockTokens);
}

uint64_t OpPlanner::elemBytes(Precision p) {
    switch (p) {
    case Precision::Int8: return 1;
    case Precision::Int16:
    case Precision::Fp16: return 2;
    case Precision::Fp32: return 4;
    }
    return 2;
}

OpPlan OpPlanner::plan(const Operator& op, size_t slot) {
    OpPlan p;
    const bool gemm = workload::isGemm(op.kind);
    p.precision = gemm ? compute_.precisionOf(op) : Precision::Fp16;
    const uint64_t eb = elemBytes(p.precision);
    p.weightBytes = op.weightElems * eb;
    p.outputBytes = op.outputElems * kOutputBytes;
    p.rowsComputed = op.m;
    p.examined = gemm && sparsity_.enabled && (sparsity_.examines(op.role) || op.skip || op.acts);
    const uint64_t key = (uint64_t(op.step) << 32) | op.block;
    if (p.examined && op.role == workload::Role::Fc2 && key == fc1Key_) {
        // MLP mask reuse: a row fc1 copied gives fc2 a copied input row, so fc2 skips the
        // same rows with the same references and the SU does not run again.
        p.examined = false;
        p.reusedMask = true;
        p.skipped = fc1Mask_;
        p.issued = fc1Mask_;
    } else if (p.examined) {
        const TokenLayout lay = TokenLayout::forRows(op.m, frames_, perFrame_, batch_);
        std::shared_ptr<const SkipSet> mask = op.skip;
        if (op.acts) {  // online: the detected set replaces the (absent) trace mask
            const double thr = sparsity_.thresholdOf(op.role);
            // The artifact draws its references anew per call: a fixed function of the operator's place.
            const uint64_t seed = (uint64_t(op.step) << 40) ^ (uint64_t(op.block) << 20) ^ slot;
            Detection d = sparsity_.detector == Detector::Artifact
                              ? detectArtifact(lay, op.k, *op.acts, sparsity_.blockTokens, thr, seed)
                              : detectSkips(lay, op.k, *op.acts, sparsity_.groupFrames, sparsity_.blockTokens, thr);
            p.su = d.work;
            if (!d.skip.rows.empty()) mask = std::make_shared<const SkipSet>(std::move(d.skip));
        } else if (sparsity_.detector == Detector::Artifact) {
            p.su = artifactTraceWork(op, lay);
        } else {
            p.su = workForMask(lay, sparsity_.groupFrames, sparsity_.blockTokens, op.skip.get());
        }
        p.suCycles = suCycles(sparsity_.su, p.su, op.k);
        p.suMacs = suMacs(p.su, op.k);
        p.suBytes = suBytesRead(sparsity_.su, p.su, op.k);
        p.skipped = mask;
        p.issued = mask;
        if (sched_.lookahead && history_.seen(slot)) {
            // Tiles are issued on the prediction before the SU has verified it; the rows
            // the RU finally copies are the ones both masks skip.
            const auto predicted = history_.predict(slot);
            p.speculated = true;
            p.spec = verifyPrediction(predicted.get(), mask.get(), op.m, sched_.replayPenalty);
            p.replayRows = falsePositives(predicted.get(), mask.get(), op.m);
            p.issued = predicted;
            p.skipped = predicted && mask ? std::make_shared<const SkipSet>(intersectSkips(*predicted, *mask))
                                             : nullptr;
        }
        history_.update(slot, mask);
        if (op.role == workload::Role::Fc1) fc1Mask_ = p.skipped, fc1Key_ = key;
    }
    if (p.examined || p.reusedMask) {
        p.ruRows = countBelow(p.skipped.get(), op.m);
        p.ruCycles = ruCycles(sparsity_.ru, p.ruRows, op.n * kOutputBytes);
        p.ruBytes = ruBytes(sparsity_.ru, p.ruRows, op.n * kOutputBytes);
        p.rowsComputed = op.m - p.ruRows;
    }
    p.rowsIssued = gemm ? op.m - countBelow(p.issued.get(), op.m) : op.m;
    p.macsExecuted = gemm ? p.rowsComputed * op.k * op.n * op.batch : 0;
    p.macsSkipped = op.denseMacs() - p.macsExecuted;
    // Rows the ZSS skips are not fetched: the memory side gets SKIP for them.
    const unsigned __int128 in = static_cast<unsigned __int128>(op.inputElems) * (gemm ? eb : kOutputBytes);
    p.inputBytes = op.m ? uint64_t(in * p.rowsComputed / op.m) : 0;
    return p;
}

}  // namespace vgm::timing
