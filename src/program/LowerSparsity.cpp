// SU examine pieces ahead of an operator's tiles and RU copy pieces behind.
#include <algorithm>

#include "program/LoweringCtx.h"

namespace vgm::program {

std::vector<uint64_t> Lowering::suPieces(Ctx& c, uint64_t pieces, uint64_t pieceRows) {
    const timing::OpPlan& p = c.work.plan;
    if (!p.examined || p.suCycles == 0) return {};
    std::vector<uint64_t> su(pieces, kNone);
    for (uint64_t r = 0; r < pieces; ++r) {
        Command s;
        s.kind = CmdKind::SuExamine;
        s.stream = suStream_;
        s.piece = uint32_t(r);
        s.cycles = slice(p.suCycles, r, pieces);
        // With overlap the SU reads each row piece as the previous operator produces it.
        if (sparsity_.overlap)
            s.deps = inputDeps(c, r * pieceRows, std::min(c.op.m, (r + 1) * pieceRows));
        else if (prev_.count)
            s.deps.push_back({prev_.first, uint32_t(prev_.count), false});
        su[r] = emit(c, std::move(s));
    }
    return su;
}

void Lowering::ruPieces(Ctx& c, std::vector<DepList>& out, const std::vector<uint64_t>& su,
                        uint64_t pieceRows, const SkipView& skip, uint64_t storeAddr) {
    const timing::OpPlan& p = c.work.plan;
    if (p.ruRows == 0) return;
    const uint64_t rowBytes = c.op.n * kActBytes;
    std::vector<DepRange> copies;
    for (uint64_t r = 0; r < out.size(); ++r) {
        const uint64_t lo = r * pieceRows, hi = std::min(c.op.m, lo + pieceRows);
        const uint64_t rows = skip.count(lo, hi);
        if (rows == 0) continue;
        Command u;
        u.kind = CmdKind::RuCopy;
        u.stream = ruStream_;
        u.piece = uint32_t(r);
        u.cycles = timing::ruCycles(sparsity_.ru, rows, rowBytes);
        // Wait for the pieces that compute the reference rows (a group's middle frame may be pieces away).
        const workload::SkipSet& set = *skip.set();
        const auto first = std::lower_bound(set.rows.begin(), set.rows.end(), lo) - set.rows.begin();
        uint64_t qlo = r, qhi = r;
        if (size_t(first) < set.rows.size() && set.rows[size_t(first)] < hi) {
            // The pieces of the lowest and highest reference (floor division keeps the order).
            uint32_t refLo = ~uint32_t(0), refHi = 0;
            for (auto i = size_t(first); i < set.rows.size() && set.rows[i] < hi; ++i)
                refLo = std::min(refLo, set.refs[i]), refHi = std::max(refHi, set.refs[i]);
            qlo = std::min(qlo, std::min<uint64_t>(refLo / pieceRows, out.size() - 1));
            qhi = std::max(qhi, std::min<uint64_t>(refHi / pieceRows, out.size() - 1));
        }
        for (uint64_t q = qlo; q <= qhi; ++q) u.deps.insert(u.deps.end(), out[q].begin(), out[q].end());
        appendPieces(u.deps, su, lo, hi, pieceRows);
        const uint64_t idx = emit(c, std::move(u));
        out[r].push_back({idx, 1, false});
        copies.push_back({idx, 1, false});
    }
    if (storeAddr == kNone || copies.empty()) return;
    // The copied rows belong to the spilled tensor as much as the computed ones.
    emit(c, transfer(CmdKind::StoreAct, p.ruRows * rowBytes * c.op.batch, storeAddr, 0, std::move(copies)));
}

}  // namespace vgm::program
