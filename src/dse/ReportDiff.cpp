#include "dse/ReportDiff.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vgm::dse {

namespace {

std::string brief(const Json& j) {
    std::string s = j.is_string() ? j.get<std::string>() : j.dump();
    return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}

std::string deltaText(const Json& a, const Json& b) {
    if (!a.is_number() || !b.is_number()) return "";
    double x = a.get<double>(), y = b.get<double>();
    if (x == 0) return y == 0 ? "0%" : "new";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.3f%%", (y - x) / std::fabs(x) * 100.0);
    return buf;
}

bool sameValue(const Json& a, const Json& b, double relTol) {
    if (a.is_number_float() || b.is_number_float()) {
        if (!a.is_number() || !b.is_number()) return false;
        double x = a.get<double>(), y = b.get<double>();
        return std::fabs(x - y) <= relTol * std::max(std::fabs(x), std::fabs(y));
    }
    return a == b;  // integers, strings, booleans, null: exact
}

struct Walker {
    double relTol;
    const std::vector<std::string>& ignore;
    std::vector<FieldChange> out;

    void walk(const Json& a, const Json& b, const std::string& path) {
        if (std::find(ignore.begin(), ignore.end(), path) != ignore.end()) return;
        if (a.is_object() && b.is_object()) {
            for (auto it = a.begin(); it != a.end(); ++it) {
                std::string sub = path.empty() ? it.key() : path + "." + it.key();
                if (b.contains(it.key()))
                    walk(it.value(), b[it.key()], sub);
                else if (std::find(ignore.begin(), ignore.end(), sub) == ignore.end())
                    out.push_back({sub, brief(it.value()), "(absent)", ""});
            }
            for (auto it = b.begin(); it != b.end(); ++it)
                if (!a.contains(it.key())) {
                    std::string sub = path.empty() ? it.key() : path + "." + it.key();
                    if (std::find(ignore.begin(), ignore.end(), sub) == ignore.end())
                        out.push_back({sub, "(absent)", brief(it.value()), ""});
                }
            return;
        }
        if (a.is_array() && b.is_array()) {
            const size_t n = std::min(a.size(), b.size());
            for (size_t i = 0; i < n; ++i) walk(a[i], b[i], path + "[" + std::to_string(i) + "]");
            if (a.size() != b.size())
                out.push_back({path + ".length", std::to_string(a.size()), std::to_string(b.size()),
                               deltaText(Json(a.size()), Json(b.size()))});
            return;
        }
        if (!sameValue(a, b, relTol)) out.push_back({path, brief(a), brief(b), deltaText(a, b)});
    }
};

}  // namespace

std::vector<FieldChange> diffReports(const Json& expected, const Json& actual, double relTol,
                                     const std::vector<std::string>& ignore) {
    Walker w{relTol, ignore, {}};
    w.walk(expected, actual, "");
    return w.out;
}

std::string changeTable(const std::vector<CaseChanges>& cases, size_t maxRows) {
    std::vector<std::vector<std::string>> rows = {{"case", "field", "old", "new", "delta"}};
    std::vector<std::string> notes;  // "... N more" lines, keyed by row index
    std::vector<size_t> noteAt;
    for (const auto& c : cases) {
        for (size_t i = 0; i < c.changes.size() && i < maxRows; ++i) {
            const auto& f = c.changes[i];
            rows.push_back({c.name, f.field, f.oldText, f.newText, f.delta});
        }
        if (c.changes.size() > maxRows) {
            noteAt.push_back(rows.size());
            notes.push_back("  ... " + std::to_string(c.changes.size() - maxRows) + " more changed fields in " +
                            c.name);
        }
    }
    std::vector<size_t> width(5, 0);
    for (const auto& r : rows)
        for (size_t k = 0; k < 5; ++k) width[k] = std::max(width[k], r[k].size());
    std::string out;
    size_t note = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
        while (note < noteAt.size() && noteAt[note] == i) out += notes[note++] + "\n";
        std::string line = " ";
        for (size_t k = 0; k < 5; ++k) {
            std::string cell = rows[i][k];
            // Numbers right-aligned, names left-aligned.
            bool right = k >= 2;
            std::string pad(width[k] - cell.size(), ' ');
            line += std::string(k ? "  " : " ") + (right ? pad + cell : cell + pad);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
        if (i == 0) {
            std::string rule = " ";
            for (size_t k = 0; k < 5; ++k) rule += std::string(k ? "  " : " ") + std::string(width[k], '-');
            out += rule + "\n";
        }
    }
    while (note < noteAt.size()) out += notes[note++] + "\n";
    return out;
}

}  // namespace vgm::dse
