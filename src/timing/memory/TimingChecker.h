#pragma once
// Earliest legal cycle of each command in one pseudo-channel, from the
// memspec constraints. Keeps, per command, the last issue cycle per bank,
// bank group and pseudo-channel; a query is a max over a small rule table,
// so the controller can jump straight to the next legal cycle.
#include <array>
#include <vector>

#include "timing/memory/Command.h"

namespace vgm::memory {

class TimingChecker {
public:
    explicit TimingChecker(const MemSpec& spec);

    // Earliest cycle at which `cmd` to `bank` meets every timing constraint
    // (not bank state: the controller checks open rows itself).
    Cycle earliest(Command cmd, uint32_t bank) const;
    void record(Command cmd, uint32_t bank, Cycle at);
    // An auto-precharge after RD/WR: the bank closes at `at` without a command.
    void recordImplicitPrecharge(uint32_t bank, Cycle at);

    // Can issuing `prev` on one bank move the earliest cycle of `next` on another bank?
    bool affectsOthers(Command prev, Command next) const { return affects_[int(prev)][int(next)]; }

    static constexpr Cycle kLongAgo = -(Cycle(1) << 40);

private:
    enum Scope : uint8_t { Bank, Group, Pc };
    struct Rule {
        Command prev;
        Scope scope;
        Cycle delay;
        uint32_t base;  // index of (prev, scope, 0) in last_
    };
    void add(Command next, Command prev, Scope scope, Cycle delay);
    uint32_t slot(Command c, Scope s) const { return uint32_t(c) * stride_ + (s == Bank ? 0 : s == Group ? spec_.banks : spec_.banks + spec_.bankGroups); }
    void stamp(Command c, uint32_t bank, Cycle at);

    const MemSpec& spec_;
    uint32_t stride_;  // banks + groups + 1 entries per command
    std::array<std::vector<Rule>, kCommands> rules_;
    std::vector<Cycle> last_;  // per command: [bank...][group...][pseudo-channel]
    bool affects_[kCommands][kCommands] = {};
    std::array<Cycle, 4> faw_;  // last four ACT/REFpb, oldest at fawHead_
    uint32_t fawHead_ = 0;
    Cycle lastRowBus_ = kLongAgo, lastColBus_ = kLongAgo;
};

}  // namespace vgm::memory
