#include <stdexcept>

#include "timing/schedule/DynamicScheduler.h"
#include "timing/schedule/DynamicStaticScheduler.h"
#include "timing/schedule/StaticScheduler.h"

namespace vgm::timing {

std::vector<std::string> schedulerNames() { return {"static", "dynamic", "dynamic-static"}; }

std::unique_ptr<SchedulerIF> makeScheduler(const std::string& policy) {
    if (policy == "static") return std::make_unique<StaticScheduler>();
    if (policy == "dynamic") return std::make_unique<DynamicScheduler>();
    if (policy == "dynamic-static") return std::make_unique<DynamicStaticScheduler>();
    throw std::invalid_argument("unknown scheduler policy '" + policy + "'");
}

}  // namespace vgm::timing
