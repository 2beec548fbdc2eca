#pragma once
// A traffic generator on one NoC master port: issues its request list in
// order, at most `outstanding` in flight, one BEGIN_REQ until its END_REQ
// (the AT rule), and records each request's latency (BEGIN_REQ to BEGIN_RESP).
#include <tlm_utils/simple_initiator_socket.h>

#include <deque>
#include <systemc>
#include <tlm>
#include <vector>

#include "timing/memory/Traffic.h"

namespace vgm::models {

class MemBenchInitiator : public sc_core::sc_module {
public:
    SC_HAS_PROCESS(MemBenchInitiator);
    tlm_utils::simple_initiator_socket<MemBenchInitiator> socket;

    MemBenchInitiator(sc_core::sc_module_name name, std::vector<memory::TrafficRequest> reqs, uint32_t outstanding);

    const std::vector<uint64_t>& latenciesPs() const { return latPs_; }
    uint64_t lastResponsePs() const { return lastPs_; }
    uint64_t bytes() const { return bytes_; }
    uint64_t errors() const { return errors_; }
    bool done() const { return completed_ == reqs_.size(); }

private:
    struct Slot : tlm::tlm_generic_payload {  // a payload that remembers when it was sent
        uint64_t sentPs = 0;
    };
    void issue();
    tlm::tlm_sync_enum nbTransportBw(tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_core::sc_time& d);
    uint64_t nowPs() const;

    std::vector<memory::TrafficRequest> reqs_;
    uint32_t outstanding_;
    size_t next_ = 0, completed_ = 0;
    uint32_t inFlight_ = 0;
    bool waitEndReq_ = false;
    std::deque<Slot> slots_;
    std::vector<Slot*> free_;
    std::vector<uint64_t> latPs_;
    uint64_t lastPs_ = 0, bytes_ = 0, errors_ = 0, tickPerPs_ = 1;
    sc_core::sc_event ev_;
};

}  // namespace vgm::models
