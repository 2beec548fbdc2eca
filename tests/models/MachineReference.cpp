#include "models/MachineReference.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <stdexcept>
#include <string>

namespace vgm::test {

using program::Buffer;
using program::Command;
using program::UnitKind;

namespace {

constexpr uint64_t kNever = std::numeric_limits<uint64_t>::max();

bool acquires(const Command& c) { return c.acquire != Buffer::None && c.acquireBytes > 0; }

struct Unit {
    std::deque<uint64_t> queue;  // dispatched, not started
    uint64_t running = kNever, end = 0;
    uint64_t outstanding = 0;  // dispatched - retired
    uint64_t work = 0;         // balanceWork: nominal cycles of the outstanding commands
    program::UnitState state;
};

class Reference {
public:
    Reference(const program::Program& p, const std::function<uint64_t(const Command&)>& dma)
        : p_(p), m_(p.machine), dma_(dma), units_(m_.units.size()), next_(m_.streams.size()),
          byStream_(m_.streams.size()), feeds_(m_.units.size()), done_(p.commands.size(), kNever),
          usersLeft_(p.commands.size(), 0), cursor_(p.commands.size()) {
        for (size_t i = 0; i < p.commands.size(); ++i) {
            const Command& c = p.commands[i];
            if (c.stream >= m_.streams.size()) fail("command " + std::to_string(i) + " names no stream");
            if (acquires(c) && c.users == 0) fail("command " + std::to_string(i) + " acquires bytes but has no users");
            if (acquires(c) && c.acquireBytes > m_.bufferBytes[size_t(c.acquire)])
                fail("command " + std::to_string(i) + " acquires more than its buffer holds");
            for (const program::DepRange& d : c.deps)
                if (d.first + d.count > p.commands.size())
                    fail("command " + std::to_string(i) + " depends on no command");
            byStream_[c.stream].push_back(i);
        }
        for (uint32_t s = 0; s < m_.streams.size(); ++s)
            for (uint32_t u : m_.streams[s].units) feeds_[u].push_back(s);
        r_.commands.resize(p.commands.size());
        r_.units.resize(m_.units.size());
    }

    models::ProgramRunResult run() {
        const size_t n = p_.commands.size();
        for (uint64_t t = 0;; ++t) {
            complete(t);
            if (oldest_ == n) {
                r_.totalCycles = t;
                return r_;
            }
            dispatch();
            start(t);
            bool running = false;
            for (size_t u = 0; u < units_.size(); ++u) {
                running |= units_[u].running != kNever;
                classify(uint32_t(u));
            }
            if (!running) fail("deadlock at cycle " + std::to_string(t) + ":" + blocked());
        }
    }

private:
    [[noreturn]] static void fail(const std::string& what) { throw std::runtime_error("reference: " + what); }

    // Step 1: retire what ends at t, return freed bytes, move the window.
    void complete(uint64_t t) {
        for (uint32_t i = 0; i < units_.size(); ++i) {
            Unit& u = units_[i];
            if (u.running == kNever || u.end != t) continue;
            const uint64_t c = u.running;
            u.running = kNever;
            --u.outstanding;
            if (m_.balanceWork && m_.units[i].kind == UnitKind::DspGroup)
                u.work -= program::nominalCycles(m_, i, p_.commands[c]);
            done_[c] = t;
            for (const program::DepRange& d : p_.commands[c].deps) {
                if (!d.frees) continue;
                for (uint64_t a = d.first; a < d.first + d.count; ++a) {
                    const Command& acq = p_.commands[a];
                    if (!acquires(acq)) continue;
                    if (usersLeft_[a] == 0) fail("command " + std::to_string(c) + " frees " + std::to_string(a) +
                                                 " more often than its users");
                    if (--usersLeft_[a] == 0) used_[size_t(acq.acquire)] -= acq.acquireBytes;
                }
            }
        }
        while (oldest_ < done_.size() && done_[oldest_] != kNever) ++oldest_;
    }

    // The stream heads and what holds each back.
    std::string blocked() {
        std::string r;
        for (uint32_t s = 0; s < m_.streams.size(); ++s) {
            if (next_[s] == byStream_[s].size()) continue;
            const uint64_t c = byStream_[s][next_[s]];
            const Command& cmd = p_.commands[c];
            r += " " + m_.streams[s].name + " head " + std::to_string(c);
            if (!visible(c))
                r += " (outside the window)";
            else if (!depsDone(c))
                r += " (waits on " + std::to_string(cmd.deps[cursor_[c].first].first + cursor_[c].second) + ")";
            else
                r += " (needs " + std::to_string(cmd.acquireBytes) + " B of " + program::toString(cmd.acquire) +
                     ", " + std::to_string(m_.bufferBytes[size_t(cmd.acquire)] - used_[size_t(cmd.acquire)]) +
                     " free)";
            r += ";";
        }
        return r;
    }

    bool visible(uint64_t c) const {
        return p_.commands[c].op <= uint64_t(p_.commands[oldest_].op) + m_.lookaheadOps;
    }

    // Every dependency retired; the cursor only moves forward since retirement is final.
    bool depsDone(uint64_t c) {
        const auto& deps = p_.commands[c].deps;
        auto& [range, offset] = cursor_[c];
        for (; range < deps.size(); ++range, offset = 0)
            for (; offset < deps[range].count; ++offset)
                if (done_[deps[range].first + offset] == kNever) return false;
        return true;
    }

    bool fits(const Command& c) const {
        if (c.acquire == Buffer::None) return true;
        const size_t b = size_t(c.acquire);
        return m_.bufferBytes[b] - used_[b] >= c.acquireBytes;
    }

    // The stream's undispatched head if the window shows it, else kNever.
    uint64_t head(uint32_t s) const {
        if (next_[s] == byStream_[s].size()) return kNever;
        const uint64_t c = byStream_[s][next_[s]];
        return visible(c) ? c : kNever;
    }

    // Step 2: the ZSS, streams in index order, each as far as it goes.
    void dispatch() {
        for (uint32_t s = 0; s < m_.streams.size(); ++s) {
            for (uint64_t c = head(s); c != kNever; c = head(s)) {
                const Command& cmd = p_.commands[c];
                if (!depsDone(c) || !fits(cmd)) break;
                const uint32_t u = target(m_.streams[s], cmd);
                if (u == UINT32_MAX) break;
                if (cmd.acquire != Buffer::None) used_[size_t(cmd.acquire)] += cmd.acquireBytes;
                usersLeft_[c] = acquires(cmd) ? cmd.users : 0;
                units_[u].queue.push_back(c);
                ++units_[u].outstanding;
                if (m_.balanceWork && m_.units[u].kind == UnitKind::DspGroup)
                    units_[u].work += program::nominalCycles(m_, u, cmd);
                r_.commands[c].unit = u;
                ++next_[s];
            }
        }
    }

    // A unit with room: the fixed one, or the pool's least loaded eligible group (balanceWork:
    // least queued work plus the command's own, then fewest outstanding, then lowest index).
    uint32_t target(const program::StreamDesc& s, const Command& c) const {
        const uint64_t room = m_.queueDepth + 1;
        if (s.units.size() == 1) return units_[s.units[0]].outstanding < room ? s.units[0] : UINT32_MAX;
        uint32_t best = UINT32_MAX;
        for (uint32_t u : s.units) {
            if (!m_.eligible(u, c) || units_[u].outstanding >= room) continue;
            if (best == UINT32_MAX) {
                best = u;
                continue;
            }
            const Unit &a = units_[u], &b = units_[best];
            if (m_.balanceWork) {
                const uint64_t fa = a.work + program::nominalCycles(m_, u, c);
                const uint64_t fb = b.work + program::nominalCycles(m_, best, c);
                if (fa != fb) {
                    if (fa < fb) best = u;
                    continue;
                }
            }
            if (a.outstanding < b.outstanding || (a.outstanding == b.outstanding && u < best)) best = u;
        }
        return best;
    }

    // Step 3: free units start their queue's head.
    void start(uint64_t t) {
        for (uint32_t u = 0; u < units_.size(); ++u) {
            Unit& unit = units_[u];
            if (unit.running != kNever || unit.queue.empty()) continue;
            const uint64_t c = unit.queue.front();
            unit.queue.pop_front();
            const Command& cmd = p_.commands[c];
            const UnitKind k = m_.units[u].kind;
            const bool dma = k == UnitKind::DmaWeight || k == UnitKind::DmaActivation;
            const program::UnitCost cost = program::unitCycles(m_, u, unit.state, cmd, dma ? dma_(cmd) : 0);
            unit.running = c;
            unit.end = t + std::max<uint64_t>(1, cost.cycles);
            r_.commands[c].start = t;
            r_.commands[c].end = unit.end;
            ++r_.units[u].commands;
            r_.units[u].modeSwitches += cost.modeSwitch ? 1 : 0;
        }
    }

    // Cycle t of unit u: busy, or why its next command is not there.
    void classify(uint32_t u) {
        models::UnitCycles& cy = r_.units[u];
        if (units_[u].running != kNever) {
            ++cy.busy;
            return;
        }
        for (uint32_t s : feeds_[u]) {
            const uint64_t c = head(s);
            if (c == kNever || !m_.eligible(u, p_.commands[c])) continue;
            const Command& cmd = p_.commands[c];
            if (!depsDone(c))
                ++cy.stallInput;
            else if (!fits(cmd))
                ++(cmd.acquire == Buffer::Output ? cy.stallOutput : cy.stallBuffer);
            else
                fail("unit " + std::to_string(u) + " free beside dispatchable command " + std::to_string(c));
            return;
        }
        ++cy.idle;
    }

    const program::Program& p_;
    const program::Machine& m_;
    const std::function<uint64_t(const Command&)>& dma_;
    std::vector<Unit> units_;
    std::vector<size_t> next_;                   // per stream: position of its head in byStream_
    std::vector<std::vector<uint64_t>> byStream_;  // per stream: its commands in program order
    std::vector<std::vector<uint32_t>> feeds_;     // per unit: streams that can feed it, in index order
    std::vector<uint64_t> done_;                 // retirement cycle
    std::vector<uint32_t> usersLeft_;
    std::vector<std::pair<size_t, uint32_t>> cursor_;  // per command: first dependency not seen retired
    uint64_t used_[program::kBufferCount] = {};
    uint64_t oldest_ = 0;  // lowest unretired command
    models::ProgramRunResult r_;
};

}  // namespace

models::ProgramRunResult runReference(const program::Program& program,
                                      const std::function<uint64_t(const Command&)>& dmaCycles) {
    return Reference(program, dmaCycles).run();
}

}  // namespace vgm::test
