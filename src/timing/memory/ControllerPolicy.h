#pragma once
// How a pseudo-channel controller schedules (DRAMSys mcconfig in our terms).
#include <cstdint>

#include "config/Config.h"
#include "timing/memory/MemSpec.h"

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
    // Pseudo-channel k's first refresh is due at interval - rev(k) x interval /
    // ranks (rev = bit-reversed k), as DRAMSys's refresh managers stagger
    // ranks; off = every rank due at interval. Set with the dramsys front end.
    bool staggerRefresh = false;
    // Row bus: among ready row commands the one that ends first wins (a
    // one-cycle PRE before an older two-cycle ACT), then the oldest, as
    // DRAMSys's CmdMuxOldestRasCas (ready time + command length). Set with the dramsys front end.
    bool shortRowCommandFirst = false;

    static Cycle firstRefresh(Cycle interval, uint32_t rank, uint32_t ranks, bool stagger);

    static ControllerPolicy fromConfig(const config::View& controller);
};

}  // namespace vgm::memory
