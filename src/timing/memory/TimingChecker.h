#pragma once
// Earliest legal cycle of each command in one HBM channel of `ranks`
// pseudo-channels, from the memspec constraints (a rule table: next command,
// previous command, scope, delay). Recording a command pushes its rules
// forward into per-bank, per-group and per-pseudo-channel bounds, so a query
// is a max of three values and the controller can jump straight to the next
// legal cycle. The pseudo-channels of a channel share the row and column
// command buses (JEDEC HBM2 pseudo-channel mode): one command per bus and
// tCK. An ACT occupies the row bus for actCycles; every constraint that
// involves an ACT is measured at its last cycle. Banks are numbered
// rank x banks + bank.
#include <array>
#include <vector>

#include "timing/memory/Command.h"

namespace vgm::memory {

class TimingChecker {
public:
    explicit TimingChecker(const MemSpec& spec, uint32_t ranks = 1);

    // Earliest cycle at which `cmd` to `bank` meets every timing constraint
    // (not bank state: the controller checks open rows itself).
    Cycle earliest(Command cmd, uint32_t bank) const;
    void record(Command cmd, uint32_t bank, Cycle at);
    // An auto-precharge after RD/WR: the bank closes at `at` without a command.
    void recordImplicitPrecharge(uint32_t bank, Cycle at);

    // Can issuing `prev` on one bank move the earliest cycle of `next` on another bank?
    bool affectsOthers(Command prev, Command next) const { return affects_[int(prev)][int(next)]; }

    // Idle fast-forward (PcController): the state relative to `now`, every
    // time that can no longer bind a command at or after `now` clamped (so two
    // states that behave the same compare equal), and the same clamped state
    // moved `by` cycles later.
    void relativeState(Cycle now, std::vector<Cycle>& out) const;
    void shift(Cycle now, Cycle by);

    static constexpr Cycle kLongAgo = -(Cycle(1) << 40);

private:
    enum Scope : uint8_t { Bank, Group, Pc };  // Pc: the pseudo-channel (rank) of the bank
    struct Rule {  // `next` may not issue before `prev` + delay (in scope)
        Command next;
        Scope scope;
        Cycle delay;
    };
    void add(Command next, Command prev, Scope scope, Cycle delay);
    void stamp(Command c, uint32_t bank, Cycle at);

    Cycle lastCycle(Command c, Cycle start) const { return c == Command::ACT ? start + actExtra_ : start; }

    const MemSpec& spec_;
    uint32_t ranks_, banks_, groups_;  // banks_ and groups_ over all ranks
    Cycle actExtra_;                   // actCycles - 1
    std::array<std::vector<Rule>, kCommands> after_;  // rules by previous command
    // Earliest cycle allowed so far for each next command (measured at its
    // last cycle), per bank / group / pseudo-channel.
    std::vector<Cycle> bankBound_, groupBound_, pcBound_;  // [cmd * banks_ + bank], [cmd * groups_ + g], [cmd * ranks + r]
    bool affects_[kCommands][kCommands] = {};
    std::vector<std::array<Cycle, 4>> faw_;  // per rank: last four ACT/REFpb (last cycles), oldest at fawHead_
    std::vector<uint32_t> fawHead_;
    Cycle lastRowBus_ = kLongAgo, lastColBus_ = kLongAgo;
};

}  // namespace vgm::memory
