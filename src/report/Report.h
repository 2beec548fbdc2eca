#pragma once
// The run report (schema "vgmsim-report/2"): fixed top-level fields, the
// stats tree and one row per operator. Key order and number formatting are
// stable, so the same inputs give byte-identical files.
#include <string>

#include "common/Json.h"
#include "config/Config.h"
#include "power/Energy.h"
#include "power/Resources.h"
#include "stats/RunResult.h"
#include "workload/Trace.h"

namespace vgm::report {

inline constexpr const char* kSchema = "vgmsim-report/2";

struct ReportInputs {
    const config::Config& cfg;
    const workload::Trace& trace;
    const stats::RunResult& run;
    const power::EnergyReport& energy;
    const power::ResourceEstimate& resources;
};

Json buildReport(const ReportInputs& in);

// layers.csv: the same per-operator rows as report.json "layers".
std::string layersCsv(const stats::RunResult& run);

// The few lines `vgmsim run` prints.
std::string summaryText(const Json& report, const std::string& outDir);

// Writes DIR/report.json, DIR/layers.csv, DIR/config.resolved.json atomically.
void writeRunOutputs(const std::string& dir, const Json& report, const std::string& csv, const config::Config& cfg);

}  // namespace vgm::report
