#pragma once
// Energy and power of a run, computed once after the simulation from the
// event counts (x per-event energy), the resource estimate (x toggle rate x
// clock, the fabric and clock tree) and time (x static power). Components add
// up to their category and the categories to the total exactly (each total
// is the sum of its parts).
#include <string>
#include <utility>
#include <vector>

#include "config/Config.h"
#include "power/ClockLimits.h"
#include "power/Resources.h"
#include "stats/RunResult.h"

namespace vgm::power {

using Named = std::vector<std::pair<std::string, double>>;

struct EnergyReport {
    Named components;  // fine-grained, joules, report order
    Named categories;  // static, fabric_clock, dsp, sfu, su_ru, onchip_memory, noc, hbm: joules
    Named constantW;   // the part of each category that is constant power (W), for power over time
    double totalJ = 0.0;
    double latencyS = 0.0;
    double averagePowerW = 0.0;  // chip + HBM
    double cardPowerW = 0.0;     // average / power.vrm_efficiency
    double perVideoJ = 0.0;      // one trace generates one video (or image)
    double perFrameJ = 0.0;      // 0 when the trace is not a video
    std::string temperature;
    // Power over time (PowerSeries.cpp): watts per category per window of power.window_us.
    double windowS = 0.0;
    std::vector<std::vector<double>> windows;  // [window][category]
    double peakPowerW = 0.0, peakAtS = 0.0;    // chip + HBM, the highest window
    double cardLimitW = 0.0;                   // 0 = no card check
    std::vector<std::string> warnings;         // card limit and clock limit findings
    ClockCheck clock;                          // filled by the caller (checkClockLimits)
};

EnergyReport computeEnergy(const config::Config& cfg, const stats::RunResult& run, const ResourceEstimate& res);

// The per-event energy (pJ) of a DSP MAC on a unit kind (timing::UnitKind index) in a precision.
double dspMacPj(const config::Config& cfg, size_t unitKind, size_t precision);

}  // namespace vgm::power
