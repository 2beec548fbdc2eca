#pragma once
// `static`: a compile-time order and assignment made on the dense operator:
// dense tile i goes to the (i mod E)-th group able to run it, whatever
// sparsity removes later, so skipped rows leave groups unevenly loaded.
// Weights are preloaded because the order is known in advance.
#include "timing/schedule/SchedulerIF.h"

namespace vgm::timing {

class StaticScheduler : public SchedulerIF {
public:
    ScheduleResult schedule(const ScheduleInput& in) const override;
    const char* name() const override { return "static"; }
};

}  // namespace vgm::timing
