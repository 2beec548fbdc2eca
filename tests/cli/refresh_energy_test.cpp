// HBM refresh over the whole run, in both memory modes: the exact run
// (`dma.memoize=false`) counts the refreshes its controllers issued to the
// end of the run (idle periods skipped, not replayed), the memoized run the
// refreshes of its idle memory from the start of the run (after the samples)
// to its end; both match tREFI, and a per-bank refresh costs 1/banks of an
// all-bank one. A slow fabric clock stretches a small GEMM to ~1,000 tREFI.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "RunVgmsim.h"
#include "common/Json.h"

using vgm::Json;
using vgm::test::runVgmsim;
using vgm::test::scratchDir;

namespace {

const std::string kConfig = std::string(VGMSIM_SOURCE_DIR) + "/configs/flightvgm_v80.json";
constexpr double kTckPs = 625, kRefi = 6240, kRefPj = 30420;  // configs/hbm/hbm2e_v80.json, power.hbm.ref_pj
constexpr int kPcs = 32;

Json runReport(const std::string& dir, const std::string& name, const std::string& trace, const std::string& sets) {
    const std::string out = dir + "/" + name;
    auto r = runVgmsim("run -q --config " + kConfig + " --trace " + trace + " --set clock.fabric_mhz=1 " + sets +
                       " --out " + out);
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::ifstream in(out + "/report.json");
    std::ostringstream s;
    s << in.rdbuf();
    return Json::parse(s.str());
}

uint64_t commandsOf(const Json& rep, const char* cmd) {
    uint64_t n = 0;
    for (int pc = 0; pc < kPcs; ++pc) n += rep["stats"]["memory"]["hbm"]["pc" + std::to_string(pc)][cmd].get<uint64_t>();
    return n;
}

}  // namespace

TEST_CASE("run: HBM refresh energy covers the whole run in exact and memoized mode", "[cli][power][memory]") {
    const std::string dir = scratchDir("refresh-energy");
    const std::string trace = dir + "/g.vgmt";
    REQUIRE(runVgmsim("trace gemm --m 256 --n 256 --k 256 --precision int8 -o " + trace).status == 0);
    const Json exact = runReport(dir, "exact", trace, "--set dma.memoize=false");
    const Json memo = runReport(dir, "memo", trace, "");
    const Json perBank = runReport(dir, "pb", trace, "--set dma.memoize=false --set memory.hbm.controller.refresh=per_bank");

    // Exact: every refresh the controllers issued up to the end is in the energy.
    const double seconds = exact["latency_s"].get<double>();
    const double expect = kPcs * seconds * 1e12 / (kTckPs * kRefi);
    REQUIRE(expect > 500 * kPcs);  // the slow clock made the run long
    const uint64_t issued = commandsOf(exact, "cmd_refab");
    CHECK(double(issued) == Approx(expect).margin(2 * kPcs));
    CHECK(exact["energy"]["hbm_refresh"].get<double>() == Approx(double(issued) * kRefPj * 1e-12));

    // Memoized: the same refresh power; the samples' own refreshes are not the run's.
    const double memoRefreshes = memo["energy"]["hbm_refresh"].get<double>() / (kRefPj * 1e-12);
    CHECK(memoRefreshes == Approx(kPcs * memo["latency_s"].get<double>() * 1e12 / (kTckPs * kRefi)).margin(2 * kPcs));
    CHECK(memoRefreshes < double(commandsOf(memo, "cmd_refab")));

    // Per-bank refresh: 16 REFpb per tREFI per PC, each 1/16 of the energy.
    const uint64_t refpb = commandsOf(perBank, "cmd_refpb");
    CHECK(commandsOf(perBank, "cmd_refab") == 0);
    CHECK(double(refpb) == Approx(16 * kPcs * perBank["latency_s"].get<double>() * 1e12 / (kTckPs * kRefi)).epsilon(0.01));
    const double pbWatts = perBank["energy"]["hbm_refresh_pb"].get<double>() / perBank["latency_s"].get<double>();
    CHECK(pbWatts == Approx(exact["energy"]["hbm_refresh"].get<double>() / seconds).epsilon(0.01));
}
