// Every axis of every shipped sweep (configs/sweeps/*.json) must move the
// result: each value of an axis, the other axes at their first value, run
// on the spec's video trace; neighbouring values must differ in cycles,
// latency, energy or a resource count. Affordable in CI: the shipped specs
// use the 17-frame 2-step STDiT3 trace (about a second per run).
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "RunVgmsim.h"
#include "SweepFixture.h"
#include "dse/SweepSpec.h"

using namespace vgm::test;
using vgm::Json;
namespace fs = std::filesystem;

namespace {

// Axes known not to move the result yet, each with the issue that fixes it.
// Tolerated (reported as a warning), not silently passed: remove the entry
// when the fix lands and this test then demands movement.
const std::set<std::pair<std::string, std::string>> kKnownDead = {
    // (8 vs 16 HBM PCs were identical on the tiny DiT image trace; on this
    // video they differ, so that axis is checked like the others.)
};

std::string outcome(const Json& r) {
    return r["cycles"]["total"].dump() + " cycles, " + r["latency_s"].dump() + " s, " + r["energy_j"].dump() +
           " J, dsp " + r["resources"]["dsp"].dump() + ", lut " + r["resources"]["lut"].dump() + ", uram " +
           r["resources"]["uram"].dump();
}

}  // namespace

TEST_CASE("sweeps: every axis of every shipped sweep moves the result on a video trace", "[cli][sweep][axes]") {
    const std::string dir = scratchDir("sweep-axes");
    size_t specs = 0, pairs = 0;
    for (const auto& e : fs::directory_iterator(srcPath("configs/sweeps"))) {
        if (e.path().extension() != ".json") continue;
        ++specs;
        const vgm::dse::SweepSpec spec = vgm::dse::SweepSpec::load(e.path().string());
        REQUIRE(spec.traces.size() >= 1);
        const std::string trace = spec.resolvePath(spec.traces.front());
        const Json header = Json::parse(runVgmsim("trace info " + trace + " --json").out);
        INFO(spec.name << " on " << trace);
        REQUIRE(header.contains("header"));
        // A video, not an image; except the SU-threshold sweep, whose threshold acts only through online
        // detection, which needs a trace carrying its activations (a GEMM trace; see configs/sweeps/README.md).
        if (spec.name != "su_lanes_x_threshold") CHECK(header["header"]["video"]["frames"].get<int>() > 1);
        for (size_t a = 0; a < spec.axes.size(); ++a) {
            const auto& axis = spec.axes[a];
            std::vector<std::string> results;
            for (size_t v = 0; v < axis.size(); ++v) {
                // --allow-overfit: whether an axis moves the model is asked apart from the fit constraints.
                std::string args = "run -q --no-layers --allow-overfit -c " + spec.resolvePath(spec.baseConfig) + " -t " + trace;
                for (const auto& s : spec.sets) args += " --set " + s;
                for (size_t b = 0; b < spec.axes.size(); ++b)
                    for (const auto& m : spec.axes[b].members)
                        args += " --set " + m.path + "=" + m.values[b == a ? v : 0].dump();
                const std::string out = dir + "/" + spec.name + "-" + std::to_string(a) + "-" + std::to_string(v);
                auto r = runVgmsim(args + " --out " + out);
                INFO(args);
                REQUIRE(r.status == 0);
                results.push_back(outcome(Json::parse(slurpFile(out + "/report.json"))));
            }
            for (size_t v = 1; v < results.size(); ++v) {
                const auto& vals = axis.members.front().values;  // "hbm_pcs:2-4": the first member's values
                const std::string pair = axis.name + ":" + vals[v - 1].dump() + "-" + vals[v].dump();
                INFO("axis " << pair << ": " << results[v]);
                if (kKnownDead.count({spec.name, axis.name}) || kKnownDead.count({spec.name, pair})) {
                    if (results[v] == results[v - 1]) WARN("known dead axis (see kKnownDead): " << spec.name << " " << pair);
                    continue;
                }
                CHECK(results[v] != results[v - 1]);
                ++pairs;
            }
        }
    }
    CHECK(specs >= 3);
    CHECK(pairs >= 10);
}
