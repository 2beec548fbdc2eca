#include "dse/Metrics.h"

#include "common/Suggest.h"

namespace vgm::dse {

const std::vector<std::string>& resultMetrics() {
    static const std::vector<std::string> m = {"cycles.total",
                                               "cycles.compute",
                                               "cycles.memory_stall",
                                               "cycles.sparsity_overhead",
                                               "cycles.idle",
                                               "latency_s",
                                               "energy_j",
                                               "average_power_w",
                                               "power.card_w",
                                               "power.peak_w",
                                               "utilization.dsp",
                                               "utilization.hbm",
                                               "macs.dense",
                                               "macs.executed",
                                               "macs.skipped",
                                               "resources.dsp",
                                               "resources.lut",
                                               "resources.ff",
                                               "resources.bram36",
                                               "resources.uram",
                                               "resources.fits"};
    return m;
}

std::optional<Json> metricValue(const Json& report, const std::string& path) {
    const Json* node = &report;
    size_t start = 0;
    while (true) {
        size_t dot = path.find('.', start);
        std::string key = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (!node->is_object() || !node->contains(key)) return std::nullopt;
        node = &(*node)[key];
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    if (node->is_object() || node->is_array()) return std::nullopt;
    return *node;
}

Objective parseObjective(const std::string& text) {
    if (text.rfind("max:", 0) == 0) return {text.substr(4), true};
    return {text, false};
}

const std::vector<std::string>& baselineMetrics() {
    static const std::vector<std::string> m = {"baseline.speedup_dit",       "baseline.energy_efficiency_dit",
                                               "baseline.speedup_total",     "baseline.energy_efficiency_total",
                                               "baseline.gpu_dit_latency_s", "baseline.gpu_total_latency_s",
                                               "baseline.gpu_energy_j",      "baseline.design.total_latency_s",
                                               "baseline.design.energy_j"};
    return m;
}

bool needsBaseline(const std::string& objective) {
    return parseObjective(objective).metric.rfind("baseline.", 0) == 0;
}

std::string checkObjective(const std::string& text) {
    const std::string metric = parseObjective(text).metric;
    if (metric.rfind("stats.", 0) == 0 && metric.size() > 6) return "";
    std::vector<std::string> known = resultMetrics();
    known.insert(known.end(), baselineMetrics().begin(), baselineMetrics().end());
    for (const auto& m : known)
        if (m == metric) return "";
    return "unknown objective '" + metric + "'" + didYouMean(metric, known) + "; allowed: " + joinNames(known) +
           ", any stats.* path, each optionally prefixed max:";
}

}  // namespace vgm::dse
