#pragma once
// The zero-skipping scheduler: the machine's TLM initiator. One socket per
// unit; it dispatches the commands the Dispatcher allows (dependencies done,
// buffer space, a unit with room), hears completions as BEGIN_RESP, and books
// every unit's cycles as busy, idle or stalled (input, output, buffer). It
// wakes only when a command ends.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <vector>

#include "models/CommandUnit.h"
#include "program/Dispatcher.h"

namespace vgm::models {

struct UnitTally {
    uint64_t cycles[5] = {};  // by program::UnitClass
};

class ZeroSkipScheduler : public sc_core::sc_module {
public:
    using Socket = tlm_utils::simple_initiator_socket_tagged<ZeroSkipScheduler>;
    // Called when a command ends (before the window may drop it).
    using OnDone = std::function<void(uint64_t index, const program::Command&, uint32_t unit, uint64_t start,
                                      uint64_t end)>;
    std::vector<std::unique_ptr<Socket>> sockets;  // by unit

    SC_HAS_PROCESS(ZeroSkipScheduler);
    ZeroSkipScheduler(sc_core::sc_module_name name, const program::Machine& m, program::Dispatcher& d,
                      FabricClock& clock, OnDone onDone);
    // Runs before the first dispatch (thread context), e.g. DMA presampling; sets the clock origin after it.
    void beforeStart(std::function<void()> f) { before_ = std::move(f); }
    bool done() const { return done_; }
    const std::string& error() const { return error_; }  // non-empty: the machine deadlocked
    uint64_t endCycle() const { return cycle_; }
    const std::vector<UnitTally>& tallies() const { return tally_; }
    // Cycles in which k units were busy, k = 0..units.
    const std::vector<uint64_t>& busyHistogram() const { return histogram_; }
    // Cycles by what ran: [0] a DSP group or the SFU, [1] only DMA, [2] only SU/RU, [3] nothing.
    const uint64_t* breakdown() const { return breakdown_; }
    uint64_t wakeups() const { return wakeups_; }

private:
    tlm::tlm_sync_enum nbTransportBw(int unit, tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_core::sc_time& d);
    void start();  // thread: presampling, then the first dispatch
    void wake();   // method: one activation per cycle in which commands end
    void account(uint64_t until);
    void reclass();       // books the units whose class the dispatch changed
    void flushTallies();  // books every unit up to cycle_
    void setClass(uint32_t unit, program::UnitClass c);
    int kindIndex(uint32_t unit) const;  // 1: DSP group or SFU, 2: DMA, 3: SU/RU
    tlm::tlm_generic_payload* payload();

    const program::Machine& m_;
    program::Dispatcher& d_;
    FabricClock& clock_;
    OnDone onDone_;
    std::function<void()> before_;
    std::vector<CommandExtension*> finished_;  // completions since the last wake
    std::deque<tlm::tlm_generic_payload> pool_;
    std::vector<tlm::tlm_generic_payload*> free_;
    std::vector<bool> awaitingEndReq_;
    sc_core::sc_event completed_, go_;
    std::vector<program::Dispatcher::Issue> issues_;
    bool started_ = false;
    std::vector<UnitTally> tally_;
    std::vector<uint64_t> histogram_;
    std::vector<program::UnitClass> cls_;  // per unit: its class since since_
    std::vector<uint64_t> since_;
    int64_t busy_[4] = {};  // busy units: all, DSP/SFU, DMA, SU/RU
    uint64_t breakdown_[4] = {};
    uint64_t cycle_ = 0, wakeups_ = 0;
    bool done_ = false;
    std::string error_;
};

}  // namespace vgm::models
