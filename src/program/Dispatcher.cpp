#include "program/Dispatcher.h"

#include <algorithm>
#include <stdexcept>

namespace vgm::program {

Dispatcher::Dispatcher(const Machine& m, Source lower)
    : m_(m), lower_(std::move(lower)), heads_(m.streams.size()), headState_(m.streams.size(), Head::None),
      wait_(m.streams.size()), headPrecision_(m.streams.size()), headAcquire_(m.streams.size()),
      outstanding_(m.units.size(), 0), work_(m.units.size(), 0), feeds_(m.units.size()), state_(m.units.size(), UnitClass::Idle),
      dirty_(m.units.size(), 0), roomGen_(m.streams.size(), 0), nonEmpty_((m.streams.size() + 63) / 64, 0) {
    for (uint32_t s = 0; s < m.streams.size(); ++s)
        for (uint32_t u : m.streams[s].units) feeds_[u].push_back(s);
    for (uint32_t u = 0; u < m.units.size(); ++u) {
        uint32_t prec = 0;
        for (timing::Precision p : timing::kAllPrecisions)
            if (m.eligible(u, p)) prec |= 1u << unsigned(p);
        unitPrec_.push_back(prec);
        unitGroup_.push_back(m.units[u].group);
        balanced_.push_back(m.balanceWork && m.units[u].kind == UnitKind::DspGroup);
    }
    fill();
    for (uint32_t u = 0; u < m.units.size(); ++u) touch(u);
    classify();
}

void Dispatcher::fill() {
    while (!window_.empty() && window_.front().done) window_.pop_front(), ++base_;
    while (!ops_.empty() && ops_.front().first + ops_.front().count <= base_) ops_.pop_front();
    while (!exhausted_) {
        if (!window_.empty() && nextOp_ > window_.front().cmd.op + m_.lookaheadOps) break;
        scratch_.clear();
        const uint64_t first = lowered();
        if (!lower_(scratch_, first, nextOp_)) {
            exhausted_ = true;
            break;
        }
        if (!scratch_.empty()) ops_.push_back({scratch_.front().op, first, scratch_.size(), scratch_.size()});
        for (Command& c : scratch_) {
            if (c.stream >= heads_.size()) throw std::logic_error("Dispatcher: command names an unknown stream");
            heads_[c.stream].push_back(lowered());
            nonEmpty_[c.stream / 64] |= uint64_t(1) << (c.stream % 64);
            if (window_.size() >= doneRing_.size()) grow();
            doneRing_[lowered() & mask_] = 0;
            spanRing_[lowered() & mask_] = &ops_.back();
            Entry& e = window_.slot();
            e.cmd = std::move(c);
            e.done = false;
            e.depRange = e.depOffset = 0;
        }
    }
}

void Dispatcher::grow() {
    const size_t cap = std::max<size_t>(1024, doneRing_.size() * 2);
    std::vector<uint8_t> done(cap);
    std::vector<OpSpan*> spans(cap);
    for (uint64_t i = base_; i < lowered(); ++i) {
        done[i & (cap - 1)] = doneRing_[i & mask_];
        spans[i & (cap - 1)] = spanRing_[i & mask_];
    }
    doneRing_.swap(done);
    spanRing_.swap(spans);
    mask_ = cap - 1;
}

bool Dispatcher::rangeDone(const DepRange& r, uint32_t& offset, Wait& w) const {
    if (r.first + r.count <= base_) return true;
    if (r.first >= base_ && r.count > 4) {  // a whole operator: one counter
        const OpSpan* s = spanRing_[r.first & mask_];
        if (s->first == r.first && s->count == r.count) {
            if (s->left == 0) return true;
            w = Wait{Wait::Span, s->first + s->count, 0, s};
            return false;
        }
    }
    for (; offset < r.count; ++offset)
        if (!isDone(r.first + offset)) {
            w = Wait{Wait::Dep, r.first + offset, 0};
            return false;
        }
    return true;
}

bool Dispatcher::depsDone(Entry& e, Wait& w) {
    const auto& deps = e.cmd.deps;
    for (; e.depRange < deps.size(); ++e.depRange, e.depOffset = 0)
        if (!rangeDone(deps[e.depRange], e.depOffset, w)) return false;
    return true;
}

void Dispatcher::retire(uint64_t index, uint32_t unit) {
    if (index < base_ || index >= lowered()) throw std::logic_error("Dispatcher: retired a command outside the window");
    Entry& e = window_[index - base_];
    --outstanding_[unit];
    if (balanced_[unit]) work_[unit] -= work(unit, e.cmd);
    touch(unit);
    for (uint32_t s : feeds_[unit]) ++roomGen_[s];
    if (e.done) throw std::logic_error("Dispatcher: command retired twice");
    e.done = true;
    doneRing_[index & mask_] = 1;
    --outstandingTotal_;
    --spanRing_[index & mask_]->left;
    for (const DepRange& r : e.cmd.deps) {
        if (!r.frees) continue;
        for (uint64_t k = r.first; k < r.first + r.count; ++k) {
            Alloc* a = allocs_.find(k);
            if (!a) continue;
            if (--a->users == 0) {
                used_[size_t(a->buffer)] -= a->bytes;
                ++freed_[size_t(a->buffer)];
                allocs_.erase(a);
            }
        }
    }
}

void Dispatcher::dispatch(std::vector<Issue>& out) {
    fill();
    // Streams with undispatched commands, in index order (an empty stream has no head to look at).
    for (size_t word = 0; word < nonEmpty_.size(); ++word)
        for (uint64_t bits = nonEmpty_[word]; bits; bits &= bits - 1) {
            const uint32_t s = uint32_t(word * 64 + size_t(__builtin_ctzll(bits)));
            dispatchStream(s, out);
            if (heads_[s].empty()) nonEmpty_[word] &= ~(uint64_t(1) << (s % 64));
        }
    classify();
}

void Dispatcher::dispatchStream(uint32_t s, std::vector<Issue>& out) {
    auto& q = heads_[s];
    if (stillBlocked(s)) return;
    for (uint32_t u : m_.streams[s].units) touch(u);  // its head may change: so may its units' class
    headState_[s] = Head::None;
    wait_[s] = Wait{};
    while (!q.empty()) {
        Entry& e = window_[q.front() - base_];
        const Command& c = e.cmd;
        headPrecision_[s] = c.precision;
        headAcquire_[s] = c.acquire;
        if (!depsDone(e, wait_[s])) {
            headState_[s] = Head::Deps;
            break;
        }
        if (c.acquire != Buffer::None && used_[size_t(c.acquire)] + c.acquireBytes > m_.bufferBytes[size_t(c.acquire)]) {
            headState_[s] = Head::Buffer;
            wait_[s] = Wait{Wait::Buffer, size_t(c.acquire), freed_[size_t(c.acquire)]};
            break;
        }
        const int64_t pick = target(s, c);
        if (pick < 0) {
            headState_[s] = Head::Queue;
            wait_[s] = Wait{Wait::Queue, 0, roomGen_[s]};
            break;
        }
        if (c.acquire != Buffer::None) {
            if (c.users == 0) throw std::logic_error("Dispatcher: command acquires buffer bytes that nothing frees");
            used_[size_t(c.acquire)] += c.acquireBytes;
            allocs_.insert(q.front(), Alloc{c.acquire, c.acquireBytes, c.users});
        }
        ++outstanding_[size_t(pick)];
        if (balanced_[size_t(pick)]) work_[size_t(pick)] += work(uint32_t(pick), c);
        ++outstandingTotal_;
        out.push_back({q.front(), &c, uint32_t(pick)});
        q.pop_front();
    }
}

int64_t Dispatcher::target(uint32_t s, const Command& c) const {
    const auto& units = m_.streams[s].units;
    int64_t pick = -1;
    uint64_t best = 0;
    for (uint32_t u : units) {
        if (outstanding_[u] > m_.queueDepth || !eligible(u, c.precision)) continue;
        if (!m_.balanceWork || units.size() == 1) {
            if (pick < 0 || outstanding_[u] < outstanding_[size_t(pick)]) pick = u;
            continue;
        }
        const uint64_t finish = work_[u] + work(u, c);
        if (pick < 0 || finish < best || (finish == best && outstanding_[u] < outstanding_[size_t(pick)]))
            pick = u, best = finish;
    }
    return pick;
}

void Dispatcher::classify() {
    // Only units whose stream heads or outstanding commands were touched can change class.
    for (uint32_t u : touched_) {
        dirty_[u] = 0;
        if (outstanding_[u] > 0) {
            state_[u] = UnitClass::Busy;
            continue;
        }
        state_[u] = UnitClass::Idle;
        for (uint32_t s : feeds_[u]) {
            if (heads_[s].empty() || !eligible(u, headPrecision_[s])) continue;
            if (headState_[s] == Head::Deps) state_[u] = UnitClass::StallInput;
            else if (headState_[s] == Head::Buffer)
                state_[u] = headAcquire_[s] == Buffer::Output ? UnitClass::StallOutput : UnitClass::StallBuffer;
            break;
        }
    }
    classified_.swap(touched_);
    touched_.clear();
}

std::string Dispatcher::blockedReport() const {
    std::string r;
    for (uint32_t s = 0; s < heads_.size(); ++s) {
        if (heads_[s].empty()) continue;
        const Command& c = window_[heads_[s].front() - base_].cmd;
        const char* why = headState_[s] == Head::Buffer ? " for buffer space"
                          : headState_[s] == Head::Queue ? " for a unit that can run it"
                                                         : " for its inputs";
        r += (r.empty() ? "" : "; ") + m_.streams[s].name + " waits with " + toString(c.kind) + " of operator " +
             std::to_string(c.layer) + why;
        if (headState_[s] == Head::Buffer) r += std::string(" (") + toString(c.acquire) + ")";
    }
    return r;
}

}  // namespace vgm::program
