#include "models/Hbm.h"

#include <string>

namespace vgm::models {

using namespace sc_core;
using memory::Cycle;

struct Hbm::Txn {
    tlm::tlm_generic_payload* trans;
    int port;
    uint32_t toAdmit = 0;   // bursts not yet in a request buffer
    uint32_t toFinish = 0;  // bursts not yet completed
    uint8_t rowState = 0;   // worst over its bursts: 0 hit, 1 miss, 2 conflict
    uint64_t beginPs = 0;   // BEGIN_REQ at this socket
    Cycle respAt = 0;       // latest data beat over its bursts (dramsys front end: its FIFO response slot)
};

Hbm::Hbm(sc_module_name name, const memory::MemSpec& spec, const memory::AddressMap& map,
         const memory::ControllerPolicy& policy)
    : sc_module(name),
      socket("socket"),
      spec_(spec),
      map_(map),
      policy_(policy),
      pcs_(spec.totalPcs() / spec.pseudoChannels),
      pcBytes_(spec.totalPcs(), 0),
      peq_(this, &Hbm::peqCallback) {
    socket.register_nb_transport_fw(this, &Hbm::nbTransportFw);
    tickPerCycle_ = uint64_t(spec_.tCKps) * sc_time(1, SC_PS).value();
    for (Pc& pc : pcs_) {
        pc.ctrl = std::make_unique<memory::PcController>(spec_, policy, spec_.pseudoChannels);
        pc.admission = std::make_unique<memory::BankwiseAdmission>(spec_.banks * spec_.pseudoChannels, policy.depth);
    }
    txns_.reserve(4096);
    SC_METHOD(tickMethod);
    sensitive << tick_;
    dont_initialize();
}

void Hbm::wake(uint32_t p, Cycle c) {
    if (c >= pcs_[p].wakeAt) return;
    pcs_[p].wakeAt = c;
    scheduleTick(c);
}

void Hbm::scheduleTick(Cycle c) {
    if (c < tickAt_) {  // kNever never schedules
        tickAt_ = c;
        tick_.notify(at(c));
    }
}

// Channels due now run in index order (deterministic); a scan of 32 entries
// is cheaper than keeping a heap of wake-ups.
void Hbm::tickMethod() {
    Cycle c = cycleNow();
    tickAt_ = memory::PcController::kNever;
    for (uint32_t p = 0; p < pcs_.size(); ++p)
        if (pcs_[p].wakeAt <= c) {
            pcs_[p].wakeAt = memory::PcController::kNever;
            pcMethod(p);
        }
    while (!dataDone_.empty() && std::get<0>(dataDone_.top()) <= c) {
        Txn* txn = std::get<2>(dataDone_.top());
        dataDone_.pop();
        txn->trans->set_response_status(tlm::TLM_OK_RESPONSE);
        ports_[size_t(txn->port)].responses.push_back(txn);
        sendResponse(uint32_t(txn->port));
    }
    for (const Pc& pc : pcs_) scheduleTick(pc.wakeAt);
    if (!dataDone_.empty()) scheduleTick(std::get<0>(dataDone_.top()));
}

Hbm::~Hbm() = default;

// Kernel time in ticks; one tCK = tickPerCycle_ ticks (exact: tCK is whole picoseconds).
Cycle Hbm::cycleNow() const {
    return Cycle((sc_time_stamp().value() + tickPerCycle_ - 1) / tickPerCycle_);  // next clock edge
}

sc_time Hbm::at(Cycle c) const {
    return sc_time::from_value(uint64_t(c) * tickPerCycle_ - sc_time_stamp().value());
}

tlm::tlm_sync_enum Hbm::nbTransportFw(int port, tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_time& delay) {
    if (ph == tlm::BEGIN_REQ) {
        if (ports_.size() <= size_t(port)) ports_.resize(size_t(port) + 1);
        auto txn = std::make_unique<Txn>();
        txn->trans = &t;
        txn->port = port;
        txn->beginPs = sc_time_stamp().value() / sc_time(1, SC_PS).value();
        txns_[&t] = std::move(txn);
    }
    peq_.notify(t, ph, delay);
    return tlm::TLM_ACCEPTED;
}

void Hbm::peqCallback(tlm::tlm_generic_payload& t, const tlm::tlm_phase& ph) {
    auto it = txns_.find(&t);
    if (it == txns_.end()) return;  // not ours (protocol error by the initiator)
    Txn* txn = it->second.get();
    if (ph == tlm::BEGIN_REQ) {
        beginRequest(txn);
    } else if (ph == tlm::END_RESP) {
        uint32_t port = uint32_t(txn->port);
        ports_[port].respBusy = false;
        txns_.erase(it);
        sendResponse(port);
    }
}

void Hbm::beginRequest(Txn* txn) {
    tlm::tlm_generic_payload& t = *txn->trans;
    uint64_t addr = t.get_address(), len = t.get_data_length();
    if (len == 0 || addr >= map_.capacity() || len > map_.capacity() - addr) {
        t.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        tlm::tlm_phase ph = tlm::END_REQ;
        sc_time d = SC_ZERO_TIME;
        socket[txn->port]->nb_transport_bw(t, ph, d);
        ports_[size_t(txn->port)].responses.push_back(txn);
        sendResponse(uint32_t(txn->port));
        return;
    }
    const uint64_t bb = spec_.burstBytes();
    Cycle c = cycleNow();
    const Cycle ready = policy_.dramsysFrontend ? c + 1 : c;  // DRAMSys: 1-tCK think delay
    for (uint64_t a = addr - addr % bb; a < addr + len; a += bb) {
        memory::DramAddress d = map_.decode(a);
        memory::MemRequest r;
        r.tag = 0;
        r.write = t.is_write();
        const uint32_t ch = d.pc / spec_.pseudoChannels;
        r.bank = (d.pc % spec_.pseudoChannels) * spec_.banks + d.bank;
        r.row = d.row;
        r.column = d.column;
        pcs_[ch].input.push_back(Burst{txn, r, ready});
        wake(ch, ready);
        ++txn->toAdmit;
        ++txn->toFinish;
    }
}

bool Hbm::canAdmit(const Pc& pc, Cycle c) const {
    if (pc.input.empty() || pc.input.front().ready > c) return false;
    const memory::PcController& ctrl = *pc.ctrl;
    if (!policy_.dramsysFrontend) return ctrl.canAccept(pc.input.front().req.bank, c);
    if (c <= pc.lastAccept) return false;  // one request per tCK
    if (!policy_.bankwiseBuffer) return ctrl.queuedTotal() < policy_.depth;
    uint32_t need = 0;  // the request's bursts in this channel: DRAMSys needs len / 32 entries
    for (auto it = pc.input.begin(); it != pc.input.end() && it->txn == pc.input.front().txn; ++it) ++need;
    return pc.admission->hasRoom(need);  // in the last stored burst's bank, not the incoming request's
}

bool Hbm::admit(Pc& pc, Cycle c) {
    if (!canAdmit(pc, c)) return false;
    Txn* txn = pc.input.front().txn;
    bool first = true;
    // vgmsim: one burst; dramsys: every burst of the request in this channel.
    while (!pc.input.empty() && pc.input.front().txn == txn && (first || policy_.dramsysFrontend)) {
        Burst b = pc.input.front();
        pc.input.pop_front();
        b.req.tag = reinterpret_cast<uintptr_t>(b.txn);
        if (policy_.dramsysFrontend) pc.admission->store(b.req.bank);
        pc.ctrl->accept(b.req, c, !first || policy_.dramsysFrontend);  // dramsys admits by the last bank
        first = false;
        if (--b.txn->toAdmit == 0) {
            tlm::tlm_phase ph = tlm::END_REQ;
            sc_time d = SC_ZERO_TIME;
            socket[b.txn->port]->nb_transport_bw(*b.txn->trans, ph, d);
        }
    }
    pc.lastAccept = c;
    return true;
}

void Hbm::pcMethod(uint32_t p) {
    Pc& pc = pcs_[p];
    memory::PcController& ctrl = *pc.ctrl;
    Cycle c = cycleNow();
    if (c < ctrl.now()) {  // this cycle was already processed: new input waits for the next one
        wake(p, ctrl.now());
        return;
    }
    ctrl.runUntil(c, pc.done);
    admit(pc, c);
    ctrl.runUntil(c + 1, pc.done);
    for (const memory::Completion& done : pc.done) {
        Txn* txn = reinterpret_cast<Txn*>(uintptr_t(done.tag));
        pcBytes_[p * spec_.pseudoChannels + done.rank] += spec_.burstBytes();
        txn->rowState = std::max(txn->rowState, done.rowState);
        if (policy_.dramsysFrontend) pc.admission->remove(done.bank);  // freed when its RD/WR issues
        // dramsys: the response FIFO pops bursts in RD/WR order; only a request's last burst sends
        // BEGIN_RESP, which holds the FIFO one tCK (END_RESP); earlier bursts pop at no cost.
        // A request's bursts may lie in several channels: it is answered after the latest of them.
        if (policy_.dramsysFrontend) {
            const Cycle pop = std::max(done.done, pc.respFree);
            txn->respAt = std::max(txn->respAt, pop);
            pc.respFree = txn->toFinish == 1 ? pop + 1 : pop;
        } else {
            txn->respAt = std::max(txn->respAt, done.done);
        }
        if (--txn->toFinish == 0) {
            ++requestRows_[txn->rowState];
            dataDone_.emplace(txn->respAt, doneSeq_++, txn);
            scheduleTick(txn->respAt);
        }
    }
    pc.done.clear();
    Cycle next = memory::PcController::kNever;
    if (!pc.input.empty())
        next = canAdmit(pc, c + 1) ? c + 1
               : pc.input.front().ready > c + 1 ? std::min(pc.input.front().ready, ctrl.nextEvent())
                                                : ctrl.nextEvent();
    else if (ctrl.hasRequests())
        next = ctrl.nextEvent();
    if (next != memory::PcController::kNever) wake(p, next);
}

void Hbm::sendResponse(uint32_t port) {
    Port& p = ports_[port];
    while (!p.respBusy && !p.responses.empty()) {
        Txn* txn = p.responses.front();
        p.responses.pop_front();
        tlm::tlm_phase ph = tlm::BEGIN_RESP;
        sc_time d = SC_ZERO_TIME;
        if (txn->trans->get_response_status() == tlm::TLM_OK_RESPONSE)
            ctrlLatPs_[txn->trans->is_write()].push_back(sc_time_stamp().value() / sc_time(1, SC_PS).value() -
                                                         txn->beginPs);
        tlm::tlm_sync_enum s = socket[txn->port]->nb_transport_bw(*txn->trans, ph, d);
        if (s == tlm::TLM_COMPLETED || (s == tlm::TLM_UPDATED && ph == tlm::END_RESP)) {
            txns_.erase(txn->trans);
        } else {
            p.respBusy = true;
        }
    }
}

uint64_t Hbm::commandsSoFar(memory::Command cmd) {
    const Cycle c = cycleNow();
    uint64_t n = 0;
    for (Pc& pc : pcs_) {
        if (pc.input.empty() && !pc.ctrl->hasRequests() && c > pc.ctrl->now()) {
            std::vector<memory::Completion> none;
            pc.ctrl->runUntil(c, none);
        }
        for (uint32_t r = 0; r < pc.ctrl->ranks(); ++r) n += pc.ctrl->counters(r).commands[int(cmd)];
    }
    return n;
}

void Hbm::finish(stats::Group& g) {
    Cycle c = cycleNow();
    static const char* cmdStat[] = {"act", "pre", "prea", "rd", "wr", "refab", "refpb"};
    g.counter("request_row_hits", "1", "requests (TLM transactions at the HBM) whose every burst found its row open")
        .add(requestRows_[0]);
    g.counter("request_row_misses", "1", "requests whose worst burst needed an ACT on a closed bank")
        .add(requestRows_[1]);
    g.counter("request_row_conflicts", "1", "requests whose worst burst needed PRE + ACT").add(requestRows_[2]);
    for (uint32_t p = 0; p < spec_.totalPcs(); ++p) {
        std::vector<memory::Completion> none;
        memory::PcController& ctrl = *pcs_[p / spec_.pseudoChannels].ctrl;
        ctrl.runUntil(c, none);  // idle refreshes up to now
        const memory::PcCounters& k = ctrl.counters(p % spec_.pseudoChannels);
        stats::Group& pg = g.group("pc" + std::to_string(p), "pseudo-channel " + std::to_string(p));
        uint64_t bb = spec_.burstBytes();
        pg.counter("bytes_read", "B", "bytes read").add(k.reads * bb);
        pg.counter("bytes_written", "B", "bytes written").add(k.writes * bb);
        for (int i = 0; i < memory::kCommands; ++i)
            pg.counter(std::string("cmd_") + cmdStat[i], "1",
                       std::string(memory::commandName(memory::Command(i))) + " commands issued")
                .add(k.commands[i]);
        pg.counter("row_hits", "1", "bursts served from an open row").add(k.rowHits);
        pg.counter("row_misses", "1", "bursts that needed an ACT on a closed bank").add(k.rowMisses);
        pg.counter("row_conflicts", "1", "bursts that needed PRE + ACT (other row open)").add(k.rowConflicts);
        pg.counter("busy_cycles", "tCK", "cycles the data bus carried data").add(k.dataBusyCycles);
        pg.counter("refresh_cycles", "tCK", "cycles spent refreshing (tRFC or tRFCSB per refresh)")
            .add(k.refreshBusyCycles);
        pg.counter("cycles", "tCK", "simulated cycles").add(uint64_t(c));
    }
}

}  // namespace vgm::models
