#pragma once
// One hardware unit of the machine (a DSP group, the SFU, SU, RU or a DMA
// engine) as a module: a TLM-2.0 target socket takes commands from the ZSS
// into a bounded queue (END_REQ held back while it is full) and runs them one
// at a time, sending BEGIN_RESP when each one ends (a command that reaches an
// idle unit starts at once, so the unit's process wakes once per command, at
// its end). How long a command takes comes from program::unitCycles (DMA: from the DMA engine).
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
    uint64_t now() const;  // the current run cycle (time must be on a fabric edge or later)
};

// Carried by every command transaction.
struct CommandExtension : tlm::tlm_extension<CommandExtension> {
    uint64_t index = 0;
    const program::Command* cmd = nullptr;
    uint32_t unit = 0;
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
    // `blocking`: the transfer waits (exact DMA over TLM), so the unit needs a thread.
    CommandUnit(sc_core::sc_module_name name, const program::Machine& m, uint32_t unit, const FabricClock& clock,
                Transfer transfer = nullptr, bool blocking = false);
    uint64_t busyCycles() const { return busy_; }
    uint64_t commands() const { return commands_; }
    uint64_t modeSwitches() const { return modeSwitches_; }
    uint64_t modeSwitchCycles() const { return switchCycles_; }
    uint64_t weightSwitches() const { return weightSwitches_; }
    uint64_t macs() const { return macs_; }

private:
    tlm::tlm_sync_enum nbTransportFw(tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_core::sc_time& d);
    // A method process (cheap) when nothing blocks; a thread when a DMA transfer waits through TLM.
    void step();
    void run();
    void startHead();  // method mode: begins the queue's head and schedules its end
    uint64_t begin(tlm::tlm_generic_payload* t);  // starts the queue's head; returns its end cycle
    void end(tlm::tlm_generic_payload* t);       // retires it and answers BEGIN_RESP

    const program::Machine& m_;
    uint32_t unit_;
    const FabricClock& clock_;
    Transfer transfer_;
    bool blocking_;
    program::UnitState state_;
    std::deque<tlm::tlm_generic_payload*> queue_;
    tlm::tlm_generic_payload* held_ = nullptr;  // arrived while the queue was full
    bool running_ = false;
    uint64_t cost_ = 0;
    program::UnitCost last_;
    sc_core::sc_event arrived_;  // thread mode: a command arrived
    sc_core::sc_event ended_;    // method mode: the running command ends
    uint64_t busy_ = 0, commands_ = 0, modeSwitches_ = 0, switchCycles_ = 0, weightSwitches_ = 0, macs_ = 0;
};

}  // namespace vgm::models
