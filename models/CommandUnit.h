#pragma once
// One hardware unit of the machine (a DSP group, the SFU, SU, RU or a DMA
// engine) as a module: a TLM-2.0 target socket takes commands from the ZSS
// into a bounded queue and runs them one at a time, in arrival order. How long
// a command takes comes from program::unitCycles (DMA: from the DMA engine).
//
// Two ways to answer, chosen by whether a command's duration is known when it
// arrives:
// - Timed (every unit unless `blocking`): it is. A command starts at
//   max(arrival, the previous command's end), so the unit answers BEGIN_REQ at
//   once with TLM_COMPLETED and the end as the annotated delay (base protocol
//   early completion); it needs no SystemC event per command, and the ZSS
//   learns all completions of a cycle together.
// - Blocking (exact DMA over the NoC/HBM, `dma.memoize=false`): the transfer
//   waits through TLM, so a thread runs the queue (END_REQ held back while it
//   is full) and sends BEGIN_RESP on the backward path when each command ends.
#include <cstdint>
#include <deque>
#include <functional>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "program/Program.h"

namespace vgm::models {

// Fabric cycle c of the run <-> SystemC time (cycle 0 = `origin`).
struct FabricClock {
    double mhz = 300.0;
    uint64_t origin = 0;  // absolute fabric cycle of the run's cycle 0
    sc_core::sc_time at(uint64_t cycle) const;
    uint64_t cycleAt(const sc_core::sc_time& t) const;  // rounds up to a fabric edge
    uint64_t now() const { return cycleAt(sc_core::sc_time_stamp()); }
};

// Carried by every command transaction.
struct CommandExtension : tlm::tlm_extension<CommandExtension> {
    uint64_t index = 0;
    const program::Command* cmd = nullptr;
    uint32_t unit = 0;
    uint64_t arrival = 0;         // the cycle it is sent at (the annotated delay says the same)
    uint64_t start = 0, end = 0;  // filled in by the unit
    tlm::tlm_generic_payload* owner = nullptr;
    tlm_extension_base* clone() const override { return new CommandExtension(*this); }
    void copy_from(const tlm_extension_base& o) override { *this = static_cast<const CommandExtension&>(o); }
};

class CommandUnit : public sc_core::sc_module {
public:
    // DMA units: runs the transfer and returns its cycles (may wait); others: unused.
    using Transfer = std::function<uint64_t(const program::Command&, uint64_t startCycle)>;
    tlm_utils::simple_target_socket<CommandUnit> socket;

    SC_HAS_PROCESS(CommandUnit);
    CommandUnit(sc_core::sc_module_name name, const program::Machine& m, uint32_t unit, const FabricClock& clock,
                Transfer transfer = nullptr, bool blocking = false);
    bool blocking() const { return blocking_; }
    uint64_t busyCycles() const { return busy_; }
    uint64_t commands() const { return commands_; }
    uint64_t modeSwitches() const { return modeSwitches_; }
    uint64_t modeSwitchCycles() const { return switchCycles_; }
    uint64_t weightSwitches() const { return weightSwitches_; }
    uint64_t macs() const { return macs_; }

private:
    tlm::tlm_sync_enum nbTransportFw(tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_core::sc_time& d);
    tlm::tlm_sync_enum timed(tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_core::sc_time& d);
    void run();  // blocking: the thread that runs the queue
    // Runs `t` from `start`: its end cycle, the unit's statistics booked.
    uint64_t execute(tlm::tlm_generic_payload& t, uint64_t start);
    void respond(tlm::tlm_generic_payload* t);  // blocking: retires the head, BEGIN_RESP

    const program::Machine& m_;
    uint32_t unit_;
    const FabricClock& clock_;
    Transfer transfer_;
    bool blocking_;
    bool dma_;
    program::UnitState state_;
    std::deque<tlm::tlm_generic_payload*> queue_;  // blocking
    tlm::tlm_generic_payload* held_ = nullptr;     // blocking: arrived while the queue was full
    sc_core::sc_event arrived_;                    // blocking: a command arrived
    std::deque<uint64_t> ends_;                    // timed: end cycles of the commands not yet ended
    uint64_t lastEnd_ = 0;                         // timed: when the last accepted command ends
    uint64_t busy_ = 0, commands_ = 0, modeSwitches_ = 0, switchCycles_ = 0, weightSwitches_ = 0, macs_ = 0;
};

}  // namespace vgm::models
