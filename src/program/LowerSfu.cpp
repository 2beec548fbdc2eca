// Element-wise and normalisation operators on the SFU: per attention chunk
// (online softmax, fused q/k norm), per row tile (fused prologues and
// epilogues, pipelined with the GEMM tiles around them), or as one pass over
// the whole tensor, chunked through HBM when it does not fit on chip.
#include <algorithm>

#include "program/LoweringCtx.h"

namespace vgm::program {

using workload::OpKind;


void Lowering::lowerSfu(Ctx& c) {
    const workload::Operator& op = c.op;
    const uint64_t passes = compute_.passesOf(op.kind);
    auto sfu = [&](uint64_t elements, uint32_t piece, DepList deps) {
        Command s;
        s.kind = CmdKind::Sfu;
        s.stream = sfuStream_;
        s.piece = piece;
        s.cycles = timing::sfuCycles(compute_.sfu, elements, passes);
        s.deps = std::move(deps);
        return s;
    };
    auto barrier = [&] {
        DepList d;
        if (prev_.count) d.push_back({prev_.first, uint32_t(prev_.count), false});
        return d;
    };
    const size_t qk = sched_.fuseQkNorm ? qkConsumer(trace_, c.index) : 0;
    if (qk) {
        Produced geo = attentionChunks(trace_.ops[qk], sched_.attentionChunkRows);
        const uint64_t n = geo.pieces.size();
        const bool mapped = c.chunkMapped && prev_.pieces.size() == n;
        for (uint64_t j = 0; j < n; ++j)
            geo.pieces[j] = {{emit(c, sfu(slice(op.m * op.n * op.batch, j, n), uint32_t(j),
                                          mapped ? DepList(prev_.pieces[j]) : barrier())),
                              1, false}};
        c.produced = std::move(geo);
        return;
    }
    const uint64_t tr = sched_.tileRows;
    if (rowPieces(c.index) && op.m > 0) {
        const uint64_t pieces = ceilDiv(op.m, tr);
        c.produced.pieces.resize(pieces);
        for (uint64_t r = 0; r < pieces; ++r) {
            const uint64_t lo = r * tr, hi = std::min(op.m, lo + tr);
            const uint64_t idx = emit(c, sfu((hi - lo) * op.n * op.batch, uint32_t(r), inputDeps(c, lo, hi)));
            c.produced.pieces[r] = {{idx, 1, false}};
        }
        c.produced.rowwise = true;
        c.produced.m = op.m;
        c.produced.pieceRows = tr;
        return;
    }
    // One pass over the whole tensor; through HBM in chunks when it does not fit on chip.
    const uint64_t inBytes = op.inputElems * kActBytes, outBytes = op.outputElems * kActBytes;
    const uint64_t elements = op.m * op.n * op.batch;
    if (inBytes <= actHalf_) {
        emit(c, sfu(elements, 0, barrier()));
        return;
    }
    const uint64_t chunks = ceilDiv(inBytes, actHalf_);
    for (uint64_t ch = 0; ch < chunks; ++ch) {
        Command l = transfer(CmdKind::LoadAct, slice(inBytes, ch, chunks), c.work.inAddr, uint32_t(ch), barrier());
        l.users = 1;
        const uint64_t li = emit(c, std::move(l));
        Command s = sfu(slice(elements, ch, chunks), uint32_t(ch), {{li, 1, true}});
        s.acquire = Buffer::Output;
        s.acquireBytes = std::min(slice(outBytes, ch, chunks), sched_.output.bytes());
        s.users = 1;
        const uint64_t si = emit(c, std::move(s));
        emit(c, transfer(CmdKind::StoreAct, slice(outBytes, ch, chunks), c.work.outAddr, uint32_t(ch), {{si, 1, true}}));
    }
}

}  // namespace vgm::program
