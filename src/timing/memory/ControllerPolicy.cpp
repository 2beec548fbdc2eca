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
    return p;
}

}  // namespace vgm::memory
