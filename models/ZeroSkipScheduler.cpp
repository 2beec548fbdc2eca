#include "models/ZeroSkipScheduler.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace vgm::models {

using namespace sc_core;
using program::UnitClass;
using program::UnitKind;

ZeroSkipScheduler::ZeroSkipScheduler(sc_module_name name, const program::Machine& m, program::Dispatcher& d,
                                     FabricClock& clock, OnDone onDone)
    : sc_module(name), m_(m), d_(d), clock_(clock), onDone_(std::move(onDone)), pending_(m.units.size()), awaitingEndReq_(m.units.size()),
      tally_(m.units.size()), histogram_(m.units.size() + 1, 0), cls_(m.units.size()), since_(m.units.size(), 0) {
    for (uint32_t u = 0; u < m.units.size(); ++u) {
        cls_[u] = d.unitState(u);
        const int busy = cls_[u] == UnitClass::Busy;
        busy_[0] += busy, busy_[kindIndex(u)] += busy;
    }
    for (size_t u = 0; u < m.units.size(); ++u) {
        sockets.push_back(std::make_unique<Socket>(("to_" + m.units[u].name).c_str()));
        sockets.back()->register_nb_transport_bw(this, &ZeroSkipScheduler::nbTransportBw, int(u));
    }
    SC_THREAD(start);
    SC_METHOD(wake);
    sensitive << go_;
    dont_initialize();
}

tlm::tlm_generic_payload* ZeroSkipScheduler::payload() {
    if (free_.empty()) {
        pool_.emplace_back();
        pool_.back().set_extension(new CommandExtension);
        free_.push_back(&pool_.back());
    }
    tlm::tlm_generic_payload* p = free_.back();
    free_.pop_back();
    return p;
}

tlm::tlm_sync_enum ZeroSkipScheduler::nbTransportBw(int unit, tlm::tlm_generic_payload& t, tlm::tlm_phase& ph,
                                                    sc_time&) {
    if (ph == tlm::END_REQ) {
        awaitingEndReq_[size_t(unit)] = false;
        return tlm::TLM_ACCEPTED;
    }
    if (ph != tlm::BEGIN_RESP) return tlm::TLM_ACCEPTED;
    finished_.push_back(t.get_extension<CommandExtension>());
    completed_.notify(SC_ZERO_TIME);  // after every unit that ends at this cycle
    ph = tlm::END_RESP;
    return tlm::TLM_COMPLETED;
}

void ZeroSkipScheduler::account(uint64_t until) {
    // Per-unit cycles are booked when a unit changes class (reclass); here only the machine-wide figures.
    const uint64_t dt = until - cycle_;
    if (dt == 0) return;
    histogram_[busy_[0]] += dt;
    breakdown_[busy_[1] ? 0 : busy_[2] ? 1 : busy_[3] ? 2 : 3] += dt;
}

int ZeroSkipScheduler::kindIndex(uint32_t u) const {
    switch (m_.units[u].kind) {
    case UnitKind::DspGroup:
    case UnitKind::Sfu: return 1;
    case UnitKind::DmaWeight:
    case UnitKind::DmaActivation: return 2;
    default: return 3;
    }
}

void ZeroSkipScheduler::setClass(uint32_t u, UnitClass c) {
    tally_[u].cycles[size_t(cls_[u])] += cycle_ - since_[u];
    since_[u] = cycle_;
    const int dir = (c == UnitClass::Busy) - (cls_[u] == UnitClass::Busy);
    busy_[0] += dir, busy_[kindIndex(u)] += dir;
    cls_[u] = c;
}

void ZeroSkipScheduler::reclass() {
    for (uint32_t u : d_.touched())
        if (d_.unitState(u) != cls_[u]) setClass(u, d_.unitState(u));
}

void ZeroSkipScheduler::flushTallies() {
    for (uint32_t u = 0; u < cls_.size(); ++u) setClass(u, cls_[u]);
}

void ZeroSkipScheduler::start() {
    if (before_) before_();
    const double ps = 1e6 / clock_.mhz;
    clock_.origin = uint64_t(std::ceil(sc_time_stamp().to_seconds() * 1e12 / ps - 1e-3));
    if (clock_.at(0) > sc_time_stamp()) wait(clock_.at(0) - sc_time_stamp());
    go_.notify();
}


void ZeroSkipScheduler::send(const program::Dispatcher::Issue& is) {
    if (awaitingEndReq_[is.unit]) throw std::logic_error("ZSS: dispatched to a unit that holds END_REQ");
    tlm::tlm_generic_payload* p = payload();
    CommandExtension* x = p->get_extension<CommandExtension>();
    x->index = is.index, x->cmd = is.cmd, x->unit = is.unit, x->arrival = cycle_;
    x->owner = p;
    p->set_command(tlm::TLM_IGNORE_COMMAND);
    p->set_address(is.index);
    p->set_data_length(0);
    p->set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    tlm::tlm_phase ph = tlm::BEGIN_REQ;
    sc_time d = ahead_;
    const tlm::tlm_sync_enum st = (*sockets[is.unit])->nb_transport_fw(*p, ph, d);
    if (st == tlm::TLM_COMPLETED) {  // a timed unit: x->end is when it ends
        if (p->get_response_status() != tlm::TLM_OK_RESPONSE)
            throw std::logic_error("ZSS: unit " + m_.units[is.unit].name + " refused a command (queue full)");
        auto& q = pending_[is.unit];
        if (q.empty()) nextEnd_ = std::min(nextEnd_, x->end);  // ends on one unit come in order
        q.push_back(x);
        return;
    }
    awaitingEndReq_[is.unit] = !(st == tlm::TLM_UPDATED && ph == tlm::END_REQ);
}

bool ZeroSkipScheduler::step() {
    nextEnd_ = ~uint64_t(0);
    for (auto& q : pending_) {  // timed units: at most one command ends per unit and cycle
        if (q.empty()) continue;
        if (q.front()->end <= cycle_) finished_.push_back(q.front()), q.pop_front();
        if (!q.empty()) nextEnd_ = std::min(nextEnd_, q.front()->end);
    }
    std::sort(finished_.begin(), finished_.end(),
              [](const CommandExtension* a, const CommandExtension* b) { return a->index < b->index; });
    for (CommandExtension* x : finished_) {
        if (onDone_) onDone_(x->index, *x->cmd, x->unit, x->start, x->end);
        d_.retire(x->index, x->unit);
        free_.push_back(x->owner);
    }
    finished_.clear();
    issues_.clear();
    d_.dispatch(issues_);
    reclass();
    if (!issues_.empty()) {
        const sc_time at = clock_.at(cycle_);  // decoupled: ahead of SystemC time
        ahead_ = at > sc_time_stamp() ? at - sc_time_stamp() : SC_ZERO_TIME;
    }
    for (const auto& is : issues_) send(is);
    if (d_.finished()) {
        flushTallies();
        done_ = true;
        return false;  // no trigger left: the process sleeps for good
    }
    if (d_.outstanding() == 0) {  // reported after sc_start returns: a throw here would end in SystemC's handler
        flushTallies();
        error_ = "machine deadlock at cycle " + std::to_string(cycle_) + ": " + d_.blockedReport();
        sc_stop();
        return false;
    }
    return true;
}

void ZeroSkipScheduler::wake() {
    if (caughtUp_) return;  // SystemC time now equals the end of the run
    ++activations_;
    if (synced_) {
        // Woken at a timed unit's end: let a blocking unit that ends at the same time report first.
        if (started_ && !deferred_ && finished_.empty()) {
            deferred_ = true;
            next_trigger(SC_ZERO_TIME);
            return;
        }
        deferred_ = false;
        if (started_) {
            ++wakeups_;
            const uint64_t now = clock_.now();
            account(now);
            cycle_ = now;
        }
        started_ = true;
        if (!step()) return;
        const uint64_t t = nextEnd_;
        if (t == ~uint64_t(0)) next_trigger(completed_);
        else next_trigger(clock_.at(t) - sc_time_stamp(), completed_);
        return;
    }
    // Decoupled: every outstanding command is in pending_, so the next completion cycle is known.
    for (;;) {
        if (started_) {
            ++wakeups_;
            const uint64_t t = nextEnd_;
            account(t);
            cycle_ = t;
        }
        started_ = true;
        if (!step()) {
            // Ran ahead of SystemC time: catch up to the last cycle so that modules finishing
            // after sc_start (the HBM's idle refreshes) see the end of the run.
            if (done_ && clock_.at(cycle_) > sc_time_stamp()) {
                caughtUp_ = true;
                next_trigger(clock_.at(cycle_) - sc_time_stamp());
            }
            return;
        }
        const uint64_t t = nextEnd_;
        if (t >= syncUntil_) {  // hand back to SystemC until then
            syncUntil_ = t + kQuantum;
            next_trigger(clock_.at(t) - sc_time_stamp());
            return;
        }
    }
}

}  // namespace vgm::models
