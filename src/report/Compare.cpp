#include "report/Compare.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <sstream>

#include "common/Error.h"
#include "common/Files.h"

namespace vgm::report {

namespace {

// Report counters are plain numbers or {"value": n, ...} objects.
const Json* numberAt(const Json& root, const std::string& path) {
    const Json* j = &root;
    std::istringstream in(path);
    for (std::string key; std::getline(in, key, '.');) {
        if (!j->is_object() || !j->contains(key)) return nullptr;
        j = &(*j)[key];
    }
    if (j->is_object() && j->contains("value")) j = &(*j)["value"];
    return j->is_number() ? j : nullptr;
}

std::optional<double> number(const Json& r, const std::string& path) {
    const Json* j = numberAt(r, path);
    return j ? std::optional<double>(j->get<double>()) : std::nullopt;
}

struct Derived {
    const char* unit;
    std::optional<double> (*fn)(const Json&, const std::string&);
};

std::optional<double> unitBusy(const Json& r, const std::string& unit) {
    auto busy = number(r, "stats.units." + unit + ".busy_cycles"), total = number(r, "cycles.total");
    if (!busy || !total || *total == 0) return std::nullopt;
    return *busy / *total;
}

// Bytes the DMA engines moved to and from HBM per second of simulated time.
std::optional<double> bandwidth(const Json& r, const std::string&) {
    auto lat = number(r, "latency_s");
    if (!lat || *lat == 0 || !r.contains("stats")) return std::nullopt;
    double bytes = 0;
    for (const auto& [name, g] : r["stats"].items())
        if (name.rfind("dma_", 0) == 0)
            for (const char* k : {"bytes_read", "bytes_written"})
                if (auto b = number(g, k)) bytes += *b;
    return bytes / *lat / 1e9;
}

struct MetricDef {
    std::string name, unit;
    bool integer;
};

std::vector<MetricDef> defaultMetrics(const std::vector<Json>& reports) {
    std::vector<MetricDef> m = {{"cycles.total", "cycles", true},      {"latency_s", "s", false},
                                {"average_power_w", "W", false},       {"energy_j", "J", false},
                                {"utilization.dsp", "fraction", false}, {"utilization.hbm", "fraction", false}};
    std::vector<std::string> units;  // union, in first-seen order
    for (const auto& r : reports)
        if (r.contains("stats") && r["stats"].contains("units"))
            for (const auto& [u, _] : r["stats"]["units"].items())
                if (std::find(units.begin(), units.end(), u) == units.end()) units.push_back(u);
    for (const auto& u : units) m.push_back({"busy." + u, "fraction", false});
    m.push_back({"macs.executed", "MACs", true});
    m.push_back({"macs.skipped", "MACs", true});
    m.push_back({"bandwidth_gbs", "GB/s", false});
    return m;
}

std::optional<double> evaluate(const Json& r, const std::string& name) {
    if (name.rfind("busy.", 0) == 0) return unitBusy(r, name.substr(5));
    if (name == "bandwidth_gbs") return bandwidth(r, name);
    return number(r, name);
}

// Per-kind sums from layers.csv (or, without it, the report's "layers").
std::map<std::string, std::array<double, 3>> kindTotals(const std::string& dir, const Json& report) {
    std::map<std::string, std::array<double, 3>> out;  // busy cycles, MACs skipped, operators
    const std::string csv = dir + "/layers.csv";
    if (std::filesystem::exists(csv)) {
        std::istringstream in(readTextFile(csv));
        std::string line;
        std::getline(in, line);
        std::vector<std::string> head;
        std::istringstream h(line);
        for (std::string c; std::getline(h, c, ',');) head.push_back(c);
        auto col = [&](const std::string& name) {
            for (size_t i = 0; i < head.size(); ++i)
                if (head[i] == name) return i;
            throwInput(csv, "line 1", "has no column '" + name + "'; allowed: a layers.csv written by vgmsim run");
        };
        const size_t kind = col("kind"), a = col("dsp_sfu_busy_cycles"), b = col("dma_busy_cycles"),
                     c = col("su_ru_busy_cycles"), s = col("macs_skipped");
        for (size_t n = 2; std::getline(in, line); ++n) {
            std::vector<std::string> f;
            std::istringstream ls(line);
            for (std::string x; std::getline(ls, x, ',');) f.push_back(x);
            if (f.size() != head.size())
                throwInput(csv, "line " + std::to_string(n),
                           "has " + std::to_string(f.size()) + " fields; allowed: " + std::to_string(head.size()));
            auto& t = out[f[kind]];
            t[0] += std::stod(f[a]) + std::stod(f[b]) + std::stod(f[c]);
            t[1] += std::stod(f[s]);
            t[2] += 1;
        }
    } else if (report.contains("layers")) {
        for (const auto& l : report["layers"]) {
            auto& t = out[l["kind"].get<std::string>()];
            t[0] += l["dsp_sfu_busy_cycles"].get<double>() + l["dma_busy_cycles"].get<double>() +
                    l["su_ru_busy_cycles"].get<double>();
            t[1] += l["macs_skipped"].get<double>();
            t[2] += 1;
        }
    }
    return out;
}

}  // namespace

std::optional<double> ratioToFirst(const std::vector<std::optional<double>>& values, size_t i) {
    if (values.empty() || !values[0] || !values[i] || *values[0] == 0) return std::nullopt;
    return *values[i] / *values[0];
}

Comparison compareRuns(const std::vector<std::string>& dirs, const std::vector<std::string>& metrics) {
    if (dirs.size() < 2) throw InputError("vgmsim compare: " + std::to_string(dirs.size()) +
                                          " run folder(s) given; allowed: two or more RUN_DIRs");
    Comparison c;
    std::vector<Json> reports;
    for (const auto& d : dirs) {
        const std::string file = d + "/report.json";
        if (!std::filesystem::exists(file))
            throwInput(d, "", "has no report.json; allowed: a folder written by vgmsim run (or a sweep point)");
        Json r;
        try {
            r = Json::parse(readTextFile(file));
        } catch (const Json::exception& e) {
            throwInput(file, "", std::string("is not valid JSON (") + e.what() + "); allowed: a vgmsim report");
        }
        if (!r.contains("cycles") || !r.contains("config"))
            throwInput(file, "", "is not a vgmsim run report; allowed: report.json written by vgmsim run");
        CompareRun run{d, r["config"].value("name", ""), r.contains("trace") ? r["trace"].value("name", "") : "", {}};
        if (r["config"].contains("overrides")) run.overrides = r["config"]["overrides"].get<std::vector<std::string>>();
        c.runs.push_back(run);
        reports.push_back(std::move(r));
    }
    std::vector<MetricDef> defs;
    if (metrics.empty()) {
        defs = defaultMetrics(reports);
    } else {
        const std::vector<MetricDef> known = defaultMetrics(reports);  // their units, when asked by name
        for (const auto& m : metrics) {
            MetricDef d{m, m.rfind("busy.", 0) == 0 ? "fraction" : "", false};
            for (const auto& k : known)
                if (k.name == m) d = k;
            defs.push_back(d);
        }
    }
    for (const auto& d : defs) {
        CompareRow row{d.name, d.unit, {}, d.integer};
        bool any = false;
        for (const auto& r : reports) {
            row.values.push_back(evaluate(r, d.name));
            any = any || row.values.back().has_value();
            if (!metrics.empty() && row.values.back()) {
                const Json* j = numberAt(r, d.name);
                row.integer = j && j->is_number_integer();
            }
        }
        if (!any && !metrics.empty())
            throw InputError("vgmsim compare: --metric " + d.name +
                             ": not a number in any of the reports; allowed: a numeric report path "
                             "(cycles.total, latency_s, energy.sfu, stats.sparsity.rows_skipped, ...), busy.<unit> "
                             "or bandwidth_gbs");
        c.metrics.push_back(std::move(row));
    }
    std::map<std::string, KindRow> kinds;
    for (size_t i = 0; i < dirs.size(); ++i)
        for (const auto& [kind, t] : kindTotals(dirs[i], reports[i])) {
            KindRow& k = kinds[kind];
            k.kind = kind;
            k.busyCycles.resize(dirs.size()), k.macsSkipped.resize(dirs.size()), k.operators.resize(dirs.size());
            k.busyCycles[i] = t[0], k.macsSkipped[i] = t[1], k.operators[i] = t[2];
        }
    for (auto& [_, k] : kinds) c.kinds.push_back(std::move(k));
    return c;
}

}  // namespace vgm::report
