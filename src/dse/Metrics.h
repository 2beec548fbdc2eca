#pragma once
// The report fields a sweep keeps per point (results.csv columns) and the
// objectives a Pareto front may use. A metric is a dotted path into
// report.json ("cycles.total", "resources.dsp", "stats.dsp.busy_cycles").
#include <optional>
#include <string>
#include <vector>

#include "common/Json.h"

namespace vgm::dse {

// Columns of results.csv, in order.
const std::vector<std::string>& resultMetrics();

// The value at a dotted path of a report, if present.
std::optional<Json> metricValue(const Json& report, const std::string& path);

// An objective is a metric, minimized, or "max:<metric>", maximized.
struct Objective {
    std::string metric;
    bool maximize = false;
};
Objective parseObjective(const std::string& text);

// "" when `text` names a known metric (or any stats.* path), else the problem.
std::string checkObjective(const std::string& text);

// The ratio metrics over a GPU baseline (report.json "baseline" section, when
// the points run with --baseline): speedup and energy efficiency, DiT only or
// whole generation, and the GPU's own figures.
const std::vector<std::string>& baselineMetrics();
bool needsBaseline(const std::string& objective);

}  // namespace vgm::dse
