// DRAMSys's bankwise admission as the dramsys front end applies it: each
// 32-B burst holds an entry in its own bank, and only the bank of the last
// stored burst decides whether the next request gets in.
#include <catch2/catch.hpp>

#include "timing/memory/BankwiseAdmission.h"

using vgm::memory::BankwiseAdmission;

TEST_CASE("memory: dramsys admission checks the last stored burst's bank, not the incoming one's", "[memory]") {
    BankwiseAdmission a(32, 8);
    REQUIRE(a.hasRoom());  // nothing stored yet
    // 64-B requests on the 32-B interleave map: child 0 in bank 0 (PC0), child 1 in bank 16 (PC1).
    int admitted = 0;
    while (a.hasRoom()) a.store(0), a.store(16), ++admitted;
    CHECK(admitted == 8);  // one entry per child per bank, so 8 requests (not 4)
    CHECK(a.entries(0) == 8);
    CHECK(a.entries(16) == 8);
    a.remove(0);  // PC0 serves one burst: bank 16 still full, still closed
    CHECK_FALSE(a.hasRoom());
    a.remove(16);  // PC1 serves one: room again
    CHECK(a.hasRoom());
    // While PC0 is refreshing only PC1 serves, and PC0's bank grows past the depth.
    for (int i = 0; i < 50; ++i) {
        REQUIRE(a.hasRoom());
        a.store(0), a.store(16);
        a.remove(16);
    }
    CHECK(a.entries(0) == 7 + 50);
    // A 32-B request to a full bank is admitted when the last stored burst's bank has room.
    BankwiseAdmission b(32, 2);
    b.store(3), b.store(3), b.store(5);
    CHECK(b.hasRoom());  // bank 5 holds 1 < 2, although bank 3 is full
    b.store(3);          // a third entry in bank 3
    CHECK(b.entries(3) == 3);
    CHECK_FALSE(b.hasRoom());
}

TEST_CASE("memory: dramsys admission needs room for all of a long request's bursts", "[memory]") {
    BankwiseAdmission a(32, 8);
    for (int i = 0; i < 6; ++i) a.store(4);
    CHECK(a.hasRoom(2));  // 6 + 2 <= 8
    a.store(4);
    CHECK(a.hasRoom(1));
    CHECK_FALSE(a.hasRoom(2));  // 7 + 2 > 8: a 64-B request in one bank waits
    // More bursts than the depth: admitted once the bank is empty, never stuck.
    CHECK_FALSE(a.hasRoom(20));
    for (int i = 0; i < 7; ++i) a.remove(4);
    CHECK(a.hasRoom(20));
}
