#include "models/DmaStream.h"

#include <algorithm>

#include "models/DspArray.h"

namespace vgm::models {

using namespace sc_core;

DmaStream::DmaStream(sc_module_name name, Kind kind, DmaPlan& plan, Dma& dma, uint64_t slots, Timeline& timeline,
                     uint32_t hbmChannels, uint64_t interleaveBytes)
    : sc_module(name), kind_(kind), plan_(plan), dma_(dma), slots_(slots), timeline_(timeline),
      channels_(hbmChannels), interleave_(std::max<uint64_t>(interleaveBytes, 1)) {
    SC_THREAD(run);
}

void DmaStream::waitNext() {
    while (filled_ <= consumed_) wait(changed_);
}

void DmaStream::consume() {
    ++consumed_;
    changed_.notify(SC_ZERO_TIME);
}

void DmaStream::operatorDone(size_t i) {
    opsDone_ = i + 1;
    changed_.notify(SC_ZERO_TIME);
}

void DmaStream::load(const Job& j) {
    const uint64_t begin = fabricCycleNow(dma_.fabricMhz());
    const uint64_t cycles = dma_.transfer(j.address, j.bytes, j.write, j.layer);
    lastEnd_ = begin + cycles;
    if (!timeline_.enabled() || cycles == 0) return;
    timeline_.span(kind_ == Kind::Weight ? "dma.weight" : "dma.activation", j.label, j.block, begin, lastEnd_);
    const uint64_t touched = std::min<uint64_t>(channels_, (j.bytes + interleave_ - 1) / interleave_);
    for (uint64_t pc = 0; pc < touched; ++pc)
        timeline_.span("hbm.pc" + std::to_string((j.address / interleave_ + pc) % channels_), j.label, j.block,
                       begin, lastEnd_);
}

DmaStream::Job DmaStream::job(size_t i, bool output) {
    // A copy: the planner may drop operator i while this stream waits.
    const OpWork& w = plan_.at(i);
    Job j;
    j.layer = uint32_t(i);
    j.label = w.label;
    j.block = w.block;
    j.chunks = w.chunks;
    j.write = output;
    if (output) {
        j.address = w.outAddr;
        j.bytes = w.outSpilled ? w.plan.outputBytes : 0;
    } else if (kind_ == Kind::Weight) {
        j.address = w.weightAddr;
        j.bytes = w.plan.weightBytes;
    } else {
        j.address = w.inAddr;
        j.bytes = w.inSpilled ? w.plan.inputBytes : 0;
    }
    return j;
}

void DmaStream::run() {
    dma_.presample(true, kind_ == Kind::Activation);
    if (presampled_) presampled_();
    const size_t n = plan_.size();
    for (size_t i = 0; i <= n; ++i) {
        oldest_ = kind_ == Kind::Activation && i > 0 ? i - 1 : i;
        if (kind_ == Kind::Activation && i > 0) {
            Job out = job(i - 1, true);
            if (out.bytes > 0) {
                while (opsDone_ < i) wait(changed_);
                load(out);
            }
        }
        if (i == n) break;
        Job in = job(i, false);
        if (in.bytes == 0) continue;
        const uint64_t total = in.bytes, base = in.address;
        uint64_t offset = 0;
        for (uint64_t c = 0; c < in.chunks; ++c) {
            while (filled_ - consumed_ >= slots_) wait(changed_);
            in.bytes = DmaPlan::slice(total, c, in.chunks);
            in.address = base + offset;
            load(in);
            offset += in.bytes;
            ++filled_;
            changed_.notify(SC_ZERO_TIME);
        }
    }
    oldest_ = n;
    done_ = true;
    drained_.notify(SC_ZERO_TIME);
}

}  // namespace vgm::models
