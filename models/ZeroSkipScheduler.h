#pragma once
// The zero-skipping scheduler: the machine's TLM initiator. One socket per
// unit; it dispatches the commands the Dispatcher allows (dependencies done,
// buffer space, a unit with room), hears completions as BEGIN_RESP, and books
// every unit's cycles as busy, idle or stalled (input, output, buffer). It
// acts only at cycles in which commands end.
//
// Timed units answer a command with its end cycle when it arrives
// (CommandUnit.h), so when no unit blocks the ZSS runs ahead of SystemC time
// (temporal decoupling, as an LT initiator with a quantum does): it steps from
// one completion cycle to the next inside one activation, sending each
// command with the delay to the cycle it is dispatched at, and synchronises
// with SystemC time once per kQuantum cycles. With a blocking unit (exact
// DMA) it cannot know that unit's completions in advance and wakes at every
// completion cycle instead. Both visit the same cycles in the same order.
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
    // A unit blocks (its completions come on the backward path): wake at every completion cycle.
    void syncEveryCycle() { synced_ = true; }
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
    // Cycles at which the ZSS acted (one per cycle in which commands ended), and SystemC activations.
    uint64_t wakeups() const { return wakeups_; }
    uint64_t activations() const { return activations_; }
    static constexpr uint64_t kQuantum = uint64_t(1) << 20;  // cycles the decoupled ZSS runs ahead

private:
    tlm::tlm_sync_enum nbTransportBw(int unit, tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_core::sc_time& d);
    void start();  // thread: presampling, then the first dispatch
    void wake();   // method
    bool step();   // one completion cycle: retire, dispatch, send; false when the run is over
    void send(const program::Dispatcher::Issue& is);
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
    std::vector<CommandExtension*> finished_;  // completions at this cycle
    std::vector<std::deque<CommandExtension*>> pending_;  // per unit: timed commands not yet ended, in order
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
    uint64_t cycle_ = 0, wakeups_ = 0, activations_ = 0, syncUntil_ = 0;
    uint64_t nextEnd_ = ~uint64_t(0);  // earliest end among pending_ (~0: none)
    sc_core::sc_time ahead_;           // this step's cycle minus SystemC time
    bool done_ = false, synced_ = false, deferred_ = false;
    bool caughtUp_ = false;  // decoupled run finished: one last wake brings SystemC time to its end
    std::string error_;
};

}  // namespace vgm::models
