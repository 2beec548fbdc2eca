// Attention GEMMs (QK^T, AV) as chunks of packed heads/positions or of query
// rows, with the score tile held in the output buffer from QK^T to AV
// (online softmax); and GEMMs split over the groups by the array itself
// (tile_rows = 0, or attention without online softmax), chunked along batch
// or M when their operands spill, never along N below the array width.
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
    const uint64_t parts = sched_.doubleBuffering ? 2 : 1;
    const uint64_t actCap = std::max<uint64_t>(1, sched_.activation.bytes() / parts);
    const uint64_t outCap = std::max<uint64_t>(1, sched_.output.bytes() / parts);
    // Q and K come from HBM when they do not fit on chip; so does V; the scores never leave.
    const uint64_t qkBytes = wq.plan.inputBytes, vBytes = av.batch * av.k * av.n * 2;
    const bool qkSpilled = qkBytes > actCap, vSpilled = vBytes > actCap, outSpilled = wa.outSpilled;
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
        g.stream = sched_.policy == "static" ? groupStream_[eligible[j % eligible.size()]] : dspStream_;
        g.piece = uint32_t(j);
        g.precision = plan_.at(layer).plan.precision;
        g.weightTag = ++weightTag_;
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
    auto load = [&](uint64_t bytes, uint64_t addr, uint64_t j, std::vector<DepRange> deps) {
        Command a;
        a.kind = CmdKind::LoadAct;
        a.stream = aStream_;
        a.piece = uint32_t(j);
        a.bytes = bytes;
        a.address = addr;
        a.acquire = Buffer::Activation;
        a.acquireBytes = std::min(bytes, sched_.activation.bytes());
        a.users = 1;
        a.deps = std::move(deps);
        return a;
    };
    std::vector<DepRange> pending;
    uint64_t pendingBytes = 0;
    auto store = [&] {
        Command s;
        s.kind = CmdKind::StoreAct;
        s.stream = aStream_;
        s.bytes = pendingBytes;
        s.address = wa.outAddr;
        s.deps = std::move(pending);
        c.index = ia;
        emit(c, std::move(s));
        pending.clear();
        pendingBytes = 0;
    };
    for (uint64_t j = 0; j < n; ++j) {
        uint64_t items = 0, rows = 0;
        chunkShape(geo, j, items, rows);
        std::vector<DepRange> in;
        if (mapped) in = prev_.pieces[j];
        else if (prev_.count) in.push_back({prev_.first, uint32_t(prev_.count), false});
        c.index = iq;
        Command q = gemm(qk, iq, j, items, rows);
        if (qkSpilled) q.deps.push_back({emit(c, load(slice(qkBytes, j, n), wq.inAddr, j, in)), 1, true});
        else q.deps = in;
        // The score tile stays on chip until AV has read it (held against the output buffer
        // only on the in-order pool stream: group streams could each fill it and deadlock).
        const bool hold = sched_.policy != "static";
        if (hold) {
            q.acquire = Buffer::Output;
            q.acquireBytes = std::min(rows * qk.n * items * 2, sched_.output.bytes());
            q.users = 1;
        }
        const uint64_t qi = emit(c, std::move(q));
        c.index = is;
        Command s;
        s.kind = CmdKind::Sfu;
        s.stream = sfuStream_;
        s.piece = uint32_t(j);
        s.cycles = timing::sfuCycles(compute_.sfu, items * rows * sm.n, compute_.passesOf(sm.kind));
        s.deps = {{qi, 1, false}};
        const uint64_t si = emit(c, std::move(s));
        c.index = ia;
        Command a = gemm(av, ia, j, items, rows);
        a.deps = {{si, 1, false}, {qi, 1, hold}};
        if (vSpilled) a.deps.push_back({emit(c, load(slice(vBytes, j, n), wq.inAddr, j, in)), 1, true});
        const uint64_t outBytes = rows * av.n * items * 2;
        if (outSpilled && pendingBytes + outBytes > outCap && !pending.empty()) store();
        const uint64_t ai = emit(c, std::move(a));
        if (outSpilled) pending.push_back({ai, 1, false}), pendingBytes += outBytes;
        geo.pieces[j] = {{ai, 1, false}};
    }
    if (!pending.empty()) store();
    c.index = iq;
    geo.m = av.m * av.batch;
    c.produced = std::move(geo);
    c.produced.chunked = !outSpilled;
    if (outSpilled) c.produced.pieces.clear();
}

void Lowering::lowerArraySplit(Ctx& c) {
    const workload::Operator& op = c.op;
    const timing::OpPlan& p = c.work.plan;
    const uint64_t parts = sched_.doubleBuffering ? 2 : 1;
    const uint64_t outCap = std::max<uint64_t>(1, sched_.output.bytes() / parts);
    std::vector<uint64_t> weights(compute_.groups.size(), 0);
    uint64_t engines = 0;
    for (const auto& g : compute_.groups)
        if (g.supports(p.precision)) {
            weights[g.index] = g.count * g.engine->peakMacsPerCycle(compute_.mode(g, p.precision));
            engines += g.count;
        }
    const std::vector<uint64_t> su = suPieces(c, 1, std::max<uint64_t>(op.m, 1));
    const uint64_t rows = p.rowsComputed;
    uint64_t chunks = std::max<uint64_t>(c.work.chunks, c.work.outSpilled ? ceilDiv(p.outputBytes, outCap) : 1);
    // Chunks cut the batch when there is one, else N when weights are chunked, else M.
    enum { ByBatch, ByN, ByM } cut = op.batch > 1 ? ByBatch : (ceilDiv(p.weightBytes, plan_.weightChunkBytes()) > 1 ? ByN : ByM);
    const uint64_t extent = cut == ByBatch ? op.batch : cut == ByN ? op.n : rows;
    chunks = std::max<uint64_t>(1, std::min(chunks, std::max<uint64_t>(extent, 1)));
    std::vector<DepRange> all;
    for (uint64_t ch = 0; ch < chunks && rows > 0; ++ch) {
        workload::Operator part = op;
        part.m = rows;
        (cut == ByBatch ? part.batch : cut == ByN ? part.n : part.m) = slice(extent, ch, chunks);
        std::vector<DepRange> deps;
        if (prev_.count) deps.push_back({prev_.first, uint32_t(prev_.count), false});
        for (uint64_t s : su) deps.push_back({s, 1, false});
        std::vector<uint64_t> loads;
        for (auto [kind, bytes, buf] : {std::tuple{CmdKind::LoadWeight, slice(p.weightBytes, ch, chunks), Buffer::Weight},
                                        {CmdKind::LoadAct, c.work.inSpilled ? slice(p.inputBytes, ch, chunks) : 0, Buffer::Activation}}) {
            if (bytes == 0) continue;
            Command l;
            l.kind = kind;
            l.stream = kind == CmdKind::LoadWeight ? wStream_ : aStream_;
            l.piece = uint32_t(ch);
            l.bytes = bytes;
            l.address = kind == CmdKind::LoadWeight ? c.work.weightAddr : c.work.inAddr;
            l.acquire = buf;
            l.acquireBytes = std::min(bytes, machine_.bufferBytes[size_t(buf)]);
            if (kind == CmdKind::LoadAct || sched_.policy != "dynamic-static") l.deps = deps;
            loads.push_back(emit(c, std::move(l)));
        }
        const bool byBatch = part.batch >= engines;
        const std::vector<uint64_t> share = apportion(byBatch ? part.batch : part.n, weights);
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
            g.weightTag = ++weightTag_;
            g.cycles = gs.engine->gemmCycles(s, compute_.mode(gs, p.precision));
            g.macs = byBatch ? part.m * part.k * part.n * share[gs.index] : part.m * part.k * share[gs.index] * part.batch;
            g.deps = deps;
            for (uint64_t l : loads) {
                g.deps.push_back({l, 1, true});
                ++c.out[l - c.base].users;
            }
            // Pieces on separate group streams hold no output space (they could deadlock on it).
            if (c.work.outSpilled) stored.push_back({c.base + c.out.size(), 1, false});
            const uint64_t idx = emit(c, std::move(g));
            all.push_back({idx, 1, false});
        }
        if (!stored.empty()) {
            Command s;
            s.kind = CmdKind::StoreAct;
            s.stream = aStream_;
            s.piece = uint32_t(ch);
            s.bytes = slice(p.outputBytes, ch, chunks);
            s.address = c.work.outAddr;
            s.deps = std::move(stored);
            emit(c, std::move(s));
        }
    }
    std::vector<std::vector<DepRange>> out(1, all);
    ruPieces(c, out, su, std::max<uint64_t>(op.m, 1), SkipView(p.skipped.get(), op.m));
    if (p.speculated && p.spec.replayCycles > 0 && !su.empty()) {
        Command r;
        r.kind = CmdKind::Replay;
        r.stream = groupStream_[0];
        r.precision = p.precision;
        r.cycles = p.spec.replayCycles;
        r.deps.push_back({su[0], 1, false});
        emit(c, std::move(r));
    }
    c.produced.rowwise = false;
}

}  // namespace vgm::program
