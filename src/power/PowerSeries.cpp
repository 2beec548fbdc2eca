#include "power/PowerSeries.h"

#include <cstdio>

namespace vgm::power {

namespace {

using stats::Activity;

size_t categoryIndex(const EnergyReport& e, const std::string& name) {
    for (size_t c = 0; c < e.categories.size(); ++c)
        if (e.categories[c].first == name) return c;
    return e.categories.size();
}

std::string fmtW(const char* label, double w) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %.1f W", label, w);
    return buf;
}

}  // namespace

void addPowerSeries(const config::Config& cfg, const stats::RunResult& run, const ResourceEstimate& res,
                    EnergyReport& e) {
    const size_t n = e.categories.size();
    const double hz = cfg.root()["clock"].real("fabric_mhz") * 1e6;
    const Activity& a = run.activity;
    e.cardLimitW = cfg.root()["power"][res.device.part].real("card_limit_w");
    const double vrm = cfg.root()["power"].real("vrm_efficiency");
    if (a.windowCycles && run.totalCycles) {
        e.windowS = double(a.windowCycles) / hz;
        const size_t windows = size_t((run.totalCycles + a.windowCycles - 1) / a.windowCycles);
        // Event energy of each category (total minus its constant part) and the activity column it follows.
        auto eventJ = [&](const char* name) {
            const size_t c = categoryIndex(e, name);
            return e.categories[c].second - e.constantW[c].second * e.latencyS;
        };
        struct Share { size_t cat, col; double joules, activity = 0; };
        std::vector<Share> shares = {{categoryIndex(e, "sfu"), Activity::kSfu, eventJ("sfu")},
                                     {categoryIndex(e, "su_ru"), Activity::kSuRu, eventJ("su_ru")},
                                     {categoryIndex(e, "onchip_memory"), Activity::kAll, eventJ("onchip_memory")},
                                     {categoryIndex(e, "noc"), Activity::kDma, eventJ("noc")},
                                     {categoryIndex(e, "hbm"), Activity::kDma, eventJ("hbm")}};
        for (auto& s : shares)
            for (const auto& w : a.windows) s.activity += w[s.col];
        double dspPj[Activity::kDspColumns];
        for (size_t k = 0; k < Activity::kDspColumns; ++k) dspPj[k] = dspMacPj(cfg, k / 4, k % 4);
        const size_t dsp = categoryIndex(e, "dsp");
        e.windows.assign(windows, std::vector<double>(n, 0.0));
        for (size_t w = 0; w < windows; ++w) {
            const uint64_t start = w * a.windowCycles, end = std::min(run.totalCycles, start + a.windowCycles);
            const double seconds = double(end - start) / hz;
            std::vector<double>& out = e.windows[w];
            for (size_t c = 0; c < n; ++c) out[c] = e.constantW[c].second;
            if (w >= a.windows.size()) continue;
            const auto& act = a.windows[w];
            for (size_t k = 0; k < Activity::kDspColumns; ++k) out[dsp] += act[k] * dspPj[k] * 1e-12 / seconds;
            for (const auto& s : shares)
                if (s.activity > 0) out[s.cat] += s.joules * (act[s.col] / s.activity) / seconds;
            // Work without activity (a category whose units were never busy) stays in the average only.
        }
        for (size_t w = 0; w < windows; ++w) {
            double total = 0;
            for (double x : e.windows[w]) total += x;
            if (total > e.peakPowerW) e.peakPowerW = total, e.peakAtS = double(w) * e.windowS;
        }
    }
    if (e.peakPowerW < e.averagePowerW) e.peakPowerW = e.averagePowerW;
    if (e.cardLimitW > 0) {
        char limit[48];
        std::snprintf(limit, sizeof limit, "%.0f W", e.cardLimitW);
        if (e.cardPowerW > e.cardLimitW)
            e.warnings.push_back(fmtW("average card power", e.cardPowerW) + " exceeds the " + res.device.part +
                                 " card limit " + limit);
        else if (e.peakPowerW / vrm > e.cardLimitW) {
            char at[48];
            std::snprintf(at, sizeof at, " (window at %.6g s)", e.peakAtS);
            e.warnings.push_back(fmtW("peak card power", e.peakPowerW / vrm) + at + " exceeds the " +
                                 res.device.part + " card limit " + limit);
        }
    }
}

std::string powerCsv(const EnergyReport& e) {
    std::string out = "start_ms";
    for (const auto& [name, j] : e.categories) out += "," + name + "_w";
    out += ",total_w\n";
    char buf[48];
    for (size_t w = 0; w < e.windows.size(); ++w) {
        std::snprintf(buf, sizeof buf, "%.6f", double(w) * e.windowS * 1e3);
        out += buf;
        double total = 0;
        for (double x : e.windows[w]) {
            std::snprintf(buf, sizeof buf, ",%.6g", x);
            out += buf;
            total += x;
        }
        std::snprintf(buf, sizeof buf, ",%.6g\n", total);
        out += buf;
    }
    return out;
}

}  // namespace vgm::power
