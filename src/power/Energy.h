#pragma once
// Energy = raw event counts x per-event energy from the config, plus static
// power x time; computed once after the simulation. The components add up to
// the total exactly (the total is their sum).
#include <string>
#include <utility>
#include <vector>

#include "config/Config.h"
#include "stats/RunResult.h"

namespace vgm::power {

struct EnergyReport {
    std::vector<std::pair<std::string, double>> components;  // name -> joules, report order
    double totalJ = 0.0;
    double averagePowerW = 0.0;
    double perVideoJ = 0.0;  // one trace generates one video (or image)
    double perFrameJ = 0.0;  // 0 when the trace is not a video
};

EnergyReport computeEnergy(const config::Config& cfg, const stats::RunResult& run, double latencySeconds);

}  // namespace vgm::power
