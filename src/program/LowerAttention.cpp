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

void Lowering::lowerAttention(Ctx& c) {
    const workload::Operator& op = c.op;
    const timing::OpPlan& p = c.work.plan;
    Produced geo = attentionChunks(op, sched_.attentionChunkRows);
    const bool mapped = c.chunkMapped && prev_.pieces.size() == geo.pieces.size();
    // QK^T holds its score tile on chip when a softmax consumes it chunk by chunk.
    const bool isQk = op.kind == workload::OpKind::AttentionQK && c.index + 1 < trace_.ops.size() &&
                      trace_.ops[c.index + 1].kind == workload::OpKind::Softmax;
    const uint64_t n = geo.pieces.size();
    std::vector<uint32_t> eligible;
    for (const auto& g : compute_.groups)
        if (g.supports(p.precision)) eligible.push_back(uint32_t(g.index));
    const uint64_t parts = sched_.doubleBuffering ? 2 : 1;
    const uint64_t outCap = std::max<uint64_t>(1, sched_.output.bytes() / parts);
    // With online softmax AV reads only V from memory; the scores are on chip.
    const uint64_t inBytes = !isQk && mapped ? op.batch * op.k * op.n * 2 : p.inputBytes;
    const bool inSpilled = inBytes > sched_.activation.bytes() / parts;
    std::vector<DepRange> pending;
    uint64_t pendingBytes = 0;
    for (uint64_t j = 0; j < n; ++j) {
        uint64_t items = 0, rows = 0;
        chunkShape(geo, j, items, rows);
        Command g;
        g.kind = CmdKind::Gemm;
        g.stream = sched_.policy == "static" ? groupStream_[eligible[j % eligible.size()]] : dspStream_;
        g.piece = uint32_t(j);
        g.precision = p.precision;
        g.weightTag = ++weightTag_;
        g.macs = rows * op.k * op.n * items;
        g.groupCycles.assign(compute_.groups.size(), 0);
        for (const auto& gs : compute_.groups)
            if (gs.supports(p.precision))
                g.groupCycles[gs.index] =
                    gs.engine->gemmCycles({rows, op.k, op.n, ceilDiv(items, gs.count)}, compute_.mode(gs, p.precision));
        if (inSpilled) {  // Q/K/V of this chunk from HBM
            Command a;
            a.kind = CmdKind::LoadAct;
            a.stream = aStream_;
            a.piece = uint32_t(j);
            a.bytes = slice(inBytes, j, n);
            a.address = c.work.inAddr;
            a.acquire = Buffer::Activation;
            a.acquireBytes = std::min(a.bytes, sched_.activation.bytes());
            a.users = 1;
            if (mapped) a.deps = prev_.pieces[j];
            else if (prev_.count) a.deps.push_back({prev_.first, uint32_t(prev_.count), false});
            g.deps.push_back({emit(c, std::move(a)), 1, true});
            if (mapped) g.deps = prev_.pieces[j];  // the softmax of this chunk (AV)
        } else if (mapped) {
            g.deps = prev_.pieces[j];
        } else if (prev_.count) {
            g.deps.push_back({prev_.first, uint32_t(prev_.count), false});
        }
        const uint64_t outBytes = rows * op.n * items * 2;
        if (isQk) {  // the score tile stays on chip until softmax and AV are done with it
            g.acquire = Buffer::Output;
            g.acquireBytes = std::min(outBytes, sched_.output.bytes());
            g.users = 1;
        } else if (c.work.outSpilled) {
            g.acquire = Buffer::Output;
            g.acquireBytes = std::min(outBytes, sched_.output.bytes());
            g.users = 1;
            if (pendingBytes + outBytes > outCap && !pending.empty()) {
                Command s;
                s.kind = CmdKind::StoreAct;
                s.stream = aStream_;
                s.bytes = pendingBytes;
                s.address = c.work.outAddr;
                s.deps = std::move(pending);
                emit(c, std::move(s));
                pending.clear();
                pendingBytes = 0;
            }
            pending.push_back({c.base + c.out.size(), 1, true});
            pendingBytes += outBytes;
        }
        geo.pieces[j] = {{emit(c, std::move(g)), 1, isQk}};
    }
    if (!pending.empty()) {
        Command s;
        s.kind = CmdKind::StoreAct;
        s.stream = aStream_;
        s.bytes = pendingBytes;
        s.address = c.work.outAddr;
        s.deps = std::move(pending);
        emit(c, std::move(s));
    }
    geo.m = op.m * op.batch;
    c.produced = std::move(geo);
    c.produced.chunked = isQk || !c.work.outSpilled;
    if (!c.produced.chunked) c.produced.pieces.clear();
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
            if (c.work.outSpilled) {
                g.acquire = Buffer::Output;
                g.acquireBytes = std::min(slice(p.outputBytes, ch, chunks) * share[gs.index] /
                                              std::max<uint64_t>(1, byBatch ? part.batch : part.n) + 1,
                                          sched_.output.bytes());
                g.users = 1;
                stored.push_back({c.base + c.out.size(), 1, true});
            }
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
