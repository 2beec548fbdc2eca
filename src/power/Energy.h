#pragma once
// Energy = raw event counts x per-event energy from the config, plus static
// power x time; computed once after the simulation.
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
};

EnergyReport computeEnergy(const config::Config& cfg, const stats::RunResult& run, double latencySeconds);

}  // namespace vgm::power
