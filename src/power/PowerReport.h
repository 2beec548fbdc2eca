#pragma once
// The report's "power" object: average watts per category, card power, peak
// window, card limit, clock limits and warnings.
#include <string>

#include "common/Json.h"
#include "power/Energy.h"

namespace vgm::power {

// Energy, power over time, card check and clock check of a finished run, in one go.
EnergyReport evaluatePower(const config::Config& cfg, const stats::RunResult& run, const ResourceEstimate& res,
                           const ClockCheck& clock);

Json powerJson(const EnergyReport& e);

// The summary's power lines, from a report (its "power" object and energy fields).
std::string powerSummary(const Json& report);

}  // namespace vgm::power
