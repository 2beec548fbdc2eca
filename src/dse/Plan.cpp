#include "dse/Plan.h"

#include <cstdio>

#include "common/Error.h"
#include "common/Hash.h"
#include "dse/JsonIn.h"

namespace vgm::dse {

std::string stateName(PointState s) {
    return s == PointState::Run ? "run" : "filtered";
}

std::vector<std::string> Point::setArgs() const {
    std::vector<std::string> out;
    for (const auto& [path, value] : sets) out.push_back(path + "=" + value.dump());
    return out;
}

std::string pointId(size_t index, size_t total, const std::string& trace,
                    const std::vector<std::pair<std::string, Json>>& sets) {
    std::string content = trace + "\n";
    for (const auto& [path, value] : sets) content += path + "=" + value.dump() + "\n";
    size_t width = 4;
    for (size_t t = total; t >= 10000; t /= 10) ++width;
    char buf[64];
    std::snprintf(buf, sizeof buf, "p%0*zu-%08x", static_cast<int>(width), index,
                  static_cast<unsigned>(fnv1a64(content) & 0xffffffffu));
    return buf;
}

Plan expandPoints(const SweepSpec& spec, const ConstraintCheck& checker) {
    std::vector<size_t> sizes;
    for (const auto& a : spec.axes) sizes.push_back(a.size());
    std::vector<IndexTuple> tuples;
    if (spec.mode == Mode::Grid) {
        if (gridSize(sizes, kMaxPoints) == SIZE_MAX)
            throwInput(spec.file, "/axes", "the grid has more than 1000000 points; allowed: mode random or lhs");
        tuples = gridPoints(sizes);
    } else {
        tuples = spec.mode == Mode::Random ? randomPoints(sizes, spec.samples, spec.seed)
                                           : lhsPoints(sizes, spec.samples, spec.seed);
    }
    if (tuples.size() * spec.traces.size() > kMaxPoints)
        throwInput(spec.file, "/traces", "more than 1000000 points with every trace; allowed: fewer points or traces");

    Plan plan;
    plan.name = spec.name;
    plan.specHash = spec.hash;
    plan.mode = spec.mode;
    plan.objectives = spec.objectives;
    for (const auto& a : spec.axes)
        for (const auto& m : a.members) plan.columns.push_back(m.path);
    const size_t total = tuples.size() * spec.traces.size();
    for (const auto& t : tuples) {
        for (const auto& trace : spec.traces) {
            Point p;
            p.index = plan.points.size();
            p.trace = trace;
            for (size_t a = 0; a < spec.axes.size(); ++a)
                for (const auto& m : spec.axes[a].members) p.sets.emplace_back(m.path, m.values[t[a]]);
            p.id = pointId(p.index, total, p.trace, p.sets);
            if (checker) checker(p);
            plan.points.push_back(std::move(p));
        }
    }
    return plan;
}

Json Plan::toJson() const {
    Json pts = Json::array();
    for (const auto& p : points) {
        Json set = Json::object();
        for (const auto& [path, value] : p.sets) set[path] = value;
        Json j{{"id", p.id}, {"trace", p.trace}, {"set", set}, {"state", stateName(p.state)}};
        if (!p.note.empty()) j["note"] = p.note;
        pts.push_back(std::move(j));
    }
    return Json{{"name", name},
                {"spec_hash", specHash},
                {"base_config_hash", baseHash},
                {"trace_hashes", traceHashes},
                {"mode", modeName(mode)},
                {"columns", columns},
                {"objectives", objectives},
                {"points", pts}};
}

Plan Plan::fromJson(const Json& doc, const std::string& file) {
    JsonIn in(doc, file);
    Plan plan;
    plan.name = in["name"].str();
    plan.specHash = in["spec_hash"].str();
    plan.baseHash = in["base_config_hash"].str();
    plan.traceHashes = in["trace_hashes"].strings();
    const std::string mode = in["mode"].str();
    plan.mode = mode == "grid" ? Mode::Grid : mode == "random" ? Mode::Random : Mode::Lhs;
    plan.columns = in["columns"].strings();
    JsonIn obj = in["objectives"];
    obj.expectArray();
    for (size_t i = 0; i < obj.size(); ++i) plan.objectives.push_back(obj.at(i).strings());
    JsonIn pts = in["points"];
    pts.expectArray();
    for (size_t i = 0; i < pts.size(); ++i) {
        JsonIn pj = pts.at(i);
        Point p;
        p.index = i;
        p.id = pj["id"].str();
        // The id names the point's folder: nothing that could leave points/.
        if (p.id.empty() || p.id.size() > 64 ||
            p.id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") !=
                std::string::npos)
            pj["id"].fail("'" + p.id + "' is not a point id; allowed: up to 64 letters, digits, _ and -");
        p.trace = pj["trace"].str();
        if (!pj["set"].json().is_object()) pj["set"].fail("is " + jsonTypeName(pj["set"].json()) + "; allowed: an object");
        const Json& set = pj["set"].json();
        for (auto it = set.begin(); it != set.end(); ++it) p.sets.emplace_back(it.key(), it.value());
        const std::string st = pj["state"].str();
        if (st != "run" && st != "filtered")
            pj["state"].fail("'" + st + "' is not a point state; allowed: run, filtered");
        p.state = st == "run" ? PointState::Run : PointState::Filtered;
        p.note = pj.str("note", "");
        plan.points.push_back(std::move(p));
    }
    return plan;
}

}  // namespace vgm::dse
