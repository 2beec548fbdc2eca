// Timing gates: after one command, the next is blocked at N-1 and allowed
// at N cycles, for every constraint of the checker.
#include <catch2/catch.hpp>

#include "timing/memory/TimingChecker.h"

using namespace vgm::memory;
using C = Command;

namespace {

struct Gate {
    const char* name;
    C prev;
    uint32_t prevBank;
    C next;
    uint32_t nextBank;
    Cycle MemSpec::*delay;
    Cycle extra;  // added to the memspec value (write data end)
};

}  // namespace

TEST_CASE("memory: each timing constraint gates at exactly N cycles", "[memory][gates]") {
    MemSpec s;                               // banks 0-3 are group 0, 4-7 group 1
    s.tRRDL = 7, s.tCCDL = 5, s.tWTRL = 11;  // make every value distinct enough to catch mix-ups
    const Cycle wr = s.WL + s.burstCycles();
    const Gate gates[] = {
        {"tRC", C::ACT, 0, C::ACT, 0, &MemSpec::tRC, 0},
        {"tRRDL", C::ACT, 0, C::ACT, 1, &MemSpec::tRRDL, 0},
        {"tRRDS", C::ACT, 0, C::ACT, 4, &MemSpec::tRRDS, 0},
        {"tRCDRD", C::ACT, 2, C::RD, 2, &MemSpec::tRCDRD, 0},
        {"tRCDWR", C::ACT, 2, C::WR, 2, &MemSpec::tRCDWR, 0},
        {"tRAS", C::ACT, 3, C::PRE, 3, &MemSpec::tRAS, 0},
        {"tRAS (PREA)", C::ACT, 3, C::PREA, 0, &MemSpec::tRAS, 0},
        {"tRP", C::PRE, 1, C::ACT, 1, &MemSpec::tRP, 0},
        {"tRP (PREA)", C::PREA, 0, C::ACT, 9, &MemSpec::tRP, 0},
        {"tRP (REFab)", C::PRE, 1, C::REFab, 0, &MemSpec::tRP, 0},
        {"tCCDL rd", C::RD, 0, C::RD, 1, &MemSpec::tCCDL, 0},
        {"tCCDS rd", C::RD, 0, C::RD, 4, &MemSpec::tCCDS, 0},
        {"tCCDL wr", C::WR, 0, C::WR, 1, &MemSpec::tCCDL, 0},
        {"tCCDS wr", C::WR, 0, C::WR, 4, &MemSpec::tCCDS, 0},
        {"tWTRL", C::WR, 0, C::RD, 1, &MemSpec::tWTRL, wr},
        {"tWTRS", C::WR, 0, C::RD, 4, &MemSpec::tWTRS, wr},
        {"tRTW", C::RD, 0, C::WR, 8, &MemSpec::tRTW, 0},
        {"tRTP", C::RD, 5, C::PRE, 5, &MemSpec::tRTP, 0},
        {"tWR", C::WR, 5, C::PRE, 5, &MemSpec::tWR, wr},
        {"tWR (PREA)", C::WR, 5, C::PREA, 0, &MemSpec::tWR, wr},
        {"tRFC", C::REFab, 0, C::ACT, 3, &MemSpec::tRFC, 0},
        {"tRFC (REFab)", C::REFab, 0, C::REFab, 0, &MemSpec::tRFC, 0},
        {"tRC (REFab)", C::ACT, 3, C::REFab, 0, &MemSpec::tRC, 0},
        {"tRFCSB", C::REFpb, 6, C::ACT, 6, &MemSpec::tRFCSB, 0},
        {"tRREFD", C::REFpb, 6, C::ACT, 12, &MemSpec::tRREFD, 0},
        {"tRREFD (REFpb)", C::REFpb, 6, C::REFpb, 12, &MemSpec::tRREFD, 0},
        {"tRC (REFpb)", C::ACT, 6, C::REFpb, 6, &MemSpec::tRC, 0},
    };
    for (const Gate& g : gates) {
        INFO(g.name);
        TimingChecker ck(s);
        const Cycle t0 = 1000;
        ck.record(g.prev, g.prevBank, t0);
        // An ACT's constraints count from its last cycle (actCycles = 2 here, as in HBM2).
        const Cycle a = s.actCycles - 1;
        Cycle n = s.*g.delay + g.extra + (g.prev == C::ACT ? a : 0) - (g.next == C::ACT ? a : 0);
        REQUIRE(ck.earliest(g.next, g.nextBank) == t0 + n);  // blocked at N-1, allowed at N
    }
}

TEST_CASE("memory: tFAW lets four activates through and gates the fifth", "[memory][gates]") {
    MemSpec s;
    s.actCycles = 1;  // one-cycle ACT: the rule alone
    s.tFAW = 40;
    TimingChecker ck(s);
    Cycle t = 0;
    for (uint32_t b = 0; b < 4; ++b) {
        t = std::max<Cycle>(0, ck.earliest(C::ACT, b * 4));  // different groups: tRRDS apart
        ck.record(C::ACT, b * 4, t);
    }
    REQUIRE(t == 3 * s.tRRDS);
    REQUIRE(ck.earliest(C::ACT, 1) == s.tFAW);  // first ACT at 0 + tFAW
    REQUIRE(ck.earliest(C::REFpb, 2) == s.tFAW);
}

TEST_CASE("memory: one command per bus per cycle, row and column buses separate", "[memory][gates]") {
    MemSpec s;
    s.actCycles = 1;  // one-cycle ACT: the rules alone
    TimingChecker ck(s);
    ck.record(C::ACT, 0, 500);
    REQUIRE(ck.earliest(C::PRE, 7) == 501);  // row bus busy at 500
    ck.record(C::RD, 9, 501);
    REQUIRE(ck.earliest(C::ACT, 7) == 500 + s.tRRDS);
    REQUIRE(ck.earliest(C::WR, 12) == 501 + s.tRTW);
}

TEST_CASE("memory: auto-precharge closes the bank after tRTP or write recovery, not before tRAS", "[memory][gates]") {
    MemSpec s;
    s.actCycles = 1;  // one-cycle ACT: the rules alone
    TimingChecker ck(s);
    ck.recordImplicitPrecharge(3, 200);
    REQUIRE(ck.earliest(C::ACT, 3) == 200 + s.tRP);
    REQUIRE(ck.earliest(C::REFab, 0) == 200 + s.tRP);
}
