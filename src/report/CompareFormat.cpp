// The three renderings of a Comparison: aligned text, long-format CSV, JSON.
#include <algorithm>
#include <cstdio>

#include "report/Compare.h"

namespace vgm::report {

namespace {

std::string grouped(double v) {  // 1234567 -> "1,234,567"
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    std::string d = buf, out;
    const size_t sign = d[0] == '-' ? 1 : 0;
    for (size_t i = 0; i < d.size(); ++i) {
        if (i > sign && (d.size() - i) % 3 == 0) out += ',';
        out += d[i];
    }
    return out;
}

std::string value(const std::optional<double>& v, bool integer) {
    if (!v) return "-";
    if (integer) return grouped(*v);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.6g", *v);
    return buf;
}

std::string ratioText(const std::optional<double>& r) {
    if (!r) return "";
    char buf[40];
    std::snprintf(buf, sizeof buf, " (x%.4f)", *r);
    return buf;
}

std::string deltaText(double first, double v) {
    if (first == 0) return v == 0 ? " (0%)" : " (new)";
    char buf[40];
    std::snprintf(buf, sizeof buf, " (%+.1f%%)", (v - first) / first * 100.0);
    return buf;
}

std::string number(double v) {  // CSV/JSON-style: integers without exponent
    char buf[40];
    if (v == static_cast<double>(static_cast<long long>(v)) && std::abs(v) < 9e15)
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
    else
        std::snprintf(buf, sizeof buf, "%.9g", v);
    return buf;
}

std::string table(const std::vector<std::vector<std::string>>& rows) {
    std::vector<size_t> w;
    for (const auto& r : rows) {
        w.resize(std::max(w.size(), r.size()), 0);
        for (size_t k = 0; k < r.size(); ++k) w[k] = std::max(w[k], r[k].size());
    }
    std::string out;
    for (const auto& r : rows) {
        std::string line = " ";
        for (size_t k = 0; k < r.size(); ++k) {
            const std::string pad(w[k] - r[k].size(), ' ');
            line += "  " + (k < 2 ? r[k] + pad : pad + r[k]);  // names left, numbers right
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

std::string join(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " ") + x;
    return s.empty() ? "(none)" : s;
}

}  // namespace

std::string compareText(const Comparison& c) {
    std::string out = "vgmsim compare: " + std::to_string(c.runs.size()) + " runs, ratios to run 1\n";
    for (size_t i = 0; i < c.runs.size(); ++i)
        out += "  run " + std::to_string(i + 1) + "  " + c.runs[i].dir + "  (" + c.runs[i].config + " x " +
               c.runs[i].trace + "; --set " + join(c.runs[i].overrides) + ")\n";
    std::vector<std::vector<std::string>> rows = {{"metric", "unit"}};
    for (size_t i = 0; i < c.runs.size(); ++i) rows[0].push_back("run " + std::to_string(i + 1));
    for (const auto& m : c.metrics) {
        std::vector<std::string> r = {m.name, m.unit};
        for (size_t i = 0; i < m.values.size(); ++i)
            r.push_back(value(m.values[i], m.integer) + (i ? ratioText(ratioToFirst(m.values, i)) : ""));
        rows.push_back(r);
    }
    out += "\n" + table(rows);
    if (c.kinds.empty()) return out;
    out += "\nper operator kind: busy cycles of all units (change vs run 1), MACs skipped\n";
    rows = {{"kind", "operators"}};
    for (size_t i = 0; i < c.runs.size(); ++i) rows[0].push_back("busy run " + std::to_string(i + 1));
    for (size_t i = 0; i < c.runs.size(); ++i) rows[0].push_back("skipped run " + std::to_string(i + 1));
    for (const auto& k : c.kinds) {
        std::vector<std::string> r = {k.kind, grouped(*std::max_element(k.operators.begin(), k.operators.end()))};
        for (size_t i = 0; i < k.busyCycles.size(); ++i)
            r.push_back(grouped(k.busyCycles[i]) + (i ? deltaText(k.busyCycles[0], k.busyCycles[i]) : ""));
        for (size_t i = 0; i < k.macsSkipped.size(); ++i)
            r.push_back(grouped(k.macsSkipped[i]) + (i ? deltaText(k.macsSkipped[0], k.macsSkipped[i]) : ""));
        rows.push_back(r);
    }
    return out + table(rows);
}

std::string compareTextByRun(const Comparison& c) {
    std::vector<std::vector<std::string>> rows = {{"run", "--set"}};
    for (const auto& m : c.metrics) rows[0].push_back(m.name);
    for (size_t i = 0; i < c.runs.size(); ++i) {
        std::vector<std::string> r = {c.runs[i].dir, join(c.runs[i].overrides)};
        for (const auto& m : c.metrics)
            r.push_back(value(m.values[i], m.integer) + (i ? ratioText(ratioToFirst(m.values, i)) : ""));
        rows.push_back(r);
    }
    return "vgmsim compare: " + std::to_string(c.runs.size()) + " runs, ratios to the first\n\n" + table(rows);
}

std::string compareMarkdown(const Comparison& c) {
    std::string out = "| run | --set |";
    for (const auto& m : c.metrics) out += " " + m.name + (m.unit.empty() ? "" : " (" + m.unit + ")") + " |";
    out += "\n|---|---|";
    for (size_t k = 0; k < c.metrics.size(); ++k) out += "---|";
    for (size_t i = 0; i < c.runs.size(); ++i) {
        out += "\n| " + c.runs[i].dir + " | " + join(c.runs[i].overrides) + " |";
        for (const auto& m : c.metrics)
            out += " " + value(m.values[i], m.integer) + (i ? ratioText(ratioToFirst(m.values, i)) : "") + " |";
    }
    return out + "\n";
}

std::string compareCsv(const Comparison& c) {
    std::string out = "section,name,unit,run,value,ratio_to_first\n";
    auto row = [&](const std::string& sec, const std::string& name, const std::string& unit,
                   const std::vector<std::optional<double>>& v) {
        for (size_t i = 0; i < v.size(); ++i) {
            auto r = ratioToFirst(v, i);
            out += sec + "," + name + "," + unit + "," + c.runs[i].dir + "," + (v[i] ? number(*v[i]) : "") + "," +
                   (r ? number(*r) : "") + "\n";
        }
    };
    for (const auto& m : c.metrics) row("metric", m.name, m.unit, m.values);
    for (const auto& k : c.kinds) {
        row("kind", k.kind + ".busy_cycles", "cycles", {k.busyCycles.begin(), k.busyCycles.end()});
        row("kind", k.kind + ".macs_skipped", "MACs", {k.macsSkipped.begin(), k.macsSkipped.end()});
    }
    return out;
}

Json compareJson(const Comparison& c) {
    Json j;
    j["runs"] = Json::array();
    for (const auto& r : c.runs)
        j["runs"].push_back(Json{{"dir", r.dir}, {"config", r.config}, {"trace", r.trace}, {"overrides", r.overrides}});
    auto arr = [](const std::vector<std::optional<double>>& v) {
        Json a = Json::array();
        for (const auto& x : v) a.push_back(x ? Json(*x) : Json(nullptr));
        return a;
    };
    auto ratios = [&](const std::vector<std::optional<double>>& v) {
        std::vector<std::optional<double>> r;
        for (size_t i = 0; i < v.size(); ++i) r.push_back(ratioToFirst(v, i));
        return arr(r);
    };
    j["metrics"] = Json::array();
    for (const auto& m : c.metrics)
        j["metrics"].push_back(
            Json{{"name", m.name}, {"unit", m.unit}, {"values", arr(m.values)}, {"ratios", ratios(m.values)}});
    j["kinds"] = Json::array();
    for (const auto& k : c.kinds) {
        std::vector<std::optional<double>> busy(k.busyCycles.begin(), k.busyCycles.end());
        j["kinds"].push_back(Json{{"kind", k.kind},
                                  {"operators", k.operators},
                                  {"busy_cycles", k.busyCycles},
                                  {"busy_ratios", ratios(busy)},
                                  {"macs_skipped", k.macsSkipped}});
    }
    return j;
}

}  // namespace vgm::report
