#include "dse/Pareto.h"

#include <algorithm>

#include "dse/Metrics.h"

namespace vgm::dse {

std::vector<size_t> paretoFront(const std::vector<std::vector<double>>& values, const std::vector<bool>& maximize) {
    auto cost = [&](size_t i, size_t k) { return maximize[k] ? -values[i][k] : values[i][k]; };
    auto dominates = [&](size_t a, size_t b) {
        bool strictly = false;
        for (size_t k = 0; k < maximize.size(); ++k) {
            if (cost(a, k) > cost(b, k)) return false;
            strictly = strictly || cost(a, k) < cost(b, k);
        }
        return strictly;
    };
    std::vector<size_t> front;
    for (size_t i = 0; i < values.size(); ++i) {
        bool beaten = false;
        for (size_t j = 0; j < values.size() && !beaten; ++j) beaten = j != i && dominates(j, i);
        if (!beaten) front.push_back(i);
    }
    std::stable_sort(front.begin(), front.end(), [&](size_t a, size_t b) {
        for (size_t k = 0; k < maximize.size(); ++k)
            if (cost(a, k) != cost(b, k)) return cost(a, k) < cost(b, k);
        return a < b;
    });
    return front;
}

std::string frontName(const std::vector<std::string>& objectives) {
    std::string s;
    for (const auto& o : objectives) s += (s.empty() ? "" : "|") + o;
    return s;
}

static size_t metricIndex(const Results& r, const std::string& m) {
    return static_cast<size_t>(std::find(r.metrics.begin(), r.metrics.end(), m) - r.metrics.begin());
}

std::string paretoCsv(const Plan& plan, const Results& r) {
    std::vector<std::string> cols;  // every metric any front uses, first use first
    for (const auto& set : plan.objectives)
        for (const auto& o : set) {
            std::string m = parseObjective(o).metric;
            if (std::find(cols.begin(), cols.end(), m) == cols.end()) cols.push_back(m);
        }
    std::vector<std::string> traces;
    for (const auto& row : r.rows)
        if (std::find(traces.begin(), traces.end(), row.point->trace) == traces.end())
            traces.push_back(row.point->trace);

    std::string out = "front,trace,id";
    for (const auto& c : cols) out += "," + csvEscape(c);
    for (const auto& c : plan.columns) out += "," + csvEscape(c);
    out += "\n";
    for (const auto& set : plan.objectives) {
        std::vector<size_t> idx;
        std::vector<bool> maximize;
        for (const auto& o : set) {
            Objective ob = parseObjective(o);
            idx.push_back(metricIndex(r, ob.metric));
            maximize.push_back(ob.maximize);
        }
        for (const auto& trace : traces) {
            std::vector<const Row*> cand;
            std::vector<std::vector<double>> values;
            for (const auto& row : r.rows) {
                if (row.status != "ok" || row.point->trace != trace) continue;
                std::vector<double> v;
                for (size_t k : idx)
                    if (k < row.metrics.size() && row.metrics[k] && row.metrics[k]->is_number())
                        v.push_back(row.metrics[k]->get<double>());
                if (v.size() != idx.size()) continue;  // a missing objective keeps a point off the front
                cand.push_back(&row);
                values.push_back(std::move(v));
            }
            for (size_t f : paretoFront(values, maximize)) {
                const Row& row = *cand[f];
                out += csvEscape(frontName(set)) + "," + csvEscape(trace) + "," + row.point->id;
                for (const auto& c : cols) {
                    size_t k = metricIndex(r, c);
                    out += "," + (row.metrics[k] ? csvEscape(cellText(*row.metrics[k])) : std::string());
                }
                for (const auto& [path, value] : row.point->sets) out += "," + csvEscape(cellText(value));
                out += "\n";
            }
        }
    }
    return out;
}

}  // namespace vgm::dse
