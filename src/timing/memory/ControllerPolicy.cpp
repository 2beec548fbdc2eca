#include "timing/memory/ControllerPolicy.h"

namespace vgm::memory {

ControllerPolicy ControllerPolicy::fromConfig(const config::View& c) {
    ControllerPolicy p;
    p.scheduler = c.str("scheduler") == "fcfs" ? Scheduler::Fcfs : Scheduler::FrFcfs;
    p.openPage = c.str("page_policy") == "open";
    p.bankwiseBuffer = c.str("buffer") == "bankwise";
    p.depth = uint32_t(c.integer("queue_depth"));
    std::string r = c.str("refresh");
    p.refresh = r == "none" ? Refresh::None : r == "per_bank" ? Refresh::PerBank : Refresh::AllBank;
    p.dramsysFrontend = c.str("frontend") == "dramsys";
    p.staggerRefresh = p.dramsysFrontend;
    p.shortRowCommandFirst = p.dramsysFrontend;
    return p;
}

Cycle ControllerPolicy::firstRefresh(Cycle interval, uint32_t rank, uint32_t ranks, bool stagger) {
    if (!stagger || ranks < 2) return interval;
    uint32_t bits = 0, rev = 0;
    while ((uint32_t(1) << (bits + 1)) <= ranks) ++bits;  // log2(ranks), ranks a power of two
    for (uint32_t i = 0; i < bits; ++i)
        if (rank & (uint32_t(1) << i)) rev |= uint32_t(1) << (bits - 1 - i);
    return interval - Cycle(rev) * interval / Cycle(ranks);  // = ceil(interval - rev x interval / ranks)
}

}  // namespace vgm::memory
