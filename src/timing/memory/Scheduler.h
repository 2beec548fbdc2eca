#pragma once
// Which queued request of one bank goes next (DRAMSys SchedulerIF idea, per bank).
#include <cstdint>
#include <deque>

#include "timing/memory/ControllerPolicy.h"
#include "timing/memory/MemSpec.h"

namespace vgm::memory {

struct MemRequest {
    uint64_t tag = 0;  // the caller's handle, returned in the completion
    bool write = false;
    uint32_t bank = 0, row = 0, column = 0;
    Cycle arrival = 0;
    uint64_t seq = 0;      // arrival order inside the controller (oldest first)
    uint8_t rowState = 0;  // 0 hit, 1 miss (bank was closed), 2 conflict (other row open)
};

// Index into `queue` of the request to serve next, or -1 if empty.
// openRow < 0 means the bank is closed.
inline int pickRequest(ControllerPolicy::Scheduler s, const std::deque<MemRequest>& queue, int64_t openRow) {
    if (queue.empty()) return -1;
    if (s == ControllerPolicy::Scheduler::FrFcfs && openRow >= 0)
        for (size_t i = 0; i < queue.size(); ++i)
            if (int64_t(queue[i].row) == openRow) return int(i);  // oldest row hit
    return 0;                                                     // oldest
}

}  // namespace vgm::memory
