#pragma once
// HBM stack(s) as one TLM-2.0 AT target: a multi-target socket (bind one
// initiator per port, e.g. the NoC's NSUs), one event-driven controller per
// channel (its pseudo-channels share the command buses). A transaction is
// cut into bursts, each decoded to its pseudo-channel; END_REQ is held until every burst has entered its
// controller's request buffer (back-pressure), BEGIN_RESP is sent when the
// last burst's data has moved.
#include <tlm_utils/multi_passthrough_target_socket.h>
#include <tlm_utils/peq_with_cb_and_phase.h>

#include <deque>
#include <memory>
#include <queue>
#include <systemc>
#include <tlm>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "stats/StatGroup.h"
#include "timing/memory/AddressMap.h"
#include "timing/memory/BankwiseAdmission.h"
#include "timing/memory/PcController.h"

namespace vgm::models {

class Hbm : public sc_core::sc_module {
public:
    SC_HAS_PROCESS(Hbm);
    tlm_utils::multi_passthrough_target_socket<Hbm> socket;

    Hbm(sc_core::sc_module_name name, const memory::MemSpec& spec, const memory::AddressMap& map,
        const memory::ControllerPolicy& policy);
    ~Hbm() override;

    const memory::MemSpec& spec() const { return spec_; }
    const memory::AddressMap& addressMap() const { return map_; }
    // Replays idle refreshes up to the current time and fills `g` (one group per pseudo-channel).
    void finish(stats::Group& g);
    uint64_t bytesOfPc(uint32_t pc) const { return pcBytes_[pc]; }
    // `cmd` commands issued so far over all pseudo-channels; idle channels
    // first catch up with their refreshes to now (cheap: idle periods are skipped).
    uint64_t commandsSoFar(memory::Command cmd);
    // BEGIN_RESP - BEGIN_REQ at this socket (ps) of every answered read / write, in answer order (DRAMSys's latency).
    const std::vector<uint64_t>& controllerLatenciesPs(bool write) const { return ctrlLatPs_[write]; }

private:
    struct Txn;
    struct Burst {
        Txn* txn;
        memory::MemRequest req;
        memory::Cycle ready;  // first cycle the controller may take it
    };
    struct Pc {  // one channel: its controller and intake
        std::unique_ptr<memory::PcController> ctrl;
        std::deque<Burst> input;  // bursts not yet in the request buffer
        memory::Cycle wakeAt = memory::PcController::kNever;
        std::vector<memory::Completion> done;
        memory::Cycle lastAccept = -1, respFree = 0;  // dramsys front end: last intake, response FIFO free from
        std::unique_ptr<memory::BankwiseAdmission> admission;  // dramsys: bankwise buffer admission
    };
    struct Port {
        std::deque<Txn*> responses;  // waiting for BEGIN_RESP
        bool respBusy = false;       // BEGIN_RESP sent, END_RESP not yet seen
    };

    tlm::tlm_sync_enum nbTransportFw(int port, tlm::tlm_generic_payload& t, tlm::tlm_phase& ph,
                                     sc_core::sc_time& delay);
    void peqCallback(tlm::tlm_generic_payload& t, const tlm::tlm_phase& ph);
    void beginRequest(Txn* txn);
    void pcMethod(uint32_t pc);
    bool admit(Pc& pc, memory::Cycle c);  // moves input into the controller; true if it took something
    bool canAdmit(const Pc& pc, memory::Cycle c) const;
    void wake(uint32_t pc, memory::Cycle c);  // run pc at cycle c (earliest request wins)
    void tickMethod();
    void scheduleTick(memory::Cycle c);
    void sendResponse(uint32_t port);
    memory::Cycle cycleNow() const;
    sc_core::sc_time at(memory::Cycle c) const;

    uint64_t tickPerCycle_ = 1;
    memory::MemSpec spec_;
    memory::AddressMap map_;
    memory::ControllerPolicy policy_;
    std::vector<uint64_t> ctrlLatPs_[2];
    std::vector<Pc> pcs_;
    std::vector<Port> ports_;
    std::vector<uint64_t> pcBytes_;
    uint64_t requestRows_[3] = {};  // requests by worst row state of their bursts  // bytes moved per pseudo-channel (bursts x burst size)
    tlm_utils::peq_with_cb_and_phase<Hbm> peq_;
    std::unordered_map<tlm::tlm_generic_payload*, std::unique_ptr<Txn>> txns_;
    // One SystemC event for all pseudo-channels (see Pc::wakeAt): channels
    // due in the same cycle share a wake-up.
    // Transactions whose last data beat moves at a cycle: (cycle, order, txn).
    std::priority_queue<std::tuple<memory::Cycle, uint64_t, Txn*>,
                        std::vector<std::tuple<memory::Cycle, uint64_t, Txn*>>, std::greater<>>
        dataDone_;
    uint64_t doneSeq_ = 0;
    sc_core::sc_event tick_;
    memory::Cycle tickAt_ = memory::PcController::kNever;
};

}  // namespace vgm::models
