#include "dse/Results.h"

#include <filesystem>

#include "common/Files.h"
#include "common/JsonParse.h"
#include "dse/JsonIn.h"
#include "dse/Metrics.h"

namespace vgm::dse {

size_t Results::count(const std::string& status) const {
    size_t n = 0;
    for (const auto& r : rows) n += r.status == status;
    return n;
}

std::string pointDir(const std::string& outDir, const Point& p) {
    return outDir + "/points/" + p.id;
}

static std::optional<Json> readJson(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    try {
        return parseJsonInput(readTextFile(path), path);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

std::optional<Json> completeReport(const std::string& dir) {
    auto r = readJson(dir + "/report.json");
    if (!r || !r->is_object() || !r->contains("schema") || !r->contains("cycles")) return std::nullopt;
    return r;
}

void writeStatus(const std::string& dir, const std::string& status, const std::string& error) {
    writeFileAtomic(dir + "/status.json", dumpJson(Json{{"status", status}, {"error", error}}));
}

// A status.json as writeStatus leaves it; anything else (edited, another
// tool's) is an input error, not a row with a garbled status.
static void readStatus(const Json& doc, const std::string& file, Row& row) {
    JsonIn in(doc, file);
    in.expectKeys({"status", "error"});
    row.status = in["status"].str();
    if (row.status != "failed" && row.status != "timeout" && row.status != "crashed")
        in["status"].fail("'" + row.status + "' is not a status; allowed: failed, timeout, crashed");
    row.error = in.str("error", "");
}

Results collectResults(const Plan& plan, const std::vector<size_t>& rows, const std::string& outDir) {
    Results res;
    res.metrics = resultMetrics();
    for (const auto& set : plan.objectives)
        for (const auto& o : set) {
            std::string m = parseObjective(o).metric;
            bool have = false;
            for (const auto& x : res.metrics) have = have || x == m;
            if (!have) res.metrics.push_back(m);
        }
    for (size_t i : rows) {
        const Point& p = plan.points[i];
        Row row;
        row.point = &p;
        row.metrics.resize(res.metrics.size());
        if (p.state == PointState::Filtered) {
            row.status = "filtered";
            row.error = p.note;
        } else if (auto rep = completeReport(pointDir(outDir, p))) {
            row.status = "ok";
            for (size_t m = 0; m < res.metrics.size(); ++m) row.metrics[m] = metricValue(*rep, res.metrics[m]);
        } else if (auto st = readJson(pointDir(outDir, p) + "/status.json")) {
            readStatus(*st, pointDir(outDir, p) + "/status.json", row);
        } else {
            row.status = "missing";
        }
        res.rows.push_back(std::move(row));
    }
    return res;
}

std::string cellText(const Json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string csvEscape(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string resultsCsv(const Plan& plan, const Results& r) {
    std::string out = "id,trace";
    for (const auto& c : plan.columns) out += "," + csvEscape(c);
    out += ",status";
    for (const auto& m : r.metrics) out += "," + csvEscape(m);
    out += ",error\n";
    for (const auto& row : r.rows) {
        out += row.point->id + "," + csvEscape(row.point->trace);
        for (const auto& [path, value] : row.point->sets) out += "," + csvEscape(cellText(value));
        out += "," + row.status;
        for (const auto& m : row.metrics) out += "," + (m ? csvEscape(cellText(*m)) : std::string());
        out += "," + csvEscape(row.error) + "\n";
    }
    return out;
}

Json resultsJson(const Plan& plan, const Results& r) {
    Json points = Json::array();
    for (const auto& row : r.rows) {
        Json set = Json::object(), metrics = Json::object();
        for (const auto& [path, value] : row.point->sets) set[path] = value;
        for (size_t m = 0; m < r.metrics.size(); ++m)
            if (row.metrics[m]) metrics[r.metrics[m]] = *row.metrics[m];
        Json j{{"id", row.point->id}, {"trace", row.point->trace}, {"set", set}, {"status", row.status}};
        if (!row.error.empty()) j["error"] = row.error;
        j["metrics"] = metrics;
        points.push_back(std::move(j));
    }
    Json counts = Json::object();
    for (const char* s : {"ok", "failed", "timeout", "crashed", "filtered", "missing"}) counts[s] = r.count(s);
    return Json{{"schema", "vgmsim-sweep-results/1"},
                {"name", plan.name},
                {"spec_hash", plan.specHash},
                {"counts", counts},
                {"points", points}};
}

}  // namespace vgm::dse
