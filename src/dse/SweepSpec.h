#pragma once
// A sweep spec (JSON), validated like a config: unknown keys and bad values
// are one-line InputErrors naming the spec file and JSON path.
//
// {
//   "name": "dsp_share_x_clock",
//   "base_config": "../flightvgm_v80.json",      relative to the spec file
//   "traces": ["../../traces/dit_xl2_256.json"], every design point runs each
//   "sets": ["hbm.pcs_used=16"],                 fixed overrides for all points
//   "mode": "grid" | "random" | "lhs",  "samples": 64, "seed": 1,
//   "axes": [ {"path": "clock.fabric_mhz", "values": [200, 300]},
//             {"path": "dsp.rows", "range": {"start": 8, "stop": 64, "step": 2, "scale": "log"}},
//             {"name": "buf", "tied": [{"path": ..., "values": [...]}, {"path": ..., "values": [...]}]} ],
//   "constraints": ["fits", "dsp.rows * dsp.cols <= 4096"],
//   "objectives": [["latency_s", "energy_j"], ["latency_s", "resources.dsp"]],
//   "timeout_s": 3600,
//   "baseline": "../gpu/rtx3090.json"            every point runs with --baseline (ratio metrics)
// }
#include <cstdint>
#include <string>
#include <vector>

#include "common/Json.h"
#include "dse/Axis.h"
#include "dse/Expr.h"
#include "dse/Sampler.h"

namespace vgm::dse {

struct Constraint {
    std::string text;
    std::string where;  // "spec.json: /constraints/1"
    bool fits = false;  // the literal "fits": the design must fit the device
    Expr expr;          // otherwise
};

struct SweepSpec {
    std::string file;  // as given on the command line
    std::string name;
    std::string baseConfig;  // as written in the spec
    std::vector<std::string> traces;
    std::vector<std::string> sets;
    Mode mode = Mode::Grid;
    size_t samples = 0;
    uint64_t seed = 1;
    std::vector<Axis> axes;
    std::vector<Constraint> constraints;
    std::vector<std::vector<std::string>> objectives;
    double timeoutS = 3600;
    std::string baseline;  // GPU preset as written in the spec; "" = none
    std::string hash;  // of the spec text: shards and resumes must agree on it

    static SweepSpec load(const std::string& path);
    static SweepSpec fromJson(const Json& doc, const std::string& file);

    // A path from the spec made usable from the current directory.
    std::string resolvePath(const std::string& relative) const;
};

std::string modeName(Mode m);

// The default objective pairs: latency vs energy, latency vs DSP count.
std::vector<std::vector<std::string>> defaultObjectives();

}  // namespace vgm::dse
