#pragma once
// Earliest legal cycle of each command in one pseudo-channel, from the
// memspec constraints (a rule table: next command, previous command, scope,
// delay). Recording a command pushes its rules forward into per-bank,
// per-group and per-channel bounds, so a query is a max of three values and
// the controller can jump straight to the next legal cycle.
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
    struct Rule {  // `next` may not issue before `prev` + delay (in scope)
        Command next;
        Scope scope;
        Cycle delay;
    };
    void add(Command next, Command prev, Scope scope, Cycle delay);
    void stamp(Command c, uint32_t bank, Cycle at);

    const MemSpec& spec_;
    std::array<std::vector<Rule>, kCommands> after_;  // rules by previous command
    // Earliest cycle allowed so far for each next command, per bank / group / channel.
    std::vector<Cycle> bankBound_, groupBound_;  // [cmd * banks + bank], [cmd * groups + group]
    std::array<Cycle, kCommands> pcBound_;
    bool affects_[kCommands][kCommands] = {};
    std::array<Cycle, 4> faw_;  // last four ACT/REFpb, oldest at fawHead_
    uint32_t fawHead_ = 0;
    Cycle lastRowBus_ = kLongAgo, lastColBus_ = kLongAgo;
};

}  // namespace vgm::memory
