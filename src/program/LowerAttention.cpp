// Attention with online softmax: QK^T, softmax and AV per chunk of packed
// heads/positions or of query rows, the score tile held in the output buffer
// from QK^T until AV has read it.
#include <algorithm>

#include "program/LoweringCtx.h"

namespace vgm::program {


Produced attentionChunks(const workload::Operator& op, uint64_t chunkRows) {
    Produced g;
    g.chunked = true;
    g.batch = op.batch;
    g.rows = op.m;
    if (op.m >= chunkRows) {
        g.itemsPerChunk = 1, g.rowsPerChunk = chunkRows;
    } else {
        g.itemsPerChunk = std::min<uint64_t>(op.batch, std::max<uint64_t>(1, chunkRows / std::max<uint64_t>(op.m, 1)));
        g.rowsPerChunk = std::max<uint64_t>(op.m, 1);
    }
    g.pieces.resize(ceilDiv(g.batch, g.itemsPerChunk) * ceilDiv(std::max<uint64_t>(g.rows, 1), g.rowsPerChunk));
    return g;
}

void chunkShape(const Produced& g, uint64_t j, uint64_t& items, uint64_t& rows) {
    const uint64_t perItem = ceilDiv(std::max<uint64_t>(g.rows, 1), g.rowsPerChunk);
    const uint64_t i0 = (j / perItem) * g.itemsPerChunk, r0 = (j % perItem) * g.rowsPerChunk;
    items = std::min(g.itemsPerChunk, g.batch - i0);
    rows = std::min(g.rowsPerChunk, g.rows - r0);
}

void Lowering::lowerFlash(Ctx& c) {
    const workload::Operator& qk = c.op;
    const size_t iq = c.index, is = iq + 1, ia = iq + 2;
    const workload::Operator &sm = trace_.ops[is], &av = trace_.ops[ia];
    const OpWork &wq = plan_.at(iq), &wa = plan_.at(ia);
    next_ = ia + 1;
    Produced geo = attentionChunks(qk, sched_.attentionChunkRows);
    const uint64_t n = geo.pieces.size();
    const bool mapped = c.chunkMapped && prev_.pieces.size() == n;
    // Q and K come from HBM when they do not fit on chip; so does V; the scores never leave.
    const uint64_t qkBytes = wq.plan.inputBytes, vBytes = av.batch * av.k * av.n * kActBytes;
    const bool qkSpilled = qkBytes > actHalf_, vSpilled = vBytes > actHalf_, outSpilled = wa.outSpilled;
    std::vector<uint32_t> eligible;
    for (const auto& g : compute_.groups)
        if (g.supports(wq.plan.precision)) eligible.push_back(uint32_t(g.index));
    struct Shape {
        uint64_t rows = 0, items = 0;
        GroupCycles cycles;
    } qShape, aShape;
    auto gemm = [&](const workload::Operator& op, size_t layer, uint64_t j, uint64_t items, uint64_t rows) {
        Command g;
        g.kind = CmdKind::Gemm;
        g.stream = packed_ ? dspStream_ : groupStream_[eligible[j % eligible.size()]];
        g.piece = uint32_t(j);
        g.precision = plan_.at(layer).plan.precision;
        g.weightTag = 0;  // no weights: both operands are activations
        g.macs = rows * op.k * op.n * items;
        // Chunks share a few shapes: cost each (operator, rows, items) once.
        Shape& sh = layer == iq ? qShape : aShape;
        if (sh.rows != rows || sh.items != items) {
            std::vector<uint64_t> v(compute_.groups.size(), 0);
            for (const auto& gs : compute_.groups)
                if (gs.supports(g.precision))
                    v[gs.index] = gs.engine->gemmCycles({rows, op.k, op.n, ceilDiv(items, gs.count)},
                                                        compute_.mode(gs, g.precision));
            sh = Shape{rows, items, GroupCycles(std::move(v))};
        }
        g.groupCycles = sh.cycles;
        return g;
    };
    auto load = [&](uint64_t bytes, uint64_t addr, uint64_t j, DepList deps) {
        Command a = transfer(CmdKind::LoadAct, bytes, addr, uint32_t(j), std::move(deps));
        a.users = 1;
        return a;
    };
    std::vector<DepRange> pending;
    uint64_t pendingBytes = 0;
    auto store = [&] {
        c.index = ia;
        emit(c, transfer(CmdKind::StoreAct, pendingBytes, wa.outAddr, 0, std::move(pending)));
        pending.clear();
        pendingBytes = 0;
    };
    // QK^T reads its chunk's Q rows and the whole K of its items, so it waits for every piece of
    // those items; AV reads the items' whole V.
    const uint64_t perItem = ceilDiv(std::max<uint64_t>(geo.rows, 1), geo.rowsPerChunk);
    auto inputs = [&](uint64_t j) {
        DepList in;
        if (mapped) {
            const uint64_t first = j / perItem * perItem;
            for (uint64_t jj = first; jj < std::min(n, first + perItem); ++jj)
                for (DepRange d : prev_.pieces[jj]) in.push_back({d.first, d.count, false});
        } else if (prev_.count) {
            in.push_back({prev_.first, uint32_t(prev_.count), false});
        }
        return in;
    };
    // The score tile stays on chip until AV has read it (held against the output buffer only on
    // the in-order pool stream: group streams could each fill it and deadlock).
    const bool hold = packed_;
    // Software-pipelined: QK^T of chunk j+1 is issued before AV of chunk j, so the array computes
    // while the SFU normalises; only when two score tiles fit the output buffer.
    const uint64_t scoreMax = geo.rowsPerChunk * qk.n * geo.itemsPerChunk * kActBytes;
    const uint64_t ahead = hold && 2 * scoreMax <= sched_.output.bytes() ? 1 : 0;
    std::vector<uint64_t> qIdx(n), sIdx(n);
    auto front = [&](uint64_t j) {
        uint64_t items = 0, rows = 0;
        chunkShape(geo, j, items, rows);
        c.index = iq;
        Command q = gemm(qk, iq, j, items, rows);
        DepList in = inputs(j);
        if (qkSpilled) {
            const uint64_t bytes = (rows + qk.n) * qk.k * items * kActBytes;  // Q rows of the chunk + K of its items
            q.deps.push_back({emit(c, load(bytes, wq.inAddr, j, std::move(in))), 1, true});
        } else {
            q.deps = std::move(in);
        }
        if (hold) {
            q.acquire = Buffer::Output;
            q.acquireBytes = std::min(rows * qk.n * items * kActBytes, sched_.output.bytes());
            q.users = 1;
        }
        qIdx[j] = emit(c, std::move(q));
        c.index = is;
        Command s;
        s.kind = CmdKind::Sfu;
        s.stream = sfuStream_;
        s.piece = uint32_t(j);
        s.cycles = timing::sfuCycles(compute_.sfu, items * rows * sm.n, compute_.passesOf(sm.kind));
        s.deps = {{qIdx[j], 1, false}};
        sIdx[j] = emit(c, std::move(s));
    };
    auto back = [&](uint64_t j) {
        uint64_t items = 0, rows = 0;
        chunkShape(geo, j, items, rows);
        c.index = ia;
        Command a = gemm(av, ia, j, items, rows);
        a.deps = {{sIdx[j], 1, false}, {qIdx[j], 1, hold}};
        if (vSpilled) a.deps.push_back({emit(c, load(av.k * av.n * items * kActBytes, wq.inAddr, j, inputs(j))), 1, true});
        const uint64_t outBytes = rows * av.n * items * kActBytes;
        if (outSpilled && pendingBytes + outBytes > outHalf_ && !pending.empty()) store();
        const uint64_t ai = emit(c, std::move(a));
        if (outSpilled) pending.push_back({ai, 1, false}), pendingBytes += outBytes;
        geo.pieces[j] = {{ai, 1, false}};
    };
    for (uint64_t j = 0; j < n + ahead; ++j) {
        if (j < n) front(j);
        if (j >= ahead) back(j - ahead);
    }
    if (!pending.empty()) store();
    c.index = iq;
    c.produced = std::move(geo);
    c.produced.chunked = !outSpilled;
    if (outSpilled) c.produced.pieces.clear();
}

}  // namespace vgm::program
