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

    static constexpr Cycle kLongAgo = -(Cycle(1) << 40);

private:
    enum Scope : uint8_t { Bank, Group, Pc };
    struct Rule {
        Command prev;
        Scope scope;
        Cycle delay;
    };
    void add(Command next, Command prev, Scope scope, Cycle delay);
    Cycle& last(Command c, Scope s, uint32_t bank);
    Cycle lastOf(Command c, Scope s, uint32_t bank) const;
    void stamp(Command c, uint32_t bank, Cycle at);

    const MemSpec& spec_;
    std::array<std::vector<Rule>, kCommands> rules_;
    std::vector<Cycle> lastBank_;   // [cmd * banks + bank]
    std::vector<Cycle> lastGroup_;  // [cmd * groups + group]
    std::array<Cycle, kCommands> lastPc_;
    std::array<Cycle, 4> faw_;  // last four ACT/REFpb, oldest at fawHead_
    uint32_t fawHead_ = 0;
    Cycle lastRowBus_ = kLongAgo, lastColBus_ = kLongAgo;
};

}  // namespace vgm::memory
