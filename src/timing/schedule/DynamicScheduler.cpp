#include "timing/schedule/DynamicScheduler.h"

#include "timing/schedule/GroupTimeline.h"

namespace vgm::timing {

ScheduleResult DynamicScheduler::schedule(const ScheduleInput& in) const {
    GroupTimeline tl(in, false);
    for (size_t t = 0; t < in.tiles.size(); ++t) {
        if (in.tiles[t].rows == 0) continue;
        int64_t best = -1;
        for (uint32_t g = 0; g < in.groups; ++g) {
            if (in.cost(in.tiles[t], g) == kIneligible) continue;
            if (best < 0 || tl.readyAt(g) < tl.readyAt(uint32_t(best))) best = g;
        }
        if (best >= 0) tl.place(t, uint32_t(best));
    }
    return tl.take();
}

}  // namespace vgm::timing
