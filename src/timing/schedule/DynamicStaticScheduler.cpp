#include "timing/schedule/DynamicStaticScheduler.h"

#include <algorithm>

#include "timing/schedule/GroupTimeline.h"

namespace vgm::timing {

ScheduleResult DynamicStaticScheduler::schedule(const ScheduleInput& in) const {
    std::vector<size_t> order;
    order.reserve(in.tiles.size());
    for (size_t t = 0; t < in.tiles.size(); ++t)
        if (in.tiles[t].rows > 0) order.push_back(t);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return in.tiles[a].work > in.tiles[b].work; });
    GroupTimeline tl(in, true);
    for (size_t t : order) {
        int64_t best = -1;
        uint64_t bestEnd = kIneligible;
        for (uint32_t g = 0; g < in.groups; ++g) {
            const uint64_t end = tl.finishIf(t, g);
            if (end < bestEnd) {
                bestEnd = end;
                best = g;
            }
        }
        if (best >= 0) tl.place(t, uint32_t(best));
    }
    return tl.take();
}

}  // namespace vgm::timing
