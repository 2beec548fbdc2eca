#include "models/Noc.h"

#include <string>

#include "models/MemoryExtension.h"

namespace vgm::models {

using namespace sc_core;

struct Noc::Req {  // a master's transaction
    tlm::tlm_generic_payload* trans;
    uint32_t master;
    uint32_t pieces = 0;    // not yet answered
    uint32_t toAccept = 0;  // transparent: pieces the HBM has not yet taken (END_REQ)
    bool error = false;
};

struct Noc::Piece : tlm::tlm_generic_payload {  // what the NMU sends to one port
    Req* parent = nullptr;
    uint32_t port = 0, link = 0;  // NSU port; NMU link (global index)
    uint64_t reqBytes = 0, respBytes = 0;
    int64_t queuedAt = 0;  // when it started waiting for the current link
};

Noc::Noc(sc_module_name name, const memory::NocSpec& spec, const memory::AddressMap& map, uint32_t pcs)
    : sc_module(name),
      nmu("nmu"),
      nsu("nsu"),
      spec_(spec),
      map_(map),
      pcs_(pcs),
      masters_(spec.masters),
      nmus_(size_t(spec.masters) * spec.nmusPerMaster),
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
    granule_ = spec.splitBytes;
    if (!granule_) {  // lowest address bit that selects the pseudo-channel
        int low = map.totalBits();
        for (auto f : {memory::AddressMap::PseudoChannel, memory::AddressMap::Channel, memory::AddressMap::Stack})
            for (int b : map.bits(f)) low = std::min(low, b);
        granule_ = uint64_t(1) << low;
    }
    ready_.resize(spec.masters);
    SC_METHOD(actionMethod);
    sensitive << wake_;
    dont_initialize();
    SC_METHOD(answeredMethod);
    sensitive << answeredEv_;
    dont_initialize();
}

Noc::~Noc() = default;

// Every initiator bound to `nmu` is a master, whatever noc.masters said.
void Noc::end_of_elaboration() {
    uint32_t n = std::max<uint32_t>(spec_.masters, uint32_t(nmu.size()));
    if (n == spec_.masters) return;
    spec_.masters = n;
    masters_.resize(n);
    nmus_.resize(size_t(n) * spec_.nmusPerMaster);
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
int64_t Noc::send(Link& l, int64_t ready, int64_t occ, uint64_t bytes) {
    int64_t start = std::max(ready, l.freeAt);
    l.queueing += uint64_t(start - ready);
    l.freeAt = start + occ;
    l.busy += uint64_t(occ);
    l.bytes += bytes;
    ++l.transfers;
    return l.freeAt;
}

void Noc::schedule(int64_t cycle, Act kind, uint32_t index, Piece* p) {
    actions_.push(Action{cycle, seq_++, kind, index, p});
    wake_.notify(at(cycle));
}

tlm::tlm_sync_enum Noc::nbTransportFw(int id, tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_time& d) {
    if (ph == tlm::BEGIN_REQ) {
        auto r = std::make_unique<Req>();
        r->trans = &t;
        r->master = uint32_t(id);
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
    Master& m = masters_[r->master];
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

Noc::Piece* Noc::newPiece(Req* r, uint64_t address, uint32_t len) {
    if (freePieces_.empty()) {
        pieces_.push_back(std::make_unique<Piece>());
        freePieces_.push_back(pieces_.back().get());
    }
    Piece* p = freePieces_.back();
    freePieces_.pop_back();
    const tlm::tlm_generic_payload& t = *r->trans;
    p->set_command(t.get_command());
    p->set_address(address);
    p->set_data_length(len);
    p->set_data_ptr(nullptr);  // timing only
    p->set_streaming_width(len);
    p->set_byte_enable_ptr(nullptr);
    p->set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    p->parent = r;
    p->port = portOf(address);
    p->link = r->master * spec_.nmusPerMaster + p->port % spec_.nmusPerMaster;
    p->reqBytes = t.is_write() ? len : spec_.headerBytes;
    p->respBytes = t.is_write() ? spec_.headerBytes : len;
    return p;
}

// The NMU takes the request: END_REQ to the master, then splits it at the
// granule; each piece crosses its NMU link and the switch.
void Noc::accept(Req* r) {
    ++masters_[r->master].outstanding;
    if (!spec_.transparent) endRequest(r);  // transparent: when the HBM has taken every piece
    const uint64_t addr = r->trans->get_address(), end = addr + r->trans->get_data_length();
    const int64_t now = cycleNow();
    std::vector<Piece*> ps;
    for (uint64_t a = addr; a < end || a == addr;) {
        const uint64_t next = std::min(end, (a / granule_ + 1) * granule_);
        ps.push_back(newPiece(r, a, uint32_t(next - a)));
        a = next;
        if (a == addr) break;  // zero-length: one piece
    }
    r->pieces = r->toAccept = uint32_t(ps.size());
    if (spec_.transparent) {  // straight to the HBM port, in this cycle
        for (Piece* p : ps) {
            ++nsus_[p->port].inFlight;
            nsus_[p->port].toHbm.push_back(p);
            trySendHbm(p->port);
        }
        return;
    }
    for (Piece* p : ps) {
        const int64_t out = send(nmus_[p->link].req, now, memory::NocSpec::occupancy(p->reqBytes, spec_.nmuBytesPerCycle),
                                 p->reqBytes);
        schedule(out + spec_.nmuLatency + spec_.switchLatency, Act::AtNsu, p->port, p);
    }
}

void Noc::endRequest(Req* r) {
    tlm::tlm_phase ph = tlm::END_REQ;
    sc_time d = SC_ZERO_TIME;
    nmu[int(r->master)]->nb_transport_bw(*r->trans, ph, d);
}

void Noc::pieceTaken(Piece* p) {
    if (spec_.transparent && --p->parent->toAccept == 0) endRequest(p->parent);
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
    Piece* r = n.waiting[size_t(pick)].front();
    n.waiting[size_t(pick)].pop_front();
    --n.waitingCount;
    n.req.queueing += uint64_t(now - r->queuedAt);  // arbitration wait
    int64_t out = send(n.req, now, spec_.nsuOccupancy(r->reqBytes), r->reqBytes);
    ++n.inFlight;
    schedule(out + spec_.nsuLatency, Act::AtHbm, port, r);
    tryGrant(port);  // schedules the next grant when the link frees
}

void Noc::trySendHbm(uint32_t port) {
    Nsu& n = nsus_[port];
    while (!n.hbmBusy && !n.toHbm.empty()) {
        Piece* r = n.toHbm.front();
        n.toHbm.pop_front();
        n.hbmBusy = true;
        tlm::tlm_phase ph = tlm::BEGIN_REQ;
        sc_time d = SC_ZERO_TIME;
        tlm::tlm_sync_enum s = nsu[int(port)]->nb_transport_fw(*r, ph, d);
        if (s == tlm::TLM_UPDATED && ph == tlm::END_REQ) n.hbmBusy = false, --n.inFlight, pieceTaken(r);
    }
}

tlm::tlm_sync_enum Noc::nbTransportBw(int id, tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_time&) {
    uint32_t port = uint32_t(id);
    if (ph == tlm::END_REQ) {
        Nsu& n = nsus_[port];
        n.hbmBusy = false;
        --n.inFlight;
        pieceTaken(static_cast<Piece*>(&t));  // every payload sent to the HBM is a Piece
        trySendHbm(port);
        tryGrant(port);
        return tlm::TLM_ACCEPTED;
    }
    if (ph == tlm::BEGIN_RESP) {
        Piece* r = static_cast<Piece*>(&t);  // every payload sent to the HBM is a Piece
        ph = tlm::END_RESP;
        if (spec_.transparent) {  // finished a delta later: the HBM is still inside this call with r
            answered_.push_back(r);
            answeredEv_.notify(SC_ZERO_TIME);
            return tlm::TLM_COMPLETED;
        }
        int64_t out = send(nsus_[port].resp, cycleNow(), spec_.nsuOccupancy(r->respBytes), r->respBytes);
        schedule(out + spec_.nsuLatency + spec_.switchLatency, Act::AtNmu, r->link, r);
        return tlm::TLM_COMPLETED;
    }
    return tlm::TLM_ACCEPTED;
}

// Transparent: pieces answered by the HBM, in answer order. Not done inside
// its BEGIN_RESP call, where a freed piece could be reused by a held request
// while the HBM still holds it.
void Noc::answeredMethod() {
    std::vector<Piece*> now;
    now.swap(answered_);
    for (Piece* p : now) pieceDone(p);
}

// A piece is back at its NMU: the master's response goes when the last one is.
void Noc::pieceDone(Piece* p) {
    Req* r = p->parent;
    r->error = r->error || p->get_response_status() != tlm::TLM_OK_RESPONSE;
    freePieces_.push_back(p);
    if (--r->pieces) return;
    r->trans->set_response_status(r->error ? tlm::TLM_ADDRESS_ERROR_RESPONSE : tlm::TLM_OK_RESPONSE);
    masters_[r->master].responses.push_back(r);
    trySendResp(r->master);
}

void Noc::trySendResp(uint32_t master) {
    Master& m = masters_[master];
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
                a.piece->queuedAt = now;
                nsus_[a.index].waiting[a.piece->parent->master].push_back(a.piece);
                ++nsus_[a.index].waitingCount;
                tryGrant(a.index);
                break;
            case Act::NsuFree:
                nsus_[a.index].wakeScheduled = false;
                tryGrant(a.index);
                break;
            case Act::AtHbm:
                nsus_[a.index].toHbm.push_back(a.piece);
                trySendHbm(a.index);
                break;
            case Act::AtNmu: {
                const uint64_t b = a.piece->respBytes;
                int64_t out = send(nmus_[a.index].resp, now, memory::NocSpec::occupancy(b, spec_.nmuBytesPerCycle), b);
                schedule(out + spec_.nmuLatency, Act::Deliver, a.index, a.piece);
                break;
            }
            case Act::Deliver:
                pieceDone(a.piece);
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
        stats::Group& lg = g.group("nmu" + std::to_string(i),
                                   "NMU link " + std::to_string(i % spec_.nmusPerMaster) + " of master " +
                                       std::to_string(i / spec_.nmusPerMaster));
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
