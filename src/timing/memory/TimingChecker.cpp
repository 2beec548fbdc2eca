#include "timing/memory/TimingChecker.h"

#include <algorithm>

namespace vgm::memory {

using C = Command;

TimingChecker::TimingChecker(const MemSpec& s)
    : spec_(s), stride_(s.banks + s.bankGroups + 1), last_(size_t(kCommands) * stride_, kLongAgo) {
    faw_.fill(kLongAgo);
    const Cycle wrData = s.WL + s.burstCycles();  // WR to end of write data
    // ACT: bank cycle, activate spacing, after precharge and refresh.
    add(C::ACT, C::ACT, Bank, s.tRC);
    add(C::ACT, C::ACT, Group, s.tRRDL);
    add(C::ACT, C::ACT, Pc, s.tRRDS);
    add(C::ACT, C::REFpb, Group, s.tRRDL);
    add(C::ACT, C::PRE, Bank, s.tRP);
    add(C::ACT, C::PREA, Pc, s.tRP);
    add(C::ACT, C::REFab, Pc, s.tRFC);
    add(C::ACT, C::REFpb, Bank, s.tRFCSB);
    add(C::ACT, C::REFpb, Pc, s.tRREFD);
    // Column commands: row to column delay, column spacing, bus turnaround.
    add(C::RD, C::ACT, Bank, s.tRCDRD);
    add(C::RD, C::RD, Group, s.tCCDL);
    add(C::RD, C::RD, Pc, s.tCCDS);
    add(C::RD, C::WR, Group, wrData + s.tWTRL);
    add(C::RD, C::WR, Pc, wrData + s.tWTRS);
    add(C::WR, C::ACT, Bank, s.tRCDWR);
    add(C::WR, C::WR, Group, s.tCCDL);
    add(C::WR, C::WR, Pc, s.tCCDS);
    add(C::WR, C::RD, Pc, s.tRTW);
    // Precharge: row must have been open tRAS, reads and write recovery done.
    add(C::PRE, C::ACT, Bank, s.tRAS);
    add(C::PRE, C::RD, Bank, s.tRTP);
    add(C::PRE, C::WR, Bank, wrData + s.tWR);
    add(C::PREA, C::ACT, Pc, s.tRAS);
    add(C::PREA, C::RD, Pc, s.tRTP);
    add(C::PREA, C::WR, Pc, wrData + s.tWR);
    add(C::PREA, C::REFpb, Pc, s.tRFCSB);
    // Refresh.
    add(C::REFab, C::ACT, Pc, s.tRC);
    add(C::REFab, C::PRE, Pc, s.tRP);
    add(C::REFab, C::PREA, Pc, s.tRP);
    add(C::REFab, C::REFab, Pc, s.tRFC);
    add(C::REFab, C::REFpb, Pc, s.tRFCSB);
    add(C::REFpb, C::ACT, Bank, s.tRC);
    add(C::REFpb, C::ACT, Group, s.tRRDL);
    add(C::REFpb, C::ACT, Pc, s.tRRDS);
    add(C::REFpb, C::PRE, Bank, s.tRP);
    add(C::REFpb, C::PREA, Pc, s.tRP);
    add(C::REFpb, C::REFab, Pc, s.tRFC);
    add(C::REFpb, C::REFpb, Bank, s.tRFCSB);
    add(C::REFpb, C::REFpb, Pc, s.tRREFD);
    for (int p = 0; p < kCommands; ++p)
        for (int n = 0; n < kCommands; ++n) {
            bool actLike = (p == int(C::ACT) || p == int(C::REFpb)) && (n == int(C::ACT) || n == int(C::REFpb));
            affects_[p][n] = actLike || isColumn(C(p)) == isColumn(C(n));  // tFAW, shared bus
            for (const Rule& r : rules_[n])
                if (int(r.prev) == p && r.scope != Bank) affects_[p][n] = true;
        }
}

void TimingChecker::add(Command next, Command prev, Scope scope, Cycle delay) {
    rules_[int(next)].push_back(Rule{prev, scope, delay, slot(prev, scope)});
}

Cycle TimingChecker::earliest(Command cmd, uint32_t bank) const {
    Cycle t = (isColumn(cmd) ? lastColBus_ : lastRowBus_) + 1;
    const uint32_t offset[3] = {bank, spec_.bankGroupOf(bank), 0};
    for (const Rule& r : rules_[int(cmd)]) t = std::max(t, last_[r.base + offset[r.scope]] + r.delay);
    if (cmd == C::ACT || cmd == C::REFpb) t = std::max(t, faw_[fawHead_] + spec_.tFAW);
    return t;
}

void TimingChecker::stamp(Command c, uint32_t bank, Cycle at) {
    const uint32_t offset[3] = {bank, spec_.bankGroupOf(bank), 0};
    for (Scope s : {Bank, Group, Pc}) {
        Cycle& l = last_[slot(c, s) + offset[s]];
        l = std::max(l, at);
    }
}

void TimingChecker::record(Command cmd, uint32_t bank, Cycle at) {
    if (cmd == C::PREA || cmd == C::REFab) {
        last_[slot(cmd, Pc)] = at;  // pseudo-channel wide: only Pc-scope rules read these
    } else {
        stamp(cmd, bank, at);
    }
    (isColumn(cmd) ? lastColBus_ : lastRowBus_) = at;
    if (cmd == C::ACT || cmd == C::REFpb) {
        faw_[fawHead_] = at;
        fawHead_ = (fawHead_ + 1) % 4;
    }
}

void TimingChecker::recordImplicitPrecharge(uint32_t bank, Cycle at) { stamp(C::PRE, bank, at); }

}  // namespace vgm::memory
