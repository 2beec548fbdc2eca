#include "timing/memory/TimingChecker.h"

#include <algorithm>

namespace vgm::memory {

using C = Command;

TimingChecker::TimingChecker(const MemSpec& s, uint32_t ranks)
    : spec_(s),
      ranks_(ranks),
      banks_(s.banks * ranks),
      groups_(s.bankGroups * ranks),
      actExtra_(s.actCycles - 1),
      bankBound_(size_t(kCommands) * banks_, kLongAgo),
      groupBound_(size_t(kCommands) * groups_, kLongAgo),
      pcBound_(size_t(kCommands) * ranks, kLongAgo),
      faw_(ranks),
      fawHead_(ranks, 0) {
    for (auto& f : faw_) f.fill(kLongAgo);
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
            for (const Rule& r : after_[p])
                if (int(r.next) == n && r.scope != Bank) affects_[p][n] = true;
        }
}

void TimingChecker::add(Command next, Command prev, Scope scope, Cycle delay) {
    after_[int(prev)].push_back(Rule{next, scope, delay});
}

Cycle TimingChecker::earliest(Command cmd, uint32_t bank) const {
    const uint32_t rank = bank / spec_.banks, group = rank * spec_.bankGroups + spec_.bankGroupOf(bank % spec_.banks);
    Cycle t = pcBound_[size_t(cmd) * ranks_ + rank];
    t = std::max(t, groupBound_[size_t(cmd) * groups_ + group]);
    t = std::max(t, bankBound_[size_t(cmd) * banks_ + bank]);
    if (cmd == C::ACT || cmd == C::REFpb) t = std::max(t, faw_[rank][fawHead_[rank]] + spec_.tFAW);
    t -= lastCycle(cmd, 0);  // bounds hold for the last cycle of the command
    return std::max(t, (isColumn(cmd) ? lastColBus_ : lastRowBus_) + 1);
}

void TimingChecker::stamp(Command c, uint32_t bank, Cycle at) {
    const uint32_t rank = bank / spec_.banks, group = rank * spec_.bankGroups + spec_.bankGroupOf(bank % spec_.banks);
    for (const Rule& r : after_[int(c)]) {
        Cycle& b = r.scope == Bank    ? bankBound_[size_t(r.next) * banks_ + bank]
                   : r.scope == Group ? groupBound_[size_t(r.next) * groups_ + group]
                                      : pcBound_[size_t(r.next) * ranks_ + rank];
        b = std::max(b, at + r.delay);
    }
}

void TimingChecker::record(Command cmd, uint32_t bank, Cycle at) {
    const Cycle last = lastCycle(cmd, at);
    stamp(cmd, bank, last);  // PREA and REFab only have rank-wide rules: any bank of the rank will do
    (isColumn(cmd) ? lastColBus_ : lastRowBus_) = last;
    if (cmd == C::ACT || cmd == C::REFpb) {
        const uint32_t rank = bank / spec_.banks;
        faw_[rank][fawHead_[rank]] = last;
        fawHead_[rank] = (fawHead_[rank] + 1) % 4;
    }
}

// A bound at or before `now` cannot hold back a command issued at or after
// `now` (every rule delay is >= 0), nor can a tFAW entry older than now -
// tFAW or a bus use before now - 1: clamping them changes no decision.
void TimingChecker::relativeState(Cycle now, std::vector<Cycle>& out) const {
    out.clear();
    for (const std::vector<Cycle>* v : {&bankBound_, &groupBound_, &pcBound_})
        for (Cycle b : *v) out.push_back(std::max(b, now) - now);
    for (uint32_t r = 0; r < ranks_; ++r)
        for (uint32_t i = 0; i < 4; ++i) out.push_back(std::max(faw_[r][(fawHead_[r] + i) % 4], now - spec_.tFAW) - now);
    out.push_back(std::max(lastRowBus_, now - 1) - now);
    out.push_back(std::max(lastColBus_, now - 1) - now);
}

void TimingChecker::shift(Cycle now, Cycle by) {
    for (std::vector<Cycle>* v : {&bankBound_, &groupBound_, &pcBound_})
        for (Cycle& b : *v) b = std::max(b, now) + by;
    for (auto& f : faw_)
        for (Cycle& x : f) x = std::max(x, now - spec_.tFAW) + by;
    lastRowBus_ = std::max(lastRowBus_, now - 1) + by;
    lastColBus_ = std::max(lastColBus_, now - 1) + by;
}

void TimingChecker::recordImplicitPrecharge(uint32_t bank, Cycle at) {
    stamp(C::PRE, bank, at);
}

}  // namespace vgm::memory
