#pragma once
// The operators' data movement, planned in trace order a few operators ahead
// of execution: the sparsity/ZSS plan, how the weights and spilled inputs are
// cut into buffer-sized chunks, and where everything lives in HBM.
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "timing/schedule/OpPlanner.h"
#include "workload/Trace.h"

namespace vgm::program {

struct OpWork {
    const workload::Operator* op = nullptr;
    timing::OpPlan plan;
    uint64_t chunks = 1;          // load/compute steps; each load fits half a buffer when double-buffered
    bool inSpilled = false;       // input read from HBM (does not fit the activation buffer)
    bool outSpilled = false;      // output written to HBM (does not fit the output buffer)
    uint64_t weightAddr = 0, inAddr = 0, outAddr = 0;
    std::string label;            // the operator's name
    std::string block;            // "s3.b12": timeline aggregation key
};

class DmaPlan {
public:
    DmaPlan(const workload::Trace& trace, const timing::ComputeSpec& compute, const timing::SparsitySpec& sparsity,
            const timing::ScheduleSpec& sched, uint64_t capacityBytes);
    // Plans operators up to `i` (in order) and returns operator i's work.
    const OpWork& at(size_t i);
    // Operators before `i` are no longer needed.
    void release(size_t i);
    size_t size() const { return trace_.ops.size(); }
    uint64_t weightChunkBytes() const { return wChunk_; }

    // Part c of n of `total`, exact integers summing to total.
    static uint64_t slice(uint64_t total, uint64_t c, uint64_t n);

private:
    OpWork make(size_t i);
    const workload::Trace& trace_;
    const timing::ComputeSpec& compute_;
    timing::OpPlanner planner_;
    uint64_t wChunk_, actCap_, outCap_, capacity_;
    std::vector<uint64_t> weightAddr_;  // per slot of a step
    uint64_t weightCursor_ = 0, actBase_ = 0, actRegion_ = 0;
    std::deque<OpWork> window_;
    size_t base_ = 0, slot_ = 0;
    uint32_t lastStep_ = 0;
};

}  // namespace vgm::program
