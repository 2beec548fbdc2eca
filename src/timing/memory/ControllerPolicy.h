#pragma once
// How a pseudo-channel controller schedules (DRAMSys mcconfig in our terms).
#include <cstdint>

#include "config/Config.h"

namespace vgm::memory {

struct ControllerPolicy {
    enum class Scheduler { FrFcfs, Fcfs };
    enum class Refresh { None, AllBank, PerBank };
    Scheduler scheduler = Scheduler::FrFcfs;
    bool openPage = true;
    bool bankwiseBuffer = true;  // depth per bank, else depth per pseudo-channel
    uint32_t depth = 8;
    Refresh refresh = Refresh::AllBank;
    // DRAMSys front end: one request (all its bursts) per tCK after a 1-tCK
    // think delay, admitted by the buffer of the last accepted request's
    // bank, responses FIFO in RD/WR order, one per tCK.
    bool dramsysFrontend = false;

    static ControllerPolicy fromConfig(const config::View& controller);
};

}  // namespace vgm::memory
