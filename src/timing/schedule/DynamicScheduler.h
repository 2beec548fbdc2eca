#pragma once
// `dynamic`: surviving tiles in dense order, each to the first group that is
// free (lowest index on a tie). The next tile of a group is not known ahead,
// so a group pays the weight switch whenever the column tile changes.
#include "timing/schedule/SchedulerIF.h"

namespace vgm::timing {

class DynamicScheduler : public SchedulerIF {
public:
    ScheduleResult schedule(const ScheduleInput& in) const override;
    const char* name() const override { return "dynamic"; }
};

}  // namespace vgm::timing
