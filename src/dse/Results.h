#pragma once
// Sweep results: one row per point, built only from the plan and what each
// point's folder holds (report.json or status.json). Nothing here depends on
// timing or on which machine or shard ran a point, so an unsharded sweep, a
// merge of shards and a resumed sweep all write byte-identical files.
#include <optional>
#include <string>
#include <vector>

#include "common/Json.h"
#include "dse/Plan.h"

namespace vgm::dse {

struct Row {
    const Point* point = nullptr;
    std::string status;  // ok, failed, timeout, crashed, filtered, missing
    std::string error;
    std::vector<std::optional<Json>> metrics;  // parallel to Results::metrics
};

struct Results {
    std::vector<std::string> metrics;  // resultMetrics() plus extra objectives
    std::vector<Row> rows;

    size_t count(const std::string& status) const;
};

// DIR/points/<id>/
std::string pointDir(const std::string& outDir, const Point& p);

// The point's report, when report.json is complete (whole, parsable, with a
// schema and cycles); a crash or kill never leaves a half file (atomic
// rename), but a foreign or truncated file is treated as absent.
std::optional<Json> completeReport(const std::string& dir);

// What happened to a point that did not produce a report.
void writeStatus(const std::string& dir, const std::string& status, const std::string& error);

Results collectResults(const Plan& plan, const std::vector<size_t>& rows, const std::string& outDir);

std::string resultsCsv(const Plan& plan, const Results& r);
Json resultsJson(const Plan& plan, const Results& r);

// The cell text of a value: numbers as JSON writes them (shortest exact form).
std::string cellText(const Json& v);
std::string csvEscape(const std::string& s);

}  // namespace vgm::dse
