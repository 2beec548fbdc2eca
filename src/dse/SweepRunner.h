#pragma once
// `vgmsim sweep`: plan, pick this shard's points, run each in its own
// `vgmsim run` process, record outcomes, write results and Pareto fronts.
#include <optional>
#include <string>

#include "dse/Plan.h"
#include "dse/Shard.h"

namespace vgm::dse {

struct SweepOptions {
    std::string specPath;
    std::string outDir;  // "" -> out/sweeps/<name>
    unsigned jobs = 1;
    Shard shard;
    bool resume = false;
    std::optional<double> timeoutS;  // overrides the spec's timeout_s
    bool progress = false;
    std::string exe;  // the vgmsim binary the points run
};

struct SweepSummary {
    std::string outDir;
    size_t planned = 0, inShard = 0, skipped = 0, ran = 0;
    size_t ok = 0, failed = 0, filtered = 0, missing = 0;
    bool interrupted = false;
};

// The plan of a spec, with base-config and trace hashes; axis paths the
// config does not know are spec errors.
Plan makePlan(const SweepSpec& spec);

SweepSummary runSweep(const SweepOptions& opt);

// sweep.json: the plan plus which shard this folder holds.
Json sweepJson(const Plan& plan, const Shard& shard);

// Writes results.csv, results.json, pareto.csv for these plan rows.
void writeResults(const std::string& outDir, const Plan& plan, const std::vector<size_t>& rows,
                  SweepSummary* summary = nullptr);

// The last non-empty line of a child's stderr, without "error: ".
std::string lastErrorLine(const std::string& stderrPath);

}  // namespace vgm::dse
