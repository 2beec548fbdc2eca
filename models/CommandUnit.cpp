#include "models/CommandUnit.h"

#include <cmath>

namespace vgm::models {

using namespace sc_core;

sc_time FabricClock::at(uint64_t cycle) const {
    const double ps = static_cast<double>(origin + cycle) * 1e6 / mhz;
    // At the default 1 ps resolution sc_time(ps, SC_PS) is ps + 0.5 rounded down, and so is one
    // picosecond times ps (inline, without the kernel lookups of the constructor; once per command).
    static const sc_time onePs(1.0, SC_PS);
    if (onePs.value() != 1) return sc_time(ps, SC_PS);
    sc_time t = onePs;
    return t *= ps;
}

uint64_t FabricClock::cycleAt(const sc_time& t) const {
    const double ps = 1e6 / mhz;
    const double abs = std::ceil(t.to_seconds() * 1e12 / ps - 1e-3);
    return static_cast<uint64_t>(abs) - origin;
}

CommandUnit::CommandUnit(sc_module_name name, const program::Machine& m, uint32_t unit, const FabricClock& clock,
                         Transfer transfer, bool blocking)
    : sc_module(name), socket("socket"), m_(m), unit_(unit), clock_(clock), transfer_(std::move(transfer)),
      blocking_(blocking),
      dma_(m.units[unit].kind == program::UnitKind::DmaWeight || m.units[unit].kind == program::UnitKind::DmaActivation) {
    socket.register_nb_transport_fw(this, &CommandUnit::nbTransportFw);
    if (blocking) SC_THREAD(run);
}

uint64_t CommandUnit::execute(tlm::tlm_generic_payload& t, uint64_t start) {
    CommandExtension* x = t.get_extension<CommandExtension>();
    uint64_t dma = 0;
    if (dma_ && transfer_) dma = transfer_(*x->cmd, start);  // may wait (blocking)
    const program::UnitCost c = program::unitCycles(m_, unit_, state_, *x->cmd, std::max<uint64_t>(dma, 1));
    busy_ += c.cycles;
    ++commands_;
    modeSwitches_ += c.modeSwitch;
    switchCycles_ += c.switchCycles;
    weightSwitches_ += c.weightSwitch;
    macs_ += x->cmd->macs;
    x->start = start;
    x->end = start + c.cycles;
    return x->end;
}

tlm::tlm_sync_enum CommandUnit::nbTransportFw(tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_time& d) {
    if (ph == tlm::END_RESP) return tlm::TLM_COMPLETED;
    if (ph != tlm::BEGIN_REQ) return tlm::TLM_ACCEPTED;
    if (!blocking_) return timed(t, ph, d);
    arrived_.notify();
    // Room for the running command plus queue_depth waiting ones.
    if (queue_.size() < m_.queueDepth + 1) {
        queue_.push_back(&t);
        ph = tlm::END_REQ;
        return tlm::TLM_UPDATED;
    }
    held_ = &t;  // END_REQ follows when a slot frees
    return tlm::TLM_ACCEPTED;
}

tlm::tlm_sync_enum CommandUnit::timed(tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_time& d) {
    // The initiator may run ahead of SystemC time: the command arrives at now + d (= x->arrival).
    const uint64_t arrival = t.get_extension<CommandExtension>()->arrival;
    while (!ends_.empty() && ends_.front() <= arrival) ends_.pop_front();  // ended by then: slot free
    if (ends_.size() >= m_.queueDepth + 1) {  // a refusal: the ZSS never sends more than there is room for
        t.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
        return tlm::TLM_COMPLETED;
    }
    lastEnd_ = execute(t, std::max(arrival, lastEnd_));
    ends_.push_back(lastEnd_);
    t.set_response_status(tlm::TLM_OK_RESPONSE);
    ph = tlm::BEGIN_RESP;
    d = clock_.at(lastEnd_) - sc_time_stamp();
    return tlm::TLM_COMPLETED;
}

void CommandUnit::respond(tlm::tlm_generic_payload* t) {
    queue_.pop_front();
    if (held_) {
        queue_.push_back(held_);
        tlm::tlm_phase ph = tlm::END_REQ;
        sc_time d = SC_ZERO_TIME;
        tlm::tlm_generic_payload* h = held_;
        held_ = nullptr;
        socket->nb_transport_bw(*h, ph, d);
    }
    t->set_response_status(tlm::TLM_OK_RESPONSE);
    tlm::tlm_phase ph = tlm::BEGIN_RESP;
    sc_time d = SC_ZERO_TIME;
    socket->nb_transport_bw(*t, ph, d);
}

void CommandUnit::run() {
    for (;;) {
        while (queue_.empty()) wait(arrived_);
        const uint64_t e = execute(*queue_.front(), clock_.now());
        if (clock_.at(e) > sc_time_stamp()) wait(clock_.at(e) - sc_time_stamp());
        respond(queue_.front());
    }
}

}  // namespace vgm::models
