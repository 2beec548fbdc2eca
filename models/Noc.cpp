#include "models/Noc.h"

#include <string>

#include "models/MemoryExtension.h"

namespace vgm::models {

using namespace sc_core;

struct Noc::Req {
    tlm::tlm_generic_payload* trans;
    uint32_t master, port;
    uint64_t reqBytes, respBytes;
    int64_t queuedAt = 0;  // when it started waiting for the current link
};

Noc::Noc(sc_module_name name, const memory::NocSpec& spec, const memory::AddressMap& map, uint32_t pcs)
    : sc_module(name),
      nmu("nmu"),
      nsu("nsu"),
      spec_(spec),
      map_(map),
      pcs_(pcs),
      nmus_(spec.masters),
      nsus_(spec.ports),
      peq_(this, &Noc::peqCallback) {
    nmu.register_nb_transport_fw(this, &Noc::nbTransportFw);
    nsu.register_nb_transport_bw(this, &Noc::nbTransportBw);
    tickPerCycle_ = uint64_t(spec.periodPs) * sc_time(1, SC_PS).value();
    for (Nsu& n : nsus_) {
        n.waiting.resize(spec.masters);
        n.arb = std::make_unique<memory::NocArbiter>(spec.masters, spec.priority);
    }
    reqs_.reserve(size_t(spec.masters) * spec.outstanding * 2);
    ready_.resize(spec.masters);
    SC_METHOD(actionMethod);
    sensitive << wake_;
    dont_initialize();
}

Noc::~Noc() = default;

// Every initiator bound to `nmu` is a master, whatever noc.masters said.
void Noc::end_of_elaboration() {
    uint32_t n = std::max<uint32_t>(spec_.masters, uint32_t(nmu.size()));
    if (n == spec_.masters) return;
    spec_.masters = n;
    nmus_.resize(n);
    ready_.resize(n);
    for (Nsu& s : nsus_) {
        s.waiting.resize(n);
        s.arb = std::make_unique<memory::NocArbiter>(n, spec_.priority);
    }
}

uint32_t Noc::portOf(uint64_t address) const {
    if (address >= map_.capacity()) return 0;  // the HBM answers with an address error
    return uint32_t(uint64_t(map_.decode(address).pc) * spec_.ports / pcs_);
}

int64_t Noc::cycleNow() const {
    return int64_t((sc_time_stamp().value() + tickPerCycle_ - 1) / tickPerCycle_);  // next NoC clock edge
}

sc_time Noc::at(int64_t cycle) const {
    return sc_time::from_value(uint64_t(cycle) * tickPerCycle_ - sc_time_stamp().value());
}

// Store-and-forward on one link: returns the cycle the last byte leaves it.
int64_t Noc::send(Link& l, int64_t ready, uint64_t bytes, uint32_t width) {
    int64_t start = std::max(ready, l.freeAt);
    int64_t occ = memory::NocSpec::occupancy(bytes, width);
    l.queueing += uint64_t(start - ready);
    l.freeAt = start + occ;
    l.busy += uint64_t(occ);
    l.bytes += bytes;
    ++l.transfers;
    return l.freeAt;
}

void Noc::schedule(int64_t cycle, Act kind, uint32_t index, Req* r) {
    actions_.push(Action{cycle, seq_++, kind, index, r});
    wake_.notify(at(cycle));
}

tlm::tlm_sync_enum Noc::nbTransportFw(int id, tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_time& d) {
    if (ph == tlm::BEGIN_REQ) {
        auto r = std::make_unique<Req>();
        r->trans = &t;
        r->master = uint32_t(id);
        r->port = portOf(t.get_address());
        uint64_t len = t.get_data_length();
        r->reqBytes = t.is_write() ? len : spec_.headerBytes;
        r->respBytes = t.is_write() ? spec_.headerBytes : len;
        MemoryExtension::getOrCreate(t).master = uint32_t(id);
        reqs_[&t] = std::move(r);
    }
    peq_.notify(t, ph, d);
    return tlm::TLM_ACCEPTED;
}

void Noc::peqCallback(tlm::tlm_generic_payload& t, const tlm::tlm_phase& ph) {
    auto it = reqs_.find(&t);
    if (it == reqs_.end()) return;
    Req* r = it->second.get();
    Nmu& m = nmus_[r->master];
    if (ph == tlm::BEGIN_REQ) {
        if (m.outstanding < spec_.outstanding && m.held.empty())
            accept(r);
        else
            m.held.push_back(r);
    } else if (ph == tlm::END_RESP) {
        m.respBusy = false;
        uint32_t master = r->master;
        reqs_.erase(it);
        trySendResp(master);
    }
}

// The NMU takes the request: END_REQ to the master, then the NMU link and the switch.
void Noc::accept(Req* r) {
    Nmu& m = nmus_[r->master];
    ++m.outstanding;
    tlm::tlm_phase ph = tlm::END_REQ;
    sc_time d = SC_ZERO_TIME;
    nmu[int(r->master)]->nb_transport_bw(*r->trans, ph, d);
    int64_t out = send(m.req, cycleNow(), r->reqBytes, spec_.nmuBytesPerCycle);
    schedule(out + spec_.nmuLatency + spec_.switchLatency, Act::AtNsu, r->port, r);
}

void Noc::tryGrant(uint32_t port) {
    Nsu& n = nsus_[port];
    if (n.waitingCount == 0) return;
    int64_t now = cycleNow();
    if (n.inFlight >= spec_.nsuBufferDepth) return;  // resumed by END_REQ from the HBM
    if (n.req.freeAt > now) {
        if (!n.wakeScheduled) schedule(n.req.freeAt, Act::NsuFree, port, nullptr), n.wakeScheduled = true;
        return;
    }
    for (uint32_t i = 0; i < spec_.masters; ++i) ready_[i] = !n.waiting[i].empty();
    int pick = n.arb->pick(ready_);
    if (pick < 0) return;
    Req* r = n.waiting[size_t(pick)].front();
    n.waiting[size_t(pick)].pop_front();
    --n.waitingCount;
    n.req.queueing += uint64_t(now - r->queuedAt);  // arbitration wait
    int64_t out = send(n.req, now, r->reqBytes, spec_.nsuBytesPerCycle);
    ++n.inFlight;
    schedule(out + spec_.nsuLatency, Act::AtHbm, port, r);
    tryGrant(port);  // schedules the next grant when the link frees
}

void Noc::trySendHbm(uint32_t port) {
    Nsu& n = nsus_[port];
    while (!n.hbmBusy && !n.toHbm.empty()) {
        Req* r = n.toHbm.front();
        n.toHbm.pop_front();
        n.hbmBusy = true;
        tlm::tlm_phase ph = tlm::BEGIN_REQ;
        sc_time d = SC_ZERO_TIME;
        tlm::tlm_sync_enum s = nsu[int(port)]->nb_transport_fw(*r->trans, ph, d);
        if (s == tlm::TLM_UPDATED && ph == tlm::END_REQ) n.hbmBusy = false, --n.inFlight;
    }
}

tlm::tlm_sync_enum Noc::nbTransportBw(int id, tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_time&) {
    uint32_t port = uint32_t(id);
    if (ph == tlm::END_REQ) {
        Nsu& n = nsus_[port];
        n.hbmBusy = false;
        --n.inFlight;
        trySendHbm(port);
        tryGrant(port);
        return tlm::TLM_ACCEPTED;
    }
    if (ph == tlm::BEGIN_RESP) {
        Req* r = reqs_.at(&t).get();
        int64_t out = send(nsus_[port].resp, cycleNow(), r->respBytes, spec_.nsuBytesPerCycle);
        schedule(out + spec_.nsuLatency + spec_.switchLatency, Act::AtNmu, r->master, r);
        ph = tlm::END_RESP;
        return tlm::TLM_COMPLETED;
    }
    return tlm::TLM_ACCEPTED;
}

void Noc::trySendResp(uint32_t master) {
    Nmu& m = nmus_[master];
    while (!m.respBusy && !m.responses.empty()) {
        Req* r = m.responses.front();
        m.responses.pop_front();
        --m.outstanding;
        if (!m.held.empty() && m.outstanding < spec_.outstanding) {
            Req* h = m.held.front();
            m.held.pop_front();
            accept(h);
        }
        tlm::tlm_phase ph = tlm::BEGIN_RESP;
        sc_time d = SC_ZERO_TIME;
        tlm::tlm_sync_enum s = nmu[int(master)]->nb_transport_bw(*r->trans, ph, d);
        if (s == tlm::TLM_COMPLETED || (s == tlm::TLM_UPDATED && ph == tlm::END_RESP))
            reqs_.erase(r->trans);
        else
            m.respBusy = true;
    }
}

void Noc::actionMethod() {
    int64_t now = cycleNow();
    while (!actions_.empty() && actions_.top().cycle <= now) {
        Action a = actions_.top();
        actions_.pop();
        switch (a.kind) {
            case Act::AtNsu:
                a.req->queuedAt = now;
                nsus_[a.index].waiting[a.req->master].push_back(a.req);
                ++nsus_[a.index].waitingCount;
                tryGrant(a.index);
                break;
            case Act::NsuFree:
                nsus_[a.index].wakeScheduled = false;
                tryGrant(a.index);
                break;
            case Act::AtHbm:
                nsus_[a.index].toHbm.push_back(a.req);
                trySendHbm(a.index);
                break;
            case Act::AtNmu: {
                int64_t out = send(nmus_[a.index].resp, now, a.req->respBytes, spec_.nmuBytesPerCycle);
                schedule(out + spec_.nmuLatency, Act::Deliver, a.index, a.req);
                break;
            }
            case Act::Deliver:
                nmus_[a.index].responses.push_back(a.req);
                trySendResp(a.index);
                break;
        }
    }
    if (!actions_.empty()) wake_.notify(at(actions_.top().cycle));
}

void Noc::finish(stats::Group& g) const {
    auto link = [](stats::Group& lg, const Link& l, const char* dir) {
        std::string d = dir;
        lg.counter(d + "_bytes", "B", d + " bytes carried").add(l.bytes);
        lg.counter(d + "_busy_cycles", "noc cycle", d + " cycles the link was occupied").add(l.busy);
        lg.counter(d + "_queue_cycles", "noc cycle", d + " cycles transfers waited for the link").add(l.queueing);
        lg.counter(d + "_transfers", "1", d + " transfers").add(l.transfers);
    };
    for (size_t i = 0; i < nmus_.size(); ++i) {
        stats::Group& lg = g.group("nmu" + std::to_string(i), "NMU link of master " + std::to_string(i));
        link(lg, nmus_[i].req, "req");
        link(lg, nmus_[i].resp, "resp");
    }
    for (size_t j = 0; j < nsus_.size(); ++j) {
        stats::Group& lg = g.group("nsu" + std::to_string(j), "NSU link of HBM port " + std::to_string(j));
        link(lg, nsus_[j].req, "req");
        link(lg, nsus_[j].resp, "resp");
    }
}

}  // namespace vgm::models
