#include "models/MemBenchInitiator.h"

namespace vgm::models {

using namespace sc_core;

MemBenchInitiator::MemBenchInitiator(sc_module_name name, std::vector<memory::TrafficRequest> reqs,
                                     uint32_t outstanding)
    : sc_module(name), socket("socket"), reqs_(std::move(reqs)), outstanding_(outstanding) {
    socket.register_nb_transport_bw(this, &MemBenchInitiator::nbTransportBw);
    latPs_.reserve(reqs_.size());
    tickPerPs_ = sc_time(1, SC_PS).value();
    SC_METHOD(issue);
    sensitive << ev_;
}

uint64_t MemBenchInitiator::nowPs() const {
    return sc_time_stamp().value() / tickPerPs_;
}

void MemBenchInitiator::issue() {
    while (!waitEndReq_ && inFlight_ < outstanding_ && next_ < reqs_.size()) {
        const memory::TrafficRequest& r = reqs_[next_];
        uint64_t now = nowPs();
        if (uint64_t(r.atPs) > now) {  // trace time not reached yet
            ev_.notify(sc_time::from_value((uint64_t(r.atPs) - now) * tickPerPs_));
            return;
        }
        if (free_.empty()) {
            slots_.emplace_back();
            free_.push_back(&slots_.back());
        }
        Slot* s = free_.back();
        free_.pop_back();
        s->set_command(r.write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
        s->set_address(r.address);
        s->set_data_length(r.bytes);
        s->set_data_ptr(nullptr);  // timing only: no data is moved
        s->set_streaming_width(r.bytes);
        s->set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
        s->sentPs = now;
        ++next_;
        ++inFlight_;
        tlm::tlm_phase ph = tlm::BEGIN_REQ;
        sc_time d = SC_ZERO_TIME;
        tlm::tlm_sync_enum st = socket->nb_transport_fw(*s, ph, d);
        waitEndReq_ = !(st == tlm::TLM_UPDATED && ph == tlm::END_REQ);
    }
}

tlm::tlm_sync_enum MemBenchInitiator::nbTransportBw(tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_time&) {
    if (ph == tlm::END_REQ) {
        waitEndReq_ = false;
        ev_.notify(SC_ZERO_TIME);
        return tlm::TLM_ACCEPTED;
    }
    if (ph == tlm::BEGIN_RESP) {
        Slot* s = static_cast<Slot*>(&t);  // every payload we send is a Slot
        uint64_t now = nowPs();
        latPs_.push_back(now - s->sentPs);
        lastPs_ = now;
        if (t.get_response_status() != tlm::TLM_OK_RESPONSE)
            ++errors_;
        else
            bytes_ += t.get_data_length();
        ++completed_;
        --inFlight_;
        free_.push_back(s);
        ev_.notify(SC_ZERO_TIME);
        ph = tlm::END_RESP;
        return tlm::TLM_COMPLETED;
    }
    return tlm::TLM_ACCEPTED;
}

}  // namespace vgm::models
