// The event-driven PcController against the clock-stepped reference: both
// must issue the same commands at the same cycles, and complete the same
// requests at the same cycles, on random and adversarial request streams.
#include <catch2/catch.hpp>
#include <random>

#include "reference/memory_ReferenceController.h"
#include "timing/memory/PcController.h"

using namespace vgm::memory;
using vgm::test::RefDone;
using vgm::test::RefRequest;

namespace {

MemSpec testSpec() {
    return MemSpec{};
}  // the DRAMSys HBM2 defaults

// Offers the stream with head-of-line blocking, like the reference.
struct FastRun {
    uint64_t skipped = 0;           // idle tCK the fast-forward jumped
    uint64_t refreshes[2] = {};     // REFab + REFpb per rank, from the counters
};

std::vector<IssuedCommand> runFast(const MemSpec& s, const ControllerPolicy& p, const std::vector<RefRequest>& reqs,
                                   Cycle end, std::vector<RefDone>& done, uint32_t ranks, FastRun* info = nullptr) {
    PcController c(s, p, ranks);
    std::vector<IssuedCommand> log;
    c.setCommandLog(&log);
    std::vector<Completion> out;
    Cycle t = -1;
    for (size_t i = 0; i < reqs.size(); ++i) {
        t = std::max(t + 1, reqs[i].cycle);  // one request per tCK
        while (true) {
            c.runUntil(t, out);
            if (c.canAccept(reqs[i].bank, t)) break;
            t = c.nextEvent() + 1;  // a slot can only free when a command issues
        }
        MemRequest r;
        r.tag = i;
        r.write = reqs[i].write;
        r.bank = reqs[i].bank;
        r.row = reqs[i].row;
        c.accept(r, t);
    }
    c.runUntil(end, out);
    for (const auto& x : out) done.push_back(RefDone{x.tag, x.issued, x.done});
    if (info) {
        info->skipped = c.skippedCycles();
        for (uint32_t k = 0; k < ranks; ++k)
            info->refreshes[k] = c.counters(k).commands[int(Command::REFab)] + c.counters(k).commands[int(Command::REFpb)];
    }
    return log;
}

FastRun compare(const MemSpec& s, const ControllerPolicy& p, const std::vector<RefRequest>& reqs, uint32_t ranks = 1,
                Cycle tail = 0) {
    Cycle end = (reqs.empty() ? 0 : reqs.back().cycle) + Cycle(reqs.size()) * (s.tRC + s.tRFC) / 2 + 3 * s.tREFI + tail;
    std::vector<RefDone> refDone, fastDone;
    vgm::test::ReferenceController ref(s, p, ranks);
    auto refLog = ref.run(reqs, end, refDone);
    FastRun info;
    auto fastLog = runFast(s, p, reqs, end, fastDone, ranks, &info);
    REQUIRE(refDone.size() == reqs.size());  // the window was long enough
    for (size_t i = 0; i < std::min(refLog.size(), fastLog.size()); ++i) {
        INFO("command " << i << ": ref " << commandName(refLog[i].cmd) << " bank " << refLog[i].bank << " @"
                        << refLog[i].cycle << ", fast " << commandName(fastLog[i].cmd) << " bank " << fastLog[i].bank
                        << " @" << fastLog[i].cycle);
        REQUIRE(fastLog[i] == refLog[i]);
    }
    REQUIRE(fastLog.size() == refLog.size());
    REQUIRE(fastDone.size() == refDone.size());
    for (size_t i = 0; i < refDone.size(); ++i) {
        REQUIRE(fastDone[i].index == refDone[i].index);
        REQUIRE(fastDone[i].done == refDone[i].done);
    }
    for (uint32_t k = 0; k < ranks; ++k) {  // the counters agree with the commands, skipped periods included
        uint64_t refs = 0;
        for (const IssuedCommand& c : refLog)
            refs += (c.cmd == Command::REFab || c.cmd == Command::REFpb) && c.bank / s.banks == k;
        REQUIRE(info.refreshes[k] == refs);
    }
    return info;
}

std::vector<RefRequest> randomStream(uint32_t seed, size_t n, const MemSpec& s, uint32_t rows, int maxGap,
                                     double writeFrac, uint32_t banks) {
    std::mt19937 rng(seed);
    std::vector<RefRequest> v;
    Cycle t = 0;
    for (size_t i = 0; i < n; ++i) {
        t += std::uniform_int_distribution<int>(0, maxGap)(rng);
        bool wr = std::uniform_real_distribution<double>(0, 1)(rng) < writeFrac;
        uint32_t bank = std::uniform_int_distribution<uint32_t>(0, std::min(banks, 2 * s.banks) - 1)(rng);
        v.push_back(RefRequest{t, wr, bank, std::uniform_int_distribution<uint32_t>(0, rows - 1)(rng)});
    }
    return v;
}

std::vector<ControllerPolicy> policies() {
    std::vector<ControllerPolicy> ps;
    for (auto sch : {ControllerPolicy::Scheduler::FrFcfs, ControllerPolicy::Scheduler::Fcfs})
        for (bool open : {true, false})
            for (auto ref : {ControllerPolicy::Refresh::AllBank, ControllerPolicy::Refresh::PerBank,
                             ControllerPolicy::Refresh::None})
                for (bool bankwise : {true, false}) {
                    ControllerPolicy p;
                    p.scheduler = sch;
                    p.openPage = open;
                    p.refresh = ref;
                    p.bankwiseBuffer = bankwise;
                    p.depth = bankwise ? 4 : 12;
                    ps.push_back(p);
                }
    return ps;
}

// A spec with short refresh intervals and unusual timings, so that refresh
// and the rarer constraints (tFAW, tWTR, tRTW) bind often.
MemSpec oddSpec() {
    MemSpec s;
    s.tREFI = 400, s.tRFC = 60, s.tREFISB = 37, s.tRFCSB = 21, s.tRREFD = 5;
    s.tFAW = 30, s.tRRDS = 3, s.tRRDL = 7, s.tCCDL = 5, s.tWTRL = 11, s.tWTRS = 3, s.tRTW = 21;
    s.tRC = 45, s.tRAS = 30, s.tRP = 13;
    s.actCycles = 1;
    return s;
}

}  // namespace

TEST_CASE("memory: controller equals clock-stepped reference on random streams", "[memory][equivalence]") {
    int k = 0;
    for (const MemSpec& s : {testSpec(), oddSpec()})
        for (const auto& p : policies()) {
            ++k;
            INFO("policy set " << k);
            compare(s, p, randomStream(uint32_t(k), 300, s, 4, 6, 0.3, 16));
            compare(s, p, randomStream(uint32_t(k) + 1000, 200, s, 64, 20, 0.5, 16));
        }
}

TEST_CASE("memory: controller equals reference on adversarial streams", "[memory][equivalence]") {
    int k = 0;
    for (const MemSpec& s : {testSpec(), oddSpec()})
        for (const auto& p : policies()) {
            ++k;
            INFO("policy set " << k);
            // Row thrash in one bank; bank-group ping-pong; everything at cycle 0; read/write turnarounds.
            compare(s, p, randomStream(uint32_t(k), 120, s, 2, 0, 0.5, 1));
            compare(s, p, randomStream(uint32_t(k) + 7, 200, s, 1, 1, 0.5, 16));
            std::vector<RefRequest> burst;
            for (uint32_t i = 0; i < 150; ++i) burst.push_back(RefRequest{0, i % 3 == 0, (i * 4) % 16, i % 5});
            compare(s, p, burst);
            std::vector<RefRequest> sparse;  // long idle gaps across refreshes
            for (uint32_t i = 0; i < 40; ++i) sparse.push_back(RefRequest{Cycle(i) * 997, i % 2 == 1, i % 16, i});
            compare(s, p, sparse);
        }
}

// Two pseudo-channels of one channel: separate banks and refresh, one row and
// one column command bus (JEDEC pseudo-channel mode), ACT two cycles on the row bus.
TEST_CASE("memory: two pseudo-channels sharing the command buses equal the reference", "[memory][equivalence]") {
    int k = 0;
    MemSpec three = testSpec();
    three.actCycles = 3;
    for (const MemSpec& s : {testSpec(), oddSpec(), three})
        for (auto p : policies()) {
            ++k;
            p.staggerRefresh = k % 2 == 0;  // DRAMSys's rank-staggered refresh on every other set
            p.shortRowCommandFirst = k % 4 < 2;  // and its row-bus order on half the sets
            INFO("policy set " << k);
            compare(s, p, randomStream(uint32_t(k), 300, s, 4, 3, 0.3, 32), 2);
            compare(s, p, randomStream(uint32_t(k) + 500, 200, s, 64, 12, 0.5, 32), 2);
            std::vector<RefRequest> burst;  // both pseudo-channels at once: the buses decide
            for (uint32_t i = 0; i < 150; ++i) burst.push_back(RefRequest{0, i % 3 == 0, (i * 5) % 32, i % 3});
            compare(s, p, burst, 2);
        }
}

TEST_CASE("memory: pseudo-channels of a channel wait for each other on the row and column buses", "[memory]") {
    MemSpec s;  // actCycles 2
    ControllerPolicy p;
    p.refresh = ControllerPolicy::Refresh::None;
    std::vector<RefDone> done;
    // One read in bank 0 of each pseudo-channel, both offered at cycle 0 (accepted at 0 and 1).
    auto log = runFast(s, p, {RefRequest{0, false, 0, 0}, RefRequest{0, false, 16, 0}}, 1000, done, 2);
    REQUIRE(log.size() == 4);
    CHECK(log[0].cmd == Command::ACT);
    CHECK(log[0].cycle == 0);
    CHECK(log[1].cmd == Command::ACT);
    CHECK(log[1].cycle == 2);  // the first ACT holds the row bus for two cycles
    CHECK(log[2].cycle == 1 + s.tRCDRD);  // RD counts from the ACT's last cycle
    CHECK(log[3].cycle == 3 + s.tRCDRD);
}

// Long idle stretches between requests (many refresh periods): the
// controller jumps whole periods instead of replaying them, and must still
// issue every refresh at the reference's cycle, count them, and leave the
// banks and timing state so that the next request is served identically.
TEST_CASE("memory: idle fast-forward equals the reference across long gaps", "[memory][equivalence]") {
    int k = 0;
    for (const MemSpec& s : {testSpec(), oddSpec()})
        for (auto p : policies()) {
            if (p.refresh == ControllerPolicy::Refresh::None) continue;
            p.staggerRefresh = (k / 2) % 2 == 1;  // rank-staggered refresh (DRAMSys) on every other set
            const Cycle period = p.refresh == ControllerPolicy::Refresh::AllBank ? s.tREFI : s.tREFISB * s.banks;
            for (uint32_t ranks : {1u, 2u}) {
                ++k;
                INFO("policy set " << k << ", ranks " << ranks);
                std::mt19937 rng{uint32_t(k)};
                std::vector<RefRequest> v;
                Cycle t = 0;
                for (uint32_t i = 0; i < 24; ++i) {  // clusters of 3 requests, then 4-7 idle periods and a bit
                    t += i % 3 ? std::uniform_int_distribution<Cycle>(0, 30)(rng)
                               : std::uniform_int_distribution<Cycle>(4 * period, 7 * period + period - 1)(rng);
                    v.push_back(RefRequest{t, i % 4 == 1, std::uniform_int_distribution<uint32_t>(0, 16 * ranks - 1)(rng),
                                           std::uniform_int_distribution<uint32_t>(0, 3)(rng)});
                }
                const FastRun r = compare(s, p, v, ranks, 9 * period + 17);
                CHECK(r.skipped > uint64_t(8 * 3 * period));  // it jumped, in most gaps
            }
        }
}

// DRAMSys staggers the refreshes of a channel's ranks (pseudo-channels) by
// bit-reversed rank: with 2 ranks, rank 1 first at tREFI - tREFI / 2.
TEST_CASE("memory: staggered refresh: pseudo-channel 1 refreshes half an interval before pseudo-channel 0", "[memory]") {
    MemSpec s;
    ControllerPolicy p;
    p.staggerRefresh = true;
    CHECK(ControllerPolicy::firstRefresh(3900, 0, 2, true) == 3900);
    CHECK(ControllerPolicy::firstRefresh(3900, 1, 2, true) == 1950);
    CHECK(ControllerPolicy::firstRefresh(37, 1, 2, true) == 19);  // ceil(37 - 18.5)
    CHECK(ControllerPolicy::firstRefresh(400, 1, 4, true) == 200);  // rev(01) = 10
    CHECK(ControllerPolicy::firstRefresh(400, 2, 4, true) == 300);  // rev(10) = 01
    CHECK(ControllerPolicy::firstRefresh(3900, 1, 2, false) == 3900);
    PcController c(s, p, 2);
    std::vector<IssuedCommand> log;
    c.setCommandLog(&log);
    std::vector<Completion> out;
    c.runUntil(2 * s.tREFI + 1, out);
    REQUIRE(log.size() == 4);
    CHECK((log[0].cycle == 1950 && log[0].bank / s.banks == 1));
    CHECK((log[1].cycle == 3900 && log[1].bank / s.banks == 0));
    CHECK((log[2].cycle == 5850 && log[2].bank / s.banks == 1));
    CHECK((log[3].cycle == 7800 && log[3].bank / s.banks == 0));
}

TEST_CASE("memory: an idle channel refreshes on time for 10^12 tCK without replaying", "[memory]") {
    const MemSpec s;
    for (auto mode : {ControllerPolicy::Refresh::AllBank, ControllerPolicy::Refresh::PerBank}) {
        ControllerPolicy p;
        p.refresh = mode;
        PcController c(s, p, 2);
        std::vector<Completion> out;
        const Cycle end = Cycle(1000000) * 1000000;
        c.runUntil(end, out);
        const Cycle every = mode == ControllerPolicy::Refresh::AllBank ? s.tREFI : s.tREFISB;
        const Command cmd = mode == ControllerPolicy::Refresh::AllBank ? Command::REFab : Command::REFpb;
        for (uint32_t rank = 0; rank < 2; ++rank) {
            // Due at n x interval; the second pseudo-channel waits one tCK for the shared row bus.
            const uint64_t expect = uint64_t((end - 1 - rank) / every);
            CHECK(c.counters(rank).commands[int(cmd)] == expect);
            CHECK(c.counters(rank).refreshBusyCycles == expect * uint64_t(cmd == Command::REFab ? s.tRFC : s.tRFCSB));
        }
        CHECK(c.skippedCycles() > uint64_t(end - 4 * every * s.banks));
        CHECK(out.empty());
        // Still exact afterwards: a request right after the jump is served.
        const Cycle t = c.nextEvent() + 1;
        c.runUntil(t, out);
        REQUIRE(c.canAccept(0, t));
        MemRequest req;
        c.accept(req, t);
        c.runUntil(t + 1000, out);
        CHECK(out.size() == 1);
    }
}
