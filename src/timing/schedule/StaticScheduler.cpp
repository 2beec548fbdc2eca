#include "timing/schedule/StaticScheduler.h"

#include "timing/schedule/GroupTimeline.h"

namespace vgm::timing {

ScheduleResult StaticScheduler::schedule(const ScheduleInput& in) const {
    GroupTimeline tl(in, true);
    std::vector<uint32_t> eligible;
    for (size_t t = 0; t < in.tiles.size(); ++t) {
        if (eligible.empty())
            for (uint32_t g = 0; g < in.groups; ++g)
                if (in.cost(in.tiles[t], g) != kIneligible) eligible.push_back(g);
        if (eligible.empty()) break;
        if (in.tiles[t].rows == 0) continue;
        tl.place(t, eligible[t % eligible.size()]);
    }
    return tl.take();
}

}  // namespace vgm::timing
