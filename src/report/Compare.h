#pragma once
// `vgmsim compare`: the headline figures of several run folders side by
// side, each as a ratio to the first run, and per-operator-kind deltas
// (busy cycles and MACs skipped, summed from layers.csv).
#include <optional>
#include <string>
#include <vector>

#include "common/Json.h"

namespace vgm::report {

struct CompareRun {
    std::string dir, config, trace;
    std::vector<std::string> overrides;
};

struct CompareRow {
    std::string name, unit;
    std::vector<std::optional<double>> values;  // one per run; empty when the run lacks it
    bool integer = false;
};

struct KindRow {
    std::string kind;
    std::vector<double> busyCycles, macsSkipped, operators;  // one per run (0 when absent)
};

struct Comparison {
    std::vector<CompareRun> runs;
    std::vector<CompareRow> metrics;
    std::vector<KindRow> kinds;
};

// The default metrics: cycles, latency, power, energy, DSP and HBM
// utilisation, each unit's busy share, MACs executed and skipped, DMA
// bandwidth. `metrics` replaces them: report paths ("stats.sparsity.ru_rows")
// or the derived names "busy.<unit>" and "bandwidth_gbs".
// Throws InputError naming the folder or metric when one cannot be read.
Comparison compareRuns(const std::vector<std::string>& dirs, const std::vector<std::string>& metrics = {});

// value / first run's value; nullopt when either is missing or the first is 0.
std::optional<double> ratioToFirst(const std::vector<std::optional<double>>& values, size_t i);

std::string compareText(const Comparison& c);
// One row per run, one column per metric (for many runs, e.g. ablations).
std::string compareTextByRun(const Comparison& c);
// The same as a GitHub Markdown table (README ablation tables).
std::string compareMarkdown(const Comparison& c);
// Long format: section,name,unit,run,value,ratio_to_first (section: metric | kind).
std::string compareCsv(const Comparison& c);
Json compareJson(const Comparison& c);

}  // namespace vgm::report
