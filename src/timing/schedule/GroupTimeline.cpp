#include "timing/schedule/GroupTimeline.h"

#include <algorithm>

namespace vgm::timing {

GroupTimeline::GroupTimeline(const ScheduleInput& in, bool preloads)
    : in_(in), preloads_(preloads), ready_(in.groups, 0), loadedCol_(in.groups, -1) {
    r_.groupBusy.assign(in.groups, 0);
    if (!in.ready.empty()) ready_ = in.ready;
}

uint64_t GroupTimeline::switchCost(size_t t, uint32_t group) const {
    // With preloading the next tile's weights arrive while the previous tile runs.
    if (preloads_) return 0;
    return loadedCol_[group] == int64_t(in_.tiles[t].colTile) ? 0 : in_.weightSwitchCycles;
}

uint64_t GroupTimeline::finishIf(size_t t, uint32_t group) const {
    const uint64_t c = in_.cost(in_.tiles[t], group);
    if (c == kIneligible) return kIneligible;
    return ready_[group] + switchCost(t, group) + c;
}

void GroupTimeline::place(size_t t, uint32_t group) {
    const uint64_t sw = switchCost(t, group);
    const uint64_t c = in_.cost(in_.tiles[t], group);
    Placement p;
    p.tile = t;
    p.group = group;
    p.start = ready_[group] + sw;
    p.end = p.start + c;
    if (sw) ++r_.weightSwitches;
    loadedCol_[group] = in_.tiles[t].colTile;
    ready_[group] = p.end;
    r_.groupBusy[group] += sw + c;
    r_.makespan = std::max(r_.makespan, p.end);
    ++r_.issued;
    r_.placements.push_back(p);
}

ScheduleResult GroupTimeline::take() { return std::move(r_); }

}  // namespace vgm::timing
