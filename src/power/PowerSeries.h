#pragma once
// Power over time: each window's watts per category, from the run's activity
// windows (stats::Activity). Constant power goes to every window; the event
// energy of a category is shared out over the windows in proportion to the
// activity of its units (DSP energy exactly, per unit kind and precision).
// Also fills the peak and the card-limit warnings.
#include <string>

#include "power/Energy.h"

namespace vgm::power {

void addPowerSeries(const config::Config& cfg, const stats::RunResult& run, const ResourceEstimate& res,
                    EnergyReport& e);

// power.csv: one row per window, time in ms and watts per category and in total.
std::string powerCsv(const EnergyReport& e);

}  // namespace vgm::power
