// dma.mode = sampled: what share of the DMA bytes ran exactly (inside the
// sampling windows) and how far reusing a window's rates is off, estimated on
// the windows themselves: each window transfer whose class was seen in an
// earlier window is also timed from that window's rate, as a reused transfer
// would be, and the difference to its measured cycles is summed.
#include "models/Accelerator.h"

#include <cmath>
#include <map>
#include <tuple>

namespace vgm::models {

std::vector<uint32_t> Accelerator::shapeIds(const workload::Trace& trace) {
    // Operators of one shape (the same operator of every block of a template)
    // meet the same mix of streams; spatial and temporal blocks do not.
    using Shape = std::tuple<int, int, int, uint64_t, uint64_t, uint64_t, uint64_t>;
    std::map<Shape, uint32_t> ids;
    std::vector<uint32_t> out;
    out.reserve(trace.ops.size());
    for (const workload::Operator& op : trace.ops) {
        const Shape s{int(op.kind), int(op.role), int(op.precision), op.m, op.k, op.n, op.batch};
        out.push_back(ids.emplace(s, uint32_t(ids.size())).first->second);
    }
    return out;
}

void Accelerator::samplingStats(stats::Group& memory) {
    stats::Group& g = memory.group("sampling", "dma.mode = sampled: windows of exact DMA timing, reused elsewhere");
    const Dma::SamplingTally& w = wdma_.sampling();
    const Dma::SamplingTally& a = adma_.sampling();
    const uint64_t moved = wdma_.bytesMoved() + adma_.bytesMoved();
    const uint64_t sampled = w.bytes + a.bytes;
    g.counter("every_blocks", "block", "dma.sample_every_blocks: one (step, block) in each k in trace order is a window").value =
        sched_.dmaSampleEveryBlocks;
    g.counter("windows", "count", "(step, block) windows whose transfers ran exactly").value = windows_.size();
    g.counter("bytes_sampled", "B", "DMA bytes moved exactly inside the windows").value = sampled;
    g.counter("bytes_reused", "B", "DMA bytes timed from a window's (or the t = 0 sample's) cycles per byte").value =
        moved - sampled;
    g.scalar("sampled_share", "%", "bytes_sampled / all DMA bytes").value = moved ? 100.0 * double(sampled) / double(moved) : 0.0;
    const uint64_t checked = w.checkedCycles + a.checkedCycles;
    g.counter("checked_cycles", "cycle", "Measured DMA cycles of window transfers whose rate key an earlier window saw")
        .value = checked;
    g.scalar("reuse_error", "%",
             "Error estimate: |sum (cycles from the previous window's rate - measured)| / checked_cycles over the "
             "windows' transfers: how far reused DMA cycles drift in total (DMA cycles, not total cycles; 0 with "
             "fewer than two windows)")
        .value = checked ? 100.0 * std::fabs(double(w.netError + a.netError)) / double(checked) : 0.0;
    g.scalar("reuse_error_per_transfer", "%",
             "sum |cycles from the previous window's rate - measured| / checked_cycles: the spread of single "
             "transfers, which partly cancels in a total")
        .value = checked ? 100.0 * double(w.absError + a.absError) / double(checked) : 0.0;
}

}  // namespace vgm::models
