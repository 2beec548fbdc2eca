// membench --stl against DRAMSys 5 on the 32-B pseudo-channel interleave map:
// the traffic of /work/shared/reference/dramsys/gen_stl.py (its deterministic
// patterns, 200,000 requests, regenerated here) on configs/dramsys_hbm2_il32.json,
// bandwidth and mean controller latency within 1 % of DRAMSys's measured
// figures (reference/dramsys/README.md; copied below). The issue asks for
// 10 %; vgmsim agrees within 0.2 %, so 1 % catches a regression.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "RunVgmsim.h"
#include "common/Json.h"

using vgm::Json;
using vgm::test::runVgmsim;
using vgm::test::scratchDir;

namespace {

struct Case {
    const char* name;
    uint64_t step;     // address = step * i
    int writeEvery;    // request i is a write iff i % writeEvery == writeEvery - 1 (0: never; 1: always)
    uint32_t len;      // bytes per request
    double gbps;       // DRAMSys
    double readNs, writeNs;  // DRAMSys mean latency (0: none)
};

std::string writeStl(const std::string& dir, const Case& c) {
    std::string path = dir + "/" + c.name + ".stl";
    std::ofstream f(path);
    for (uint64_t i = 0; i < 200000; ++i) {
        bool wr = c.writeEvery == 1 || (c.writeEvery > 1 && i % uint64_t(c.writeEvery) == uint64_t(c.writeEvery) - 1);
        f << i << ":\t";
        if (c.len != 32) f << "(" << c.len << ")\t";
        f << (wr ? "write" : "read") << "\t0x" << std::hex << (c.step * i) % (uint64_t(1) << 30) << std::dec << "\n";
    }
    return path;
}

// membench --stl on `cfgArgs` (config and overrides); its results object.
Json replay(const std::string& cfgArgs, const std::string& stl, const std::string& out) {
    auto r = runVgmsim("membench -q " + cfgArgs + " --stl " + stl + " --bytes 32 --outstanding 65536 --out " + out);
    REQUIRE(r.status == 0);
    std::ifstream in(out + "/membench.json");
    std::ostringstream s;
    s << in.rdbuf();
    return Json::parse(s.str())["results"];
}

}  // namespace

TEST_CASE("membench --stl agrees with DRAMSys on the interleaved map within 1 %", "[cli][membench][dramsys]") {
    const std::string cfg = std::string(VGMSIM_SOURCE_DIR) + "/configs/dramsys_hbm2_il32.json";
    const std::string dir = scratchDir("membench-dramsys");
    // DRAMSys figures (README of reference/dramsys); vgmsim agrees within 0.5 %
    // on every one of them (tools/bench/README.md), checked here at 1 %.
    const Case cases[] = {
        {"seq_read", 32, 0, 32, 14.57, 42.20, 0},
        {"seq_write", 32, 1, 32, 13.35, 0, 34.31},
        {"mix_2r1w", 32, 3, 32, 4.30, 95.92, 85.54},
        {"stride_read", 2048, 0, 32, 0.72, 420.96, 0},
        {"seq_read_64", 64, 0, 32, 7.73, 56.25, 0},
        {"seq_read_64len", 64, 0, 64, 15.46, 244.27, 0},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const Json res = replay("--config " + cfg, writeStl(dir, c), dir + "/" + c.name);
        CHECK(res["bandwidth_gbps"].get<double>() == Approx(c.gbps).epsilon(0.01));
        if (c.readNs > 0) CHECK(res["controller_latency_read_avg_ns"].get<double>() == Approx(c.readNs).epsilon(0.01));
        if (c.writeNs > 0)
            CHECK(res["controller_latency_write_avg_ns"].get<double>() == Approx(c.writeNs).epsilon(0.01));
    }
}

// The stock map (configs/dramsys_hbm2.json: pseudo-channel and stack in the top
// address bits) has no DRAMSys figures of its own, but two of its patterns
// send a pseudo-channel the same traffic as a measured il32 pattern: stock
// seq_read (32-B requests at 32*i, all in PC0) is, bit for bit inside PC0,
// il32 seq_read_64 (32-B requests at 64*i, every other one skipping PC1);
// stock stride_read (2048*i) is, like il32's, one row conflict per request
// in one bank. With DRAMSys's front end and a transparent NoC, as on il32.
TEST_CASE("membench --stl on the stock map agrees with DRAMSys where the traffic is the same", "[cli][membench][dramsys]") {
    const std::string cfg = "--config " + std::string(VGMSIM_SOURCE_DIR) +
                            "/configs/dramsys_hbm2.json --set memory.hbm.controller.frontend=dramsys"
                            " --set memory.noc.transparent=true --set memory.noc.outstanding=65536 --set memory.noc.nsu_buffer=4096"
                            " --set memory.noc.split_bytes=1073741824";
    const std::string dir = scratchDir("membench-dramsys-stock");
    const Case cases[] = {
        {"seq_read", 32, 0, 32, 7.73, 56.25, 0},      // DRAMSys il32 seq_read_64
        {"stride_read", 2048, 0, 32, 0.72, 420.96, 0},  // DRAMSys il32 stride_read
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const Json res = replay(cfg, writeStl(dir, c), dir + "/" + c.name);
        CHECK(res["bandwidth_gbps"].get<double>() == Approx(c.gbps).epsilon(0.01));
        CHECK(res["controller_latency_read_avg_ns"].get<double>() == Approx(c.readNs).epsilon(0.01));
    }
}
