// GEMMs the array splits over its groups itself (tile_rows = 0, or attention
// without online softmax): one piece per group by batch items or columns, in
// chunks when operands spill. Chunks cut the batch, else N when the weights
// need several loads, else M; an operand every chunk reads in full is loaded
// once and held until the last chunk is done.
#include <algorithm>

#include "program/LoweringCtx.h"

namespace vgm::program {

namespace {

// Largest-remainder apportionment of `total` by `weights`; ties to the lower index.
std::vector<uint64_t> apportion(uint64_t total, const std::vector<uint64_t>& weights) {
    uint64_t sum = 0;
    for (uint64_t w : weights) sum += w;
    std::vector<uint64_t> share(weights.size(), 0);
    if (sum == 0) return share;
    std::vector<std::pair<unsigned __int128, size_t>> rest;
    uint64_t given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const unsigned __int128 num = static_cast<unsigned __int128>(total) * weights[i];
        share[i] = uint64_t(num / sum);
        given += share[i];
        rest.emplace_back(num % sum, i);
    }
    std::stable_sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t j = 0; given < total; ++j, ++given) ++share[rest[j % rest.size()].second];
    return share;
}

}  // namespace

void Lowering::lowerArraySplit(Ctx& c) {
    const workload::Operator& op = c.op;
    const timing::OpPlan& p = c.work.plan;
    std::vector<uint64_t> rate(compute_.groups.size(), 0);
    uint64_t engines = 0;
    uint32_t firstEligible = 0;
    for (auto it = compute_.groups.rbegin(); it != compute_.groups.rend(); ++it)
        if (it->supports(p.precision)) {
            rate[it->index] = it->count * it->engine->peakMacsPerCycle(compute_.mode(*it, p.precision));
            engines += it->count;
            firstEligible = uint32_t(it->index);
        }
    const std::vector<uint64_t> su = suPieces(c, 1, std::max<uint64_t>(op.m, 1));
    const uint64_t rows = p.rowsComputed;
    const bool wSplit = ceilDiv(p.weightBytes, plan_.weightChunkBytes()) > 1;
    enum { ByBatch, ByN, ByM } cut = op.batch > 1 ? ByBatch : wSplit ? ByN : ByM;
    const uint64_t extent = cut == ByBatch ? op.batch : cut == ByN ? op.n : rows;
    uint64_t chunks = std::max<uint64_t>(c.work.chunks, c.work.outSpilled ? ceilDiv(p.outputBytes, outHalf_) : 1);
    chunks = std::max<uint64_t>(1, std::min(chunks, std::max<uint64_t>(extent, 1)));
    std::vector<DepRange> deps;
    if (prev_.count) deps.push_back({prev_.first, uint32_t(prev_.count), false});
    for (uint64_t s : su) deps.push_back({s, 1, false});
    auto load = [&](CmdKind kind, uint64_t bytes, uint32_t piece) {
        if (bytes == 0 || rows == 0) return kNone;
        const bool wait = kind == CmdKind::LoadAct || !preload_;
        return emit(c, transfer(kind, bytes, kind == CmdKind::LoadWeight ? c.work.weightAddr : c.work.inAddr, piece,
                                wait ? deps : std::vector<DepRange>{}));
    };
    // Weights are whole for every chunk unless the cut is along N; the input unless it is not.
    const uint64_t inBytes = c.work.inSpilled ? p.inputBytes : 0;
    const uint64_t wAll = cut == ByN ? kNone : load(CmdKind::LoadWeight, p.weightBytes, 0);
    const uint64_t aAll = cut == ByN ? load(CmdKind::LoadAct, inBytes, 0) : kNone;
    const uint64_t tag = p.weightBytes ? ++weightTag_ : 0;
    std::vector<DepRange> all;
    for (uint64_t ch = 0; ch < chunks && rows > 0; ++ch) {
        workload::Operator part = op;
        part.m = rows;
        (cut == ByBatch ? part.batch : cut == ByN ? part.n : part.m) = slice(extent, ch, chunks);
        std::vector<uint64_t> loads;
        for (uint64_t l : {wAll, aAll,
                           cut == ByN ? load(CmdKind::LoadWeight, slice(p.weightBytes, ch, chunks), uint32_t(ch)) : kNone,
                           cut != ByN ? load(CmdKind::LoadAct, slice(inBytes, ch, chunks), uint32_t(ch)) : kNone})
            if (l != kNone) loads.push_back(l);
        const bool byBatch = part.batch >= engines;
        const std::vector<uint64_t> share = apportion(byBatch ? part.batch : part.n, rate);
        std::vector<DepRange> stored;
        for (const auto& gs : compute_.groups) {
            if (share[gs.index] == 0) continue;
            timing::GemmShape s{part.m, part.k, part.n, part.batch};
            (byBatch ? s.batch : s.n) = ceilDiv(share[gs.index], gs.count);
            Command g;
            g.kind = CmdKind::Gemm;
            g.stream = groupStream_[gs.index];
            g.piece = uint32_t(ch);
            g.precision = p.precision;
            g.weightTag = cut == ByN ? (tag ? ++weightTag_ : 0) : tag;
            g.cycles = gs.engine->gemmCycles(s, compute_.mode(gs, p.precision));
            g.macs = byBatch ? part.m * part.k * part.n * share[gs.index] : part.m * part.k * share[gs.index] * part.batch;
            g.deps = deps;
            for (uint64_t l : loads) {
                g.deps.push_back({l, 1, true});
                ++c.out[l - c.base].users;
            }
            // Pieces on separate group streams hold no output space (they could deadlock on it).
            if (c.work.outSpilled) stored.push_back({c.base + c.out.size(), 1, false});
            all.push_back({emit(c, std::move(g)), 1, false});
        }
        if (!stored.empty()) {
            emit(c, transfer(CmdKind::StoreAct, slice(p.outputBytes, ch, chunks), c.work.outAddr, uint32_t(ch),
                             std::move(stored)));
        }
    }
    std::vector<DepList> out(1, all);
    ruPieces(c, out, su, std::max<uint64_t>(op.m, 1), SkipView(p.skipped.get(), op.m));
    if (p.speculated && p.spec.replayCycles > 0 && !su.empty()) {
        Command r;
        r.kind = CmdKind::Replay;
        r.stream = groupStream_[firstEligible];
        r.precision = p.precision;
        r.cycles = p.spec.replayCycles;
        r.deps.push_back({su[0], 1, false});
        emit(c, std::move(r));
    }
    c.produced.rowwise = false;
}

}  // namespace vgm::program
