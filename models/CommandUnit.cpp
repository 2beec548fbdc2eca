#include "models/CommandUnit.h"

#include <cmath>

namespace vgm::models {

using namespace sc_core;

sc_time FabricClock::at(uint64_t cycle) const {
    return sc_time(static_cast<double>(origin + cycle) * 1e6 / mhz, SC_PS);
}

uint64_t FabricClock::now() const {
    const double ps = 1e6 / mhz;
    const double abs = std::ceil(sc_time_stamp().to_seconds() * 1e12 / ps - 1e-3);
    return static_cast<uint64_t>(abs) - origin;
}

CommandUnit::CommandUnit(sc_module_name name, const program::Machine& m, uint32_t unit, const FabricClock& clock,
                         Transfer transfer, bool blocking)
    : sc_module(name), socket("socket"), m_(m), unit_(unit), clock_(clock), transfer_(std::move(transfer)),
      blocking_(blocking) {
    socket.register_nb_transport_fw(this, &CommandUnit::nbTransportFw);
    if (blocking) {
        SC_THREAD(run);
    } else {
        SC_METHOD(step);
        sensitive << ended_;
        dont_initialize();
    }
}

tlm::tlm_sync_enum CommandUnit::nbTransportFw(tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_time&) {
    if (ph == tlm::END_RESP) return tlm::TLM_COMPLETED;
    if (ph != tlm::BEGIN_REQ) return tlm::TLM_ACCEPTED;
    if (blocking_) arrived_.notify();
    // Room for the running command plus queue_depth waiting ones.
    if (queue_.size() < m_.queueDepth + 1) {
        queue_.push_back(&t);
        // An idle unit starts the command now (the cycle it arrives), so its process runs once per
        // command, at the end.
        if (!blocking_ && !running_) startHead();
        ph = tlm::END_REQ;
        return tlm::TLM_UPDATED;
    }
    held_ = &t;  // END_REQ follows when a slot frees
    return tlm::TLM_ACCEPTED;
}

uint64_t CommandUnit::begin(tlm::tlm_generic_payload* t) {
    CommandExtension* x = t->get_extension<CommandExtension>();
    const uint64_t start = clock_.now();
    uint64_t dma = 0;
    const bool isDma = m_.units[unit_].kind == program::UnitKind::DmaWeight ||
                       m_.units[unit_].kind == program::UnitKind::DmaActivation;
    if (isDma && transfer_) dma = transfer_(*x->cmd, start);  // may wait (thread mode)
    last_ = program::unitCycles(m_, unit_, state_, *x->cmd, std::max<uint64_t>(dma, 1));
    x->start = start;
    x->end = start + last_.cycles;
    return x->end;
}

void CommandUnit::end(tlm::tlm_generic_payload* t) {
    CommandExtension* x = t->get_extension<CommandExtension>();
    busy_ += last_.cycles;
    ++commands_;
    modeSwitches_ += last_.modeSwitch;
    switchCycles_ += last_.switchCycles;
    weightSwitches_ += last_.weightSwitch;
    macs_ += x->cmd->macs;
    queue_.pop_front();
    if (held_) {
        queue_.push_back(held_);
        tlm::tlm_phase ph = tlm::END_REQ;
        sc_time d = SC_ZERO_TIME;
        tlm::tlm_generic_payload* h = held_;
        held_ = nullptr;
        socket->nb_transport_bw(*h, ph, d);
    }
    tlm::tlm_phase ph = tlm::BEGIN_RESP;
    sc_time d = SC_ZERO_TIME;
    socket->nb_transport_bw(*t, ph, d);
}

void CommandUnit::startHead() {
    const uint64_t e = begin(queue_.front());
    running_ = true;
    ended_.notify(clock_.at(e) - sc_time_stamp());
}

void CommandUnit::step() {  // woken at the running command's end
    running_ = false;
    end(queue_.front());
    if (!queue_.empty()) startHead();
}

void CommandUnit::run() {
    for (;;) {
        while (queue_.empty()) wait(arrived_);
        const uint64_t e = begin(queue_.front());
        if (clock_.at(e) > sc_time_stamp()) wait(clock_.at(e) - sc_time_stamp());
        end(queue_.front());
    }
}

}  // namespace vgm::models
