// vgmsim gpu and run --baseline end to end: outputs, stage split, ratios,
// params listing, sweep ratio metrics and one-line errors with status 2.
#include <catch2/catch.hpp>

#include "RunVgmsim.h"
#include "SweepFixture.h"

using namespace vgm::test;
using vgm::Json;

namespace {
const std::string kStdit = srcPath("traces/tiny/stdit3-xl-2_240p_17f_2steps_stat.vgmt");
const std::string k3090 = srcPath("configs/gpu/rtx3090.json");

size_t lines(const std::string& s) {
    size_t n = 0;
    for (char c : s) n += c == '\n';
    return n;
}
}  // namespace

TEST_CASE("gpu: writes gpu.json and operators.csv with the stage split", "[cli][gpu]") {
    const std::string dir = scratchDir("gpu-out");
    auto r = runVgmsim("gpu --gpu " + k3090 + " --trace " + kStdit + " --stages all --out " + dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.rfind("vgmsim gpu: rtx3090 x stdit3-xl-2_240p_17f_2steps_stat\n", 0) == 0);
    CHECK(r.out.find("(text_encoder + dit + vae_decode)") != std::string::npos);
    Json g = Json::parse(slurpFile(dir + "/gpu.json"));
    CHECK(g["schema"] == "vgmsim-gpu/1");
    for (const char* k :
         {"dit_latency_s", "total_latency_s", "energy_j", "average_power_w", "stages", "stages_included"})
        CHECK(g.contains(k));
    const double sum = g["stages"]["text_encoder"]["latency_s"].get<double>() +
                       g["stages"]["dit"]["latency_s"].get<double>() +
                       g["stages"]["vae_decode"]["latency_s"].get<double>();
    CHECK(g["total_latency_s"].get<double>() == Approx(sum));
    CHECK(g["total_latency_s"].get<double>() > g["dit_latency_s"].get<double>());
    const double p = g["average_power_w"];
    CHECK(p > 90.0);   // the preset's idle power
    CHECK(p < 350.0);  // its board power
    const std::string csv = slurpFile(dir + "/operators.csv");
    CHECK(csv.rfind("stage,index,name,kind,trace_ops,", 0) == 0);
    CHECK(csv.find("\ndit,0,s0.b0.embed.linear,gemm,") != std::string::npos);
    CHECK(csv.find(",attention,3,") != std::string::npos);
    CHECK(csv.find("\nvae_decode,") != std::string::npos);
    // Deterministic, and --stages dit leaves the other stages out of the total.
    auto again = runVgmsim("gpu --gpu " + k3090 + " --trace " + kStdit + " --stages all --out " + dir + "/b -q");
    REQUIRE(again.status == 0);
    CHECK(again.out.empty());
    CHECK(slurpFile(dir + "/b/operators.csv") == csv);
    auto dit = runVgmsim("gpu --gpu " + k3090 + " --trace " + kStdit + " --out " + dir + "/d");
    REQUIRE(dit.status == 0);
    Json d = Json::parse(slurpFile(dir + "/d/gpu.json"));
    CHECK(d["stages_included"] == Json::array({"dit"}));
    CHECK(d["total_latency_s"] == d["dit_latency_s"]);
    CHECK(d["dit_latency_s"] == g["dit_latency_s"]);
}

TEST_CASE("gpu: run --baseline adds the baseline section and the ratios to the summary", "[cli][gpu]") {
    const std::string dir = scratchDir("gpu-baseline");
    const std::string cfg = srcPath("configs/flightvgm_v80.json");
    const std::string trace = srcPath("traces/tiny/dit-xl-2_256_2steps.vgmt");
    auto plain = runVgmsim("run --config " + cfg + " --trace " + trace + " --out " + dir + "/plain");
    REQUIRE(plain.status == 0);
    auto r = runVgmsim("run --config " + cfg + " --trace " + trace + " --baseline " + k3090 +
                       " --baseline-stages all --out " + dir + "/base");
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("vs rtx3090  speedup ") != std::string::npos);
    CHECK(r.out.find("energy efficiency") != std::string::npos);
    CHECK(r.out.find("whole video") != std::string::npos);
    Json rep = Json::parse(slurpFile(dir + "/base/report.json"));
    Json ref = Json::parse(slurpFile(dir + "/plain/report.json"));
    REQUIRE(rep.contains("baseline"));
    const Json& b = rep["baseline"];
    CHECK(b["gpu"]["name"] == "rtx3090");
    CHECK(b["speedup_dit"].get<double>() ==
          Approx(b["gpu_dit_latency_s"].get<double>() / rep["latency_s"].get<double>()));
    CHECK(b["energy_efficiency_dit"].get<double>() ==
          Approx(b["gpu_dit_energy_j"].get<double>() / rep["energy_j"].get<double>()));
    // DiT-XL/2 has no text encoder: left out on both sides, the VAE taken from the GPU.
    CHECK(b["stages_included"] == Json::array({"dit", "vae_decode"}));
    CHECK(b["design"]["stages"]["text_encoder"]["source"] == "left out");
    CHECK(b["design"]["stages"]["vae_decode"]["source"].get<std::string>().rfind("gpu rtx3090", 0) == 0);
    // The baseline changes nothing else in the report.
    rep.erase("baseline");
    CHECK(rep == ref);
}

TEST_CASE("gpu: params lists every GPU preset parameter", "[cli][gpu][params]") {
    auto r = runVgmsim("params gpu --json");
    REQUIRE(r.status == 0);
    Json rows = Json::parse(r.out);
    CHECK(rows.size() >= 25);
    bool sawPeak = false;
    for (const auto& row : rows) {
        CHECK(row["path"].get<std::string>().rfind("gpu:", 0) == 0);
        CHECK_FALSE(row["description"].get<std::string>().empty());
        sawPeak |= row["path"] == "gpu:compute.tensor_tflops" && row["unit"] == "TFLOPS";
    }
    CHECK(sawPeak);
    CHECK(runVgmsim("params").out.find("gpu:kernels.fixed_us.gemm") != std::string::npos);
    auto skel = runVgmsim("params gpu --skeleton");
    REQUIRE(skel.status == 0);
    CHECK(Json::parse(skel.out)["memory"]["bandwidth_gbs"] == 2039.0);
}

TEST_CASE("gpu: sweeps take ratio metrics as objectives", "[cli][gpu][sweep]") {
    const std::string dir = scratchDir("gpu-sweep");
    const Json kRatioVsPower = Json::array({Json::array({"max:baseline.speedup_dit", "average_power_w"})});
    auto bad = runVgmsim("sweep --spec " + writeTinySpec(dir, {{"objectives", kRatioVsPower}}) + " --dry-run --out " +
                         dir + "/o");
    CHECK(bad.status == 2);
    CHECK(bad.err.find("needs a GPU baseline") != std::string::npos);
    auto r = runVgmsim("sweep --spec " + writeTinySpec(dir, {{"objectives", kRatioVsPower}, {"baseline", k3090}}) +
                       " --jobs 2 --out " + dir + "/out");
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::string csv = slurpFile(dir + "/out/results.csv");
    CHECK(csv.find(",baseline.speedup_dit") != std::string::npos);
    CHECK(slurpFile(dir + "/out/pareto.csv").rfind("front,trace,id,baseline.speedup_dit,average_power_w,", 0) == 0);
}

TEST_CASE("gpu: bad input is a one-line error with status 2", "[cli][gpu][errors]") {
    const std::string dir = scratchDir("gpu-errors");
    writeTinySpec(dir);  // creates dir
    vgm::writeFileAtomic(dir + "/typo.json", "{\"memory\": {\"bandwith_gbs\": 900}}");
    vgm::writeFileAtomic(dir + "/neg.json", "{\"power\": {\"board_w\": -1}}");
    vgm::writeFileAtomic(dir + "/broken.json", "{\"compute\": ");
    struct Case {
        std::string args, start;
    };
    for (const Case& c :
         {Case{"gpu --trace " + kStdit, "error: vgmsim gpu: "},
          Case{"gpu --gpu " + dir + "/typo.json --trace " + kStdit,
               "error: " + dir +
                   "/typo.json: /memory/bandwith_gbs: unknown key 'bandwith_gbs'; did you mean "
                   "'bandwidth_gbs'?"},
          Case{"gpu --gpu " + dir + "/neg.json --trace " + kStdit, "error: " + dir + "/neg.json: /power/board_w: -1"},
          Case{"gpu --gpu " + dir + "/broken.json --trace " + kStdit, "error: " + dir + "/broken.json: line 1"},
          Case{"gpu --gpu " + dir + "/none.json --trace " + kStdit, "error: "},
          Case{"gpu --gpu " + k3090 + " --trace " + dir + "/none.vgmt", "error: "},
          Case{"gpu --gpu " + k3090 + " --trace " + kStdit + " --stages vae",
               "error: --stages: unknown stage set 'vae'; allowed: dit, all"},
          Case{"run --config " + srcPath("configs/flightvgm_v80.json") + " --trace " + kStdit + " --baseline " + dir +
                   "/typo.json",
               "error: " + dir + "/typo.json: /memory/bandwith_gbs"},
          Case{"run --config " + srcPath("configs/flightvgm_v80.json") + " --trace " + kStdit + " --baseline " + k3090 +
                   " --baseline-stages most",
               "error: --baseline-stages: unknown stage set 'most'"}}) {
        auto r = runVgmsim(c.args);
        INFO(c.args << "\n" << r.err);
        CHECK(r.status == 2);
        CHECK(r.err.rfind(c.start, 0) == 0);
        CHECK(lines(r.err) == 1);
    }
}
