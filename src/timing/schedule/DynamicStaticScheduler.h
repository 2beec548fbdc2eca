#pragma once
// `dynamic-static` (FlightVGM): once the operator's mask is known, tiles are
// re-ordered by their actual post-sparsity work (largest first, dense order
// on ties) and each goes to the group that would finish it earliest. The
// resulting order is fixed before issue, so weights are preloaded.
#include "timing/schedule/SchedulerIF.h"

namespace vgm::timing {

class DynamicStaticScheduler : public SchedulerIF {
public:
    ScheduleResult schedule(const ScheduleInput& in) const override;
    const char* name() const override { return "dynamic-static"; }
};

}  // namespace vgm::timing
