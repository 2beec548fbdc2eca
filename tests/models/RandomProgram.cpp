// Why the programs cannot deadlock: each buffer is acquired by one stream
// only, so its acquirers dispatch in program order. When command C is the
// oldest unretired one, every earlier command has retired, so the bytes still
// held in C's buffer belong to earlier acquirers with a freer at or after C in
// program order. The generator caps C's acquire at the capacity minus exactly
// those ("live") bytes, so C fits once units have room, and units always
// drain. Every acquirer gets all its freers before the program ends.
#include "models/RandomProgram.h"

#include <algorithm>
#include <string>

#include "common/SplitMix64.h"

namespace vgm::test {

using program::Buffer;
using program::CmdKind;
using program::Command;
using program::DepRange;

program::Machine standardMachine(const std::vector<uint32_t>& groupPrecisions) {
    program::Machine m;
    program::StreamDesc pool{"dsp", {}};
    for (uint32_t g = 0; g < groupPrecisions.size(); ++g) {
        m.units.push_back({"dspe" + std::to_string(g), program::UnitKind::DspGroup, g});
        m.groupUnitKind.push_back(0);
        m.groupPrecisions.push_back(groupPrecisions[g]);
        pool.units.push_back(g);
    }
    m.streams.push_back(pool);
    for (uint32_t g = 0; g < groupPrecisions.size(); ++g) m.streams.push_back({"dsp." + m.units[g].name, {g}});
    for (auto [name, kind] : {std::pair{"sfu", program::UnitKind::Sfu}, {"su", program::UnitKind::Su},
                              {"ru", program::UnitKind::Ru}, {"dma_weight", program::UnitKind::DmaWeight},
                              {"dma_activation", program::UnitKind::DmaActivation}}) {
        const uint32_t u = uint32_t(m.units.size());
        m.units.push_back({name, kind, 0});
        m.streams.push_back({name, {u}});
    }
    return m;
}

namespace {

bool acquires(const Command& c) { return c.acquire != Buffer::None && c.acquireBytes > 0; }

class Generator {
public:
    explicit Generator(uint64_t seed) : rng_(seed * 0x9e3779b97f4a7c15ULL + 1) {}

    program::Program make() {
        machine();
        const uint64_t n = between(5, 60);
        uint32_t op = 0;
        for (uint64_t i = 0; i < n; ++i) {
            if (i > 0 && chance(0.3)) op += chance(0.2) ? 2 : 1;
            add(command(pickStream(), op));
        }
        // Whatever is still held is freed by closing commands.
        while (!open_.empty()) {
            Command c = work(pickStream(), op);
            for (Open& o : open_) {
                c.deps.push_back({o.cmd, 1, true});
                --o.left;
            }
            add(std::move(c));
        }
        for (uint32_t k = 0; k <= op; ++k) p_.opLabels.push_back("op" + std::to_string(k));
        return std::move(p_);
    }

private:
    struct Open {
        uint64_t cmd;
        uint32_t left;  // freers still to generate
    };

    bool chance(double p) { return rng_.unit() < p; }
    uint64_t between(uint64_t lo, uint64_t hi) { return lo + rng_.below(hi - lo + 1); }

    void machine() {
        const uint32_t groups = uint32_t(between(1, 4));
        std::vector<uint32_t> masks;
        for (uint32_t g = 0; g < groups; ++g) masks.push_back(uint32_t(between(1, 15)));
        usedMask_ = uint32_t(between(1, 15));  // precisions of pool commands
        for (uint32_t bit = 1; bit < 16; bit <<= 1) {
            bool covered = false;
            for (uint32_t m : masks) covered |= (m & bit) != 0;
            if ((usedMask_ & bit) && !covered) masks[rng_.below(groups)] |= bit;
        }
        program::Machine& m = p_.machine = standardMachine(masks);
        for (auto& k : m.groupUnitKind) k = uint8_t(rng_.below(2));
        m.queueDepth = between(0, 4);
        m.lookaheadOps = between(1, 6);
        for (size_t b = 1; b < program::kBufferCount; ++b) m.bufferBytes[b] = between(200, 6000);
        for (auto& c : m.modeSwitchCycles) c = chance(0.3) ? 0 : between(1, 8);
        m.weightSwitchCycles = chance(0.5) ? 0 : between(1, 10);
        const StandardStreams s(groups);
        streams_ = s;
        const uint32_t streamCount = uint32_t(m.streams.size());
        acquirer_[size_t(Buffer::Weight)] = chance(0.7) ? s.dmaWeight() : uint32_t(rng_.below(streamCount));
        acquirer_[size_t(Buffer::Activation)] = chance(0.7) ? s.dmaActivation() : uint32_t(rng_.below(streamCount));
        acquirer_[size_t(Buffer::Output)] = chance(0.4) ? s.pool() : uint32_t(rng_.below(streamCount));
        for (size_t b = 1; b < program::kBufferCount; ++b)
            if (chance(0.15)) acquirer_[b] = UINT32_MAX;
    }

    uint32_t pickStream() {
        const uint64_t r = rng_.below(100);
        if (r < 25) return streams_.pool();
        if (r < 40) return streams_.group(uint32_t(rng_.below(streams_.groups)));
        if (r < 50) return streams_.sfu();
        if (r < 58) return streams_.su();
        if (r < 66) return streams_.ru();
        if (r < 83) return streams_.dmaWeight();
        return streams_.dmaActivation();
    }

    timing::Precision pickPrecision(uint32_t mask) {
        std::vector<timing::Precision> ps;
        for (timing::Precision p : timing::kAllPrecisions)
            if ((mask >> unsigned(p)) & 1u) ps.push_back(p);
        return ps[rng_.below(ps.size())];
    }

    // A command of the stream's kind with random work.
    Command work(uint32_t stream, uint32_t op) {
        const program::Machine& m = p_.machine;
        Command c;
        c.stream = stream;
        c.op = op;
        c.cycles = between(1, 50);
        if (stream <= streams_.groups) {
            c.kind = chance(0.85) ? CmdKind::Gemm : CmdKind::Replay;
            c.precision = pickPrecision(stream == 0 ? usedMask_ : m.groupPrecisions[stream - 1]);
            c.weightTag = rng_.below(3);
            if (chance(0.3)) {
                std::vector<uint64_t> v;
                for (uint32_t g = 0; g < streams_.groups; ++g) v.push_back(between(0, 50));
                c.groupCycles = program::GroupCycles(std::move(v));
            }
        } else if (stream == streams_.sfu()) {
            c.kind = CmdKind::Sfu;
        } else if (stream == streams_.su()) {
            c.kind = CmdKind::SuExamine;
        } else if (stream == streams_.ru()) {
            c.kind = CmdKind::RuCopy;
        } else {
            c.kind = stream == streams_.dmaWeight() ? CmdKind::LoadWeight
                                                    : (chance(0.5) ? CmdKind::LoadAct : CmdKind::StoreAct);
            c.bytes = between(1, 5000);
        }
        return c;
    }

    // Work, random dependencies on earlier commands, an acquire, some frees.
    Command command(uint32_t stream, uint32_t op) {
        const program::Machine& m = p_.machine;
        Command c = work(stream, op);
        const uint64_t i = p_.commands.size();
        for (uint64_t d = i ? rng_.below(4) : 0; d > 0; --d) {
            const uint64_t first = between(i > 20 ? i - 20 : 0, i - 1);
            c.deps.push_back({first, uint32_t(between(1, std::min<uint64_t>(4, i - first))), false});
        }
        for (size_t b = 1; b < program::kBufferCount; ++b) {
            const uint64_t room = m.bufferBytes[b] - live_[b];
            if (acquirer_[b] != stream || room == 0 || !chance(0.6)) continue;
            c.acquire = Buffer(b);
            c.acquireBytes = between(1, room);
            c.users = uint32_t(between(1, 3));
            break;
        }
        freeSome(c);
        return c;
    }

    // Frees some open acquirers, in ranges that may run over later commands
    // as long as every acquirer they name is open and not yet named here.
    void freeSome(Command& c) {
        const uint64_t i = p_.commands.size();
        std::vector<bool> named(open_.size(), false);
        auto openIndex = [&](uint64_t cmd) {
            for (size_t k = 0; k < open_.size(); ++k)
                if (open_[k].cmd == cmd) return k;
            return open_.size();
        };
        for (size_t k = 0; k < open_.size(); ++k) {
            if (named[k] || !chance(0.35)) continue;
            DepRange d{open_[k].cmd, 1, true};
            named[k] = true;
            --open_[k].left;
            for (uint64_t j = d.first + 1; j < i && chance(0.5); ++j, ++d.count) {
                if (!acquires(p_.commands[j])) continue;
                const size_t kk = openIndex(j);
                if (kk == open_.size() || named[kk]) break;
                named[kk] = true;
                --open_[kk].left;
            }
            c.deps.push_back(d);
        }
    }

    // Appends c; closes the acquirers whose last freer it is, opens its own.
    void add(Command c) {
        for (auto it = open_.begin(); it != open_.end();) {
            if (it->left > 0) {
                ++it;
                continue;
            }
            const Command& a = p_.commands[it->cmd];
            live_[size_t(a.acquire)] -= a.acquireBytes;
            it = open_.erase(it);
        }
        if (acquires(c)) {
            live_[size_t(c.acquire)] += c.acquireBytes;
            open_.push_back({p_.commands.size(), c.users});
        }
        p_.commands.push_back(std::move(c));
    }

    SplitMix64 rng_;
    program::Program p_;
    uint32_t usedMask_ = 1;
    StandardStreams streams_{1};
    uint32_t acquirer_[program::kBufferCount] = {UINT32_MAX, UINT32_MAX, UINT32_MAX, UINT32_MAX};
    uint64_t live_[program::kBufferCount] = {};  // bytes of open acquirers
    std::vector<Open> open_;  // acquirers with freers still to generate, in program order
};

}  // namespace

program::Program randomProgram(uint64_t seed) {
    program::Program p = Generator(seed).make();
    p.machine.balanceWork = seed % 2 == 1;  // both pool rules, without changing what the generator draws
    return p;
}

}  // namespace vgm::test
