#include "power/PowerReport.h"

#include <cstdio>

#include "power/PowerSeries.h"

namespace vgm::power {

EnergyReport evaluatePower(const config::Config& cfg, const stats::RunResult& run, const ResourceEstimate& res,
                           const ClockCheck& clock) {
    EnergyReport e = computeEnergy(cfg, run, res);
    addPowerSeries(cfg, run, res, e);
    e.clock = clock;
    e.warnings.insert(e.warnings.end(), clock.violations.begin(), clock.violations.end());
    return e;
}

Json powerJson(const EnergyReport& e) {
    Json avg = Json::object(), joules = Json::object();
    for (const auto& [name, j] : e.categories) {
        avg[name] = e.latencyS > 0 ? j / e.latencyS : 0.0;
        joules[name] = j;
    }
    avg["total"] = e.averagePowerW;
    Json violations = Json::array(), warnings = Json::array();
    for (const auto& v : e.clock.violations) violations.push_back(v);
    for (const auto& w : e.warnings) warnings.push_back(w);
    return Json{{"temperature", e.temperature},
                {"average_w", avg},
                {"energy_j", joules},
                {"card_w", e.cardPowerW},
                {"card_limit_w", e.cardLimitW},
                {"peak_w", e.peakPowerW},
                {"peak_at_s", e.peakAtS},
                {"window_s", e.windowS},
                {"clock", Json{{"fabric_mhz", e.clock.fabricMhz},
                               {"dsp_int_fmax_mhz", e.clock.intFmaxMhz},
                               {"dsp_fp_fmax_mhz", e.clock.fpFmaxMhz},
                               {"within_limits", e.clock.violations.empty()},
                               {"violations", violations}}},
                {"warnings", warnings}};
}

std::string powerSummary(const Json& r) {
    const Json& p = r["power"];
    char buf[320];
    std::string s;
    std::snprintf(buf, sizeof buf, "  power        %.1f W average, %.1f W peak (window at %.3g s); card %.1f W",
                  p["average_w"]["total"].get<double>(), p["peak_w"].get<double>(), p["peak_at_s"].get<double>(),
                  p["card_w"].get<double>());
    s += buf;
    if (p["card_limit_w"].get<double>() > 0) {
        std::snprintf(buf, sizeof buf, " of %.0f W", p["card_limit_w"].get<double>());
        s += buf;
    }
    s += " (" + p["temperature"].get<std::string>() + ")\n";
    static const std::pair<const char*, const char*> kLabels[] = {
        {"static", "static"}, {"fabric_clock", "fabric/clock"}, {"dsp", "DSP"}, {"sfu", "SFU"}, {"su_ru", "SU/RU"},
        {"onchip_memory", "on-chip memory"}, {"noc", "NoC"}, {"hbm", "HBM"}};
    s += "  breakdown   ";
    for (const auto& [key, label] : kLabels) {
        if (!p["average_w"].contains(key)) continue;
        std::snprintf(buf, sizeof buf, " %s %.2f W,", label, p["average_w"][key].get<double>());
        s += buf;
    }
    s.back() = '\n';
    if (r["energy_per_frame_j"].get<double>() > 0) {
        std::snprintf(buf, sizeof buf, "  per frame    %.4g J (%.6g J per video)\n", r["energy_per_frame_j"].get<double>(),
                      r["energy_per_video_j"].get<double>());
        s += buf;
    }
    for (const auto& w : p["warnings"]) s += "  WARNING      " + w.get<std::string>() + "\n";
    return s;
}

}  // namespace vgm::power
