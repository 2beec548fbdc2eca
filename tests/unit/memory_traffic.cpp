// membench traffic: deterministic generation and the DRAMSys STL reader.
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>

#include "common/Error.h"
#include "timing/memory/Traffic.h"

using namespace vgm::memory;

namespace {
std::string writeTemp(const std::string& name, const std::string& text) {
    std::string path = "/tmp/vgmsim_memory_" + name;
    std::ofstream(path) << text;
    return path;
}
std::string stlError(const std::string& text) {
    try {
        readStl(writeTemp("bad.stl", text), 1000, 64, 1 << 20);
    } catch (const vgm::InputError& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("memory: traffic patterns are deterministic and stay inside capacity", "[memory][traffic]") {
    TrafficOptions o;
    o.pattern = "random";
    o.op = "mix";
    o.requests = 1000;
    o.initiators = 3;
    auto a = generateTraffic(o, 1 << 20), b = generateTraffic(o, 1 << 20);
    REQUIRE(a.size() == 3);
    REQUIRE(a[0].size() == 334);
    for (size_t i = 0; i < a.size(); ++i)
        for (size_t j = 0; j < a[i].size(); ++j) {
            REQUIRE(a[i][j].address == b[i][j].address);
            REQUIRE(a[i][j].address % 64 == 0);
            REQUIRE(a[i][j].address + 64 <= (1u << 20));
        }
    o.pattern = "strided";
    o.stride = 4096;
    o.initiators = 1;
    auto s = generateTraffic(o, 1 << 20);
    REQUIRE(s[0][1].address == 4096);
    REQUIRE(s[0][256].address == 0);  // wraps at capacity
    o.stride = 0;
    REQUIRE_THROWS_AS(generateTraffic(o, 1 << 20), vgm::InputError);
}

TEST_CASE("memory: STL traces parse with optional sizes, comments and data", "[memory][traffic]") {
    auto r =
        readStl(writeTemp("ok.stl", "# header\n0:\tread\t0x0\n\n5: (128) write 0x1000 0xdeadbeef  # c\n7:read 0x40\n"),
                500, 64, 1 << 20);
    REQUIRE(r.size() == 3);
    REQUIRE(r[1].atPs == 10000);  // 5 cycles at 500 MHz
    REQUIRE(r[1].bytes == 128);
    REQUIRE(r[1].write);
    REQUIRE(r[1].address == 0x1000);
    REQUIRE(r[2].address == 0x40);
    CHECK(stlError("3: fetch 0x10\n").find("line 1: expected read or write") != std::string::npos);
    CHECK(stlError("0: read 0x10\n2 read 0x20\n").find("line 2: expected '<cycle>:'") != std::string::npos);
    CHECK(stlError("0: read 0x100000\n").find("outside the memory's capacity") != std::string::npos);
    CHECK(stlError("9: read 0x0\n3: read 0x0\n").find("must not decrease") != std::string::npos);
    CHECK(stlError("1: read 0xZZ\n").find("line 1") != std::string::npos);
}
