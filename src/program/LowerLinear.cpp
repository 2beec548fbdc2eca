// Linear layers as ZSS row tiles: weights in buffer-sized chunks along N,
// surviving rows packed into dense tiles (static: dense tiles, fully skipped
// ones dropped), spilled inputs loaded by row chunks, spilled outputs stored
// in chunks that fit the output buffer, SU pieces ahead and RU pieces behind.
#include <algorithm>

#include "program/LoweringCtx.h"
#include "program/SparsityPieces.h"

namespace vgm::program {

namespace {
struct TileRef {
    uint64_t first = 0;
    uint32_t count = 0;
    uint64_t lo = 0, hi = 0;  // dense rows it covers
};
}  // namespace

void Lowering::lowerLinear(Ctx& c) {
    const workload::Operator& op = c.op;
    const timing::OpPlan& p = c.work.plan;
    const uint64_t m = op.m, tr = sched_.tileRows, eb = timing::OpPlanner::elemBytes(p.precision);
    const uint64_t pieces = std::max<uint64_t>(1, ceilDiv(m, tr));
    // Tiles run on the rows the ZSS issues (the predicted mask when speculating); false
    // positives are replayed per weight chunk after verification; the RU copies `skipped`.
    const SkipView skip(p.issued.get(), m);
    // A tensor streamed tile by tile between row-parallel operators never needs to fit on chip
    // whole; one that a consumer (or this operator) needs whole goes through HBM when too big.
    const bool inSpilled = c.work.inSpilled && !c.rowMapped;
    const bool outSpilled = c.work.outSpilled && !streamsOut(c.index);
    const std::vector<uint64_t> su = suPieces(c, pieces, tr);

    // Row tiles: dense rows [lo, hi) and the rows computed for them.
    struct RowTile {
        uint64_t lo, hi, rows, survivors;
    };
    std::vector<RowTile> tiles;
    const uint64_t rc = p.rowsIssued;
    if (packed_) {
        for (uint64_t t = 0; t * tr < rc; ++t) {
            const uint64_t rows = std::min(tr, rc - t * tr);
            // The dense rows this tile's survivors come from (the rows it reads and writes).
            const uint64_t lo = skip.denseRow(t * tr), hi = skip.denseRow(t * tr + rows - 1) + 1;
            tiles.push_back({lo, hi, rows, rows});
        }
    } else {
        for (uint64_t lo = 0; lo < m; lo += tr) {
            const uint64_t hi = std::min(m, lo + tr), alive = (hi - lo) - skip.count(lo, hi);
            if (alive > 0) tiles.push_back({lo, hi, hi - lo, alive});
        }
    }
    std::vector<uint32_t> eligible;
    for (const auto& g : compute_.groups)
        if (g.supports(p.precision)) eligible.push_back(uint32_t(g.index));

    // Weight chunks hold whole columns; a column bigger than a chunk takes the buffer alone.
    const uint64_t wChunks =
        tiles.empty() ? 0 : std::clamp<uint64_t>(ceilDiv(p.weightBytes, plan_.weightChunkBytes()), 1, std::max<uint64_t>(op.n, 1));
    const uint64_t rowInBytes = std::max<uint64_t>(1, op.k * eb * op.batch);
    const uint64_t tilesPerAct = std::max<uint64_t>(1, actHalf_ / rowInBytes / std::max<uint64_t>(tr, 1));
    std::vector<std::vector<TileRef>> refs(wChunks);
    std::vector<DepList> replays(pieces);  // replay commands by output piece
    GroupCycles cost;
    uint64_t costRows = 0, costCols = 0;
    uint64_t wOffset = 0;
    for (uint64_t ch = 0; ch < wChunks; ++ch) {
        Command w = transfer(CmdKind::LoadWeight, slice(p.weightBytes, ch, wChunks), c.work.weightAddr + wOffset,
                             uint32_t(ch), {});
        wOffset += w.bytes;
        if (!preload_ && prev_.count) w.deps.push_back({prev_.first, uint32_t(prev_.count), false});
        const bool hasW = w.bytes > 0;
        const uint64_t wIdx = hasW ? emit(c, std::move(w)) : 0;
        const uint64_t tag = ++weightTag_;
        const uint64_t cols = slice(op.n, ch, wChunks);
        const uint64_t tc = sched_.tileCols ? std::min(sched_.tileCols, cols) : cols;
        uint64_t aIdx = 0, aOffset = 0, pendingBytes = 0, stored = 0;
        std::vector<DepRange> pending;
        std::vector<uint64_t> stores;
        auto flushStore = [&] {
            if (pending.empty()) return;
            stores.push_back(emit(c, transfer(CmdKind::StoreAct, pendingBytes, c.work.outAddr + stored,
                                              uint32_t(stores.size()), std::move(pending))));
            stored += pendingBytes;
            pending.clear();
            pendingBytes = 0;
        };
        for (size_t t = 0; t < tiles.size(); ++t) {
            const RowTile& rt = tiles[t];
            if (inSpilled && t % tilesPerAct == 0) {
                const size_t last = std::min(tiles.size(), t + tilesPerAct) - 1;
                uint64_t rows = 0;
                for (size_t u = t; u <= last; ++u) rows += tiles[u].rows;
                aIdx = emit(c, transfer(CmdKind::LoadAct, rows * rowInBytes, c.work.inAddr + aOffset,
                                        uint32_t(t / tilesPerAct), inputDeps(c, rt.lo, tiles[last].hi)));
                aOffset += rows * rowInBytes;
            }
            TileRef ref{c.base + c.out.size(), 0, rt.lo, rt.hi};
            for (uint64_t c0 = 0; c0 < cols; c0 += tc) {
                const uint64_t nc = std::min(tc, cols - c0);
                Command g;
                g.kind = CmdKind::Gemm;
                g.stream = packed_ ? dspStream_ : groupStream_[eligible[t % eligible.size()]];
                g.piece = uint32_t(t);
                g.precision = p.precision;
                g.weightTag = tag;
                g.macs = rt.survivors * op.k * nc * op.batch;
                // Tiles of one operator share a few shapes: cost each shape once.
                if (rt.rows != costRows || nc != costCols) {
                    costRows = rt.rows, costCols = nc;
                    std::vector<uint64_t> v(compute_.groups.size(), 0);
                    for (const auto& gs : compute_.groups)
                        if (gs.supports(p.precision))
                            v[gs.index] = gs.engine->gemmCycles({rt.rows, op.k, ceilDiv(nc, gs.count), op.batch},
                                                                compute_.mode(gs, p.precision));
                    cost = GroupCycles(std::move(v));
                }
                g.groupCycles = cost;
                if (hasW) {
                    g.deps.push_back({wIdx, 1, true});
                    ++c.out[wIdx - c.base].users;
                }
                if (inSpilled) {
                    g.deps.push_back({aIdx, 1, true});
                    ++c.out[aIdx - c.base].users;
                } else {
                    for (const DepRange& d : inputDeps(c, rt.lo, rt.hi)) g.deps.push_back(d);
                }
                if (!p.speculated) appendPieces(g.deps, su, rt.lo, rt.hi, tr);
                const uint64_t outBytes = rt.rows * nc * kActBytes * op.batch;
                if (outSpilled) {
                    if (pendingBytes + outBytes > outHalf_) flushStore();
                    // One in-order pool stream holds output space per tile. Separate group streams
                    // (static) could each run ahead into the next store's space and deadlock, so
                    // there the output is double-buffered by order: a tile waits for the store two back.
                    if (packed_) {
                        g.acquire = Buffer::Output;
                        g.acquireBytes = std::min(outBytes, sched_.output.bytes());
                        g.users = 1;
                    } else if (stores.size() >= 2) {
                        g.deps.push_back({stores[stores.size() - 2], 1, false});
                    }
                    pending.push_back({c.base + c.out.size(), 1, packed_});
                    pendingBytes += outBytes;
                }
                emit(c, std::move(g));
                ++ref.count;
            }
            refs[ch].push_back(ref);
        }
        flushStore();
        if (!p.replayRows.empty()) replay(c, ch, cols, hasW ? wIdx : kNone, tag, su, outSpilled, replays);
    }
    // Output pieces: the tiles over each dense row piece, then its RU copy.
    std::vector<DepList> out(pieces);
    for (const auto& chunk : refs)
        for (const TileRef& t : chunk)
            for (uint64_t r = t.lo / tr; r < std::min(pieces, ceilDiv(t.hi, tr)); ++r)
                out[r].push_back({t.first, t.count, false});
    for (uint64_t r = 0; r < pieces; ++r) out[r].insert(out[r].end(), replays[r].begin(), replays[r].end());
    ruPieces(c, out, su, tr, skip, outSpilled ? c.work.outAddr + p.rowsComputed * op.n * kActBytes * op.batch : kNone);
    c.produced.rowwise = !outSpilled;
    c.produced.m = m;
    c.produced.pieceRows = tr;
    c.produced.pieces = std::move(out);
}

void Lowering::replay(Ctx& c, uint64_t chunk, uint64_t cols, uint64_t weightLoad, uint64_t tag,
                      const std::vector<uint64_t>& su, bool storeOut, std::vector<DepList>& out) {
    const workload::Operator& op = c.op;
    const timing::OpPlan& p = c.work.plan;
    const uint64_t tr = sched_.tileRows;
    // False positives of consecutive row pieces, gathered until a replay holds at least
    // replay_batch_rows rows (whole pieces: it waits for their verification and inputs).
    for (size_t i = 0; i < p.replayRows.size();) {
        const uint64_t q0 = p.replayRows[i] / tr;
        uint64_t q = q0;
        size_t j = i;
        for (; j < p.replayRows.size(); ++j) {
            const uint64_t pq = p.replayRows[j] / tr;
            if (pq != q && j - i >= sched_.replayBatchRows) break;
            q = pq;
        }
        const uint64_t rows = j - i;
        i = j;
        Command r;
        r.kind = CmdKind::Replay;
        r.stream = replayStream_;
        r.piece = uint32_t(q);
        r.precision = p.precision;
        r.weightTag = tag;
        r.macs = rows * op.k * cols * op.batch;
        // Each false positive pays the penalty once (with the first weight chunk).
        const uint64_t penalty = chunk == 0 ? rows * sched_.replayPenalty : 0;
        std::vector<uint64_t> v(compute_.groups.size(), 0);
        for (const auto& gs : compute_.groups)
            if (gs.supports(p.precision))
                v[gs.index] = gs.engine->gemmCycles({rows, op.k, ceilDiv(cols, gs.count), op.batch},
                                                    compute_.mode(gs, p.precision)) + penalty;
        r.groupCycles = GroupCycles(std::move(v));
        for (uint64_t v = q0; v <= q; ++v)
            if (v < su.size() && su[v] != kNone) r.deps.push_back({su[v], 1, false});
        for (const DepRange& d : inputDeps(c, q0 * tr, std::min(op.m, (q + 1) * tr))) r.deps.push_back(d);
        if (c.work.inSpilled && !c.rowMapped) {  // the replayed rows are reloaded
            const uint64_t bytes = rows * op.k * timing::OpPlanner::elemBytes(p.precision) * op.batch;
            const uint64_t a = emit(c, transfer(CmdKind::LoadAct, bytes, c.work.inAddr, uint32_t(q), r.deps));
            r.deps.push_back({a, 1, true});
            ++c.out[a - c.base].users;
        }
        if (weightLoad != kNone) {
            r.deps.push_back({weightLoad, 1, true});
            ++c.out[weightLoad - c.base].users;
        }
        const uint64_t idx = emit(c, std::move(r));
        for (uint64_t v = q0; v <= q; ++v) out[v].push_back({idx, 1, false});
        if (storeOut)
            emit(c, transfer(CmdKind::StoreAct, rows * cols * kActBytes * op.batch, c.work.outAddr, uint32_t(q),
                             {{idx, 1, false}}));
    }
}

}  // namespace vgm::program
