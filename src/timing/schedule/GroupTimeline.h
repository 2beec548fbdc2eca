#pragma once
// Per-group state shared by the policies: when each group is free again, which
// column tile's weights it holds, and its busy cycles.
#include <cstdint>
#include <vector>

#include "timing/schedule/SchedulerIF.h"

namespace vgm::timing {

class GroupTimeline {
public:
    GroupTimeline(const ScheduleInput& in, bool preloads);
    // Runs tile `t` on `group` as soon as the group is free.
    void place(size_t t, uint32_t group);
    // Cycle at which `group` would finish tile `t` (kIneligible if it cannot run it).
    uint64_t finishIf(size_t t, uint32_t group) const;
    uint64_t readyAt(uint32_t group) const { return ready_[group]; }
    ScheduleResult take();

private:
    uint64_t switchCost(size_t t, uint32_t group) const;
    const ScheduleInput& in_;
    bool preloads_;
    std::vector<uint64_t> ready_;
    std::vector<int64_t> loadedCol_;  // -1 = none
    ScheduleResult r_;
};

}  // namespace vgm::timing
