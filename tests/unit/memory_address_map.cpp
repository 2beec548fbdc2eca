// Address mapping: bit-by-bit decode as in DRAMSys maps, presets, and the
// errors for overlapping or unassigned bits and bad timing relations.
#include <catch2/catch.hpp>

#include "common/Error.h"
#include "config/Config.h"
#include "timing/memory/AddressMap.h"

using namespace vgm;
using namespace vgm::memory;

namespace {

config::Config hbmConfig(const Json& hbm) {
    Json doc = {{"memory", {{"model", "hbm"}, {"hbm", hbm}}}};
    return config::Config::fromJson(doc, "test.json");
}

AddressMap mapOf(const config::Config& c) {
    config::View h = c.root()["memory"]["hbm"];
    return AddressMap::fromConfig(MemSpec::fromConfig(h), h["address_map"]);
}

std::string errorOf(const Json& hbm) {
    try {
        config::Config c = hbmConfig(hbm);
        mapOf(c);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("memory: default map is the DRAMSys HBM2 map", "[memory][addrmap]") {
    AddressMap m = mapOf(hbmConfig(Json::object()));
    REQUIRE(m.capacity() == (uint64_t(1) << 31));
    // byte 0-2, column 3-9, row 10-24, bank 25-26, bank group 27-28, pc 29, stack 30
    uint64_t addr = (uint64_t(1) << 30) | (uint64_t(1) << 29) | (uint64_t(2) << 27) | (uint64_t(3) << 25) |
                    (uint64_t(1234) << 10) | (uint64_t(77) << 3) | 5;
    DramAddress a = m.decode(addr);
    REQUIRE(a.pc == 3);  // stack 1 x 2 pcs + pc 1
    REQUIRE(a.bankGroup == 2);
    REQUIRE(a.bank == 2 * 4 + 3);
    REQUIRE(a.row == 1234);
    REQUIRE(a.column == 77);
    REQUIRE(a.byte == 5);
    REQUIRE(m.encode(a) == addr);
}

TEST_CASE("memory: pc_interleave preset spreads consecutive blocks over pseudo-channels", "[memory][addrmap]") {
    Json hbm = {{"org", {{"stacks", 2}, {"channels", 8}}},
                {"address_map", {{"preset", "pc_interleave"}, {"interleave_bytes", 256}}}};
    AddressMap m = mapOf(hbmConfig(hbm));
    for (uint32_t i = 0; i < 32; ++i) REQUIRE(m.decode(uint64_t(i) * 256).pc == i);
    REQUIRE(m.decode(32 * 256).pc == 0);
    REQUIRE(m.decode(32 * 256).bankGroup == 1);    // then the next bank group (tCCDS between them)
    REQUIRE(m.decode(4 * 32 * 256).column == 32);  // then the next 256 B of the same row
    REQUIRE(m.decode(4 * 32 * 256).row == 0);
    REQUIRE(m.decode(255).pc == 0);
}

TEST_CASE("memory: bad address maps and timings are one-line errors naming the parameter", "[memory][addrmap]") {
    std::string e =
        errorOf({{"address_map", {{"row_bits", {9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23}}}}});
    CHECK(e.find("/memory/hbm/address_map/column_bits: bit 9 is also in row_bits") != std::string::npos);
    e = errorOf({{"address_map", {{"stack_bits", Json::array()}}}});
    CHECK(e.find("stack_bits") != std::string::npos);
    e = errorOf({{"address_map", {{"stack_bits", {31}}}}});
    CHECK(e.find("bit 30 is not assigned") != std::string::npos);
    e = errorOf({{"timing", {{"tRC", 41}}}});
    CHECK(e.find("/memory/hbm/timing/tRC: 41 < tRAS + tRP = 42") != std::string::npos);
    e = errorOf({{"address_map", {{"preset", "pc_interleave"}, {"interleave_bytes", 100}}}});
    CHECK(e.find("interleave_bytes") != std::string::npos);
    e = errorOf({{"org", {{"banks", 12}}}});
    CHECK(e.find("/memory/hbm/org/banks") != std::string::npos);
    for (const std::string& msg : {errorOf({{"timing", {{"tRTW", 2}}}})}) CHECK(msg.find('\n') == std::string::npos);
}

TEST_CASE("memory: configs/dramsys_hbm2.json is the default HBM2 timing set", "[memory][config]") {
    config::Config dramsys = config::Config::load(std::string(VGMSIM_SOURCE_DIR) + "/configs/dramsys_hbm2.json");
    config::Config defaults = hbmConfig(Json::object());
    REQUIRE(dramsys.resolved()["memory"]["hbm"] == defaults.resolved()["memory"]["hbm"]);
    // The DRAMSys read/write latencies quoted in FACTS.md: 20 ns and 9 ns after the column command.
    MemSpec s = MemSpec::fromConfig(dramsys.root()["memory"]["hbm"]);
    REQUIRE(s.readLatency() * s.tCKps == 20000);
    REQUIRE(s.writeLatency() * s.tCKps == 9000);
    REQUIRE(s.capacityBytes() == (uint64_t(1) << 31));
}
