#pragma once
// Versal-style NoC as a TLM-2.0 AT interconnect. Masters bind to `nmu`
// (one binding per master), `nsu` binds to the HBM once per port. The NMU
// splits each transaction at the interleave granule (as Versal NMUs split at
// address-interleave boundaries): every piece travels to its own
// pseudo-channel's port; the master sees one response, after the last
// piece. A master owns nmus_per_master NMU links; a piece uses the link of
// its port (port mod links), so pieces to one pseudo-channel stay in order.
// Each transfer occupies a link for bytes / width cycles of that link's
// clock, then travels its latency. Shared NSU links arbitrate among masters
// (rr or priority) and stop when the HBM holds END_REQ (back-pressure
// through a bounded NSU buffer); a master beyond its outstanding limit waits
// for END_REQ. Event-driven: one timed action queue, no clock.
// memory.noc.transparent (memory comparisons): no link time, latency, NSU
// buffer limit or arbitration (pieces go to their port in arrival order);
// the outstanding limit still applies, and the master gets END_REQ when the
// HBM has taken every piece (as DRAMSys's ArbiterSimple).
#include <tlm_utils/multi_passthrough_initiator_socket.h>
#include <tlm_utils/multi_passthrough_target_socket.h>
#include <tlm_utils/peq_with_cb_and_phase.h>

#include <deque>
#include <memory>
#include <queue>
#include <systemc>
#include <tlm>
#include <unordered_map>
#include <vector>

#include "stats/StatGroup.h"
#include "timing/memory/AddressMap.h"
#include "timing/memory/NocSpec.h"

namespace vgm::models {

class Noc : public sc_core::sc_module {
public:
    SC_HAS_PROCESS(Noc);
    tlm_utils::multi_passthrough_target_socket<Noc> nmu;     // masters, index = master id
    tlm_utils::multi_passthrough_initiator_socket<Noc> nsu;  // HBM ports, index = port

    Noc(sc_core::sc_module_name name, const memory::NocSpec& spec, const memory::AddressMap& map,
        uint32_t pseudoChannels);
    ~Noc() override;

    uint32_t portOf(uint64_t address) const;
    uint32_t masters() const { return spec_.masters; }  // after elaboration: at least the bound initiators
    void finish(stats::Group& g) const;

private:
    void end_of_elaboration() override;
    struct Req;
    struct Piece;
    struct Link {  // one direction of one NMU or NSU link
        int64_t freeAt = 0;
        uint64_t bytes = 0, busy = 0, queueing = 0, transfers = 0;
    };
    struct Nsu {
        Link req, resp;
        std::vector<std::deque<Piece*>> waiting;  // per master
        std::deque<Piece*> toHbm;
        uint32_t inFlight = 0, waitingCount = 0;
        bool hbmBusy = false, wakeScheduled = false;
        std::unique_ptr<memory::NocArbiter> arb;
    };
    struct Nmu {  // one NMU link
        Link req, resp;
    };
    struct Master {
        uint32_t outstanding = 0;
        std::deque<Req*> held;  // BEGIN_REQ beyond the outstanding limit
        std::deque<Req*> responses;
        bool respBusy = false;
    };
    enum class Act : uint8_t { AtNsu, NsuFree, AtHbm, AtNmu, Deliver };
    struct Action {
        int64_t cycle;
        uint64_t seq;
        Act kind;
        uint32_t index;
        Piece* piece;
        bool operator>(const Action& o) const { return cycle != o.cycle ? cycle > o.cycle : seq > o.seq; }
    };

    tlm::tlm_sync_enum nbTransportFw(int id, tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_core::sc_time& d);
    tlm::tlm_sync_enum nbTransportBw(int id, tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_core::sc_time& d);
    void peqCallback(tlm::tlm_generic_payload& t, const tlm::tlm_phase& ph);
    void accept(Req* r);
    void endRequest(Req* r);   // END_REQ to the master
    void pieceTaken(Piece* p);  // the HBM sent END_REQ for p
    Piece* newPiece(Req* r, uint64_t address, uint32_t len);
    void tryGrant(uint32_t port);
    void trySendHbm(uint32_t port);
    void trySendResp(uint32_t master);
    void schedule(int64_t cycle, Act kind, uint32_t index, Piece* p);
    void pieceDone(Piece* p);
    void actionMethod();
    void answeredMethod();
    int64_t cycleNow() const;
    sc_core::sc_time at(int64_t cycle) const;  // delay from now to that NoC cycle
    static int64_t send(Link& l, int64_t ready, int64_t occupancy, uint64_t bytes);
    int64_t nsuOccupancy(uint64_t bytes) const;

    uint64_t tickPerCycle_ = 1;
    memory::NocSpec spec_;
    const memory::AddressMap& map_;
    uint32_t pcs_;
    std::vector<Master> masters_;
    std::vector<Nmu> nmus_;  // masters x nmus_per_master
    std::vector<Nsu> nsus_;
    std::unordered_map<tlm::tlm_generic_payload*, std::unique_ptr<Req>> reqs_;
    std::deque<std::unique_ptr<Piece>> pieces_;
    std::vector<Piece*> freePieces_;
    uint64_t granule_ = 0;  // split boundary (bytes), resolved
    tlm_utils::peq_with_cb_and_phase<Noc> peq_;
    std::priority_queue<Action, std::vector<Action>, std::greater<Action>> actions_;
    uint64_t seq_ = 0;
    std::vector<bool> ready_;  // arbitration scratch, one flag per master
    sc_core::sc_event wake_;
    std::vector<Piece*> answered_;  // transparent: answered by the HBM, not yet done
    sc_core::sc_event answeredEv_;
};

}  // namespace vgm::models
