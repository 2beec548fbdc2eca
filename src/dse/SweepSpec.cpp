#include "dse/SweepSpec.h"

#include <filesystem>

#include "common/Hash.h"
#include "dse/Metrics.h"
#include "gpu/GpuSpec.h"

namespace vgm::dse {

std::string modeName(Mode m) {
    return m == Mode::Grid ? "grid" : m == Mode::Random ? "random" : "lhs";
}

std::vector<std::vector<std::string>> defaultObjectives() {
    return {{"latency_s", "energy_j"}, {"latency_s", "resources.dsp"}};
}

SweepSpec SweepSpec::load(const std::string& path) {
    return fromJson(JsonIn::parseFile(path), path);
}

static std::vector<std::vector<std::string>> parseObjectives(const JsonIn& in) {
    in.expectArray(1);
    std::vector<std::vector<std::string>> out;
    for (size_t i = 0; i < in.size(); ++i) {
        JsonIn set = in.at(i);
        set.expectArray(2);
        out.push_back(set.strings());
        for (size_t k = 0; k < set.size(); ++k) {
            std::string problem = checkObjective(out.back()[k]);
            if (!problem.empty()) set.at(k).fail(problem);
        }
    }
    return out;
}

static Constraint parseConstraint(const JsonIn& in) {
    Constraint c;
    c.text = in.str();
    c.where = in.file() + ": " + in.path();
    c.fits = c.text == "fits";
    if (!c.fits) c.expr = Expr::parse(c.text, c.where);
    return c;
}

SweepSpec SweepSpec::fromJson(const Json& doc, const std::string& file) {
    JsonIn in(doc, file);
    in.expectKeys({"name", "description", "base_config", "traces", "sets", "mode", "samples", "seed", "axes",
                   "constraints", "objectives", "timeout_s", "baseline"});
    SweepSpec s;
    s.file = file;
    s.name = in.str("name", std::filesystem::path(file).stem().string());
    s.baseConfig = in["base_config"].str();
    s.traces = in["traces"].strings();
    if (s.traces.empty()) in["traces"].fail("is empty; allowed: one or more trace files");
    if (in.has("sets")) s.sets = in["sets"].strings();
    for (size_t i = 0; i < s.sets.size(); ++i)
        if (s.sets[i].find('=') == std::string::npos) in["sets"].at(i).fail("expected PATH=VALUE");

    const std::string mode = in.str("mode", "grid");
    if (mode == "grid")
        s.mode = Mode::Grid;
    else if (mode == "random")
        s.mode = Mode::Random;
    else if (mode == "lhs")
        s.mode = Mode::Lhs;
    else
        in["mode"].fail("'" + mode + "' is not a mode; allowed: grid, random, lhs");
    if (s.mode != Mode::Grid) {
        int64_t n = in["samples"].integer();
        if (n < 1 || n > static_cast<int64_t>(kMaxPoints)) in["samples"].fail("allowed: an integer in [1, 1000000]");
        s.samples = static_cast<size_t>(n);
        int64_t seed = in.integer("seed", 1);
        if (seed < 0) in["seed"].fail("allowed: an integer >= 0");
        s.seed = static_cast<uint64_t>(seed);
    } else if (in.has("samples") || in.has("seed")) {
        in[in.has("samples") ? "samples" : "seed"].fail("applies only to mode random or lhs");
    }

    JsonIn axes = in["axes"];
    axes.expectArray(1);
    std::vector<std::string> seen;
    for (size_t i = 0; i < axes.size(); ++i) {
        s.axes.push_back(parseAxis(axes.at(i)));
        for (const auto& m : s.axes.back().members) {
            for (const auto& p : seen)
                if (p == m.path) axes.at(i).fail("path '" + m.path + "' is already swept by another axis");
            seen.push_back(m.path);
        }
    }
    if (in.has("constraints")) {
        JsonIn cs = in["constraints"];
        cs.expectArray();
        for (size_t i = 0; i < cs.size(); ++i) s.constraints.push_back(parseConstraint(cs.at(i)));
    }
    s.objectives = in.has("objectives") ? parseObjectives(in["objectives"]) : defaultObjectives();
    if (in.has("baseline")) {
        s.baseline = in["baseline"].str();
        gpu::loadGpu(s.resolvePath(s.baseline));  // a bad preset fails here, not in every point
    }
    for (size_t i = 0; i < s.objectives.size() && s.baseline.empty(); ++i)
        for (const auto& o : s.objectives[i])
            if (needsBaseline(o))
                in["objectives"].at(i).fail("'" + o +
                                            "' needs a GPU baseline; allowed: add \"baseline\": "
                                            "\"<configs/gpu/*.json>\" to the spec");
    s.timeoutS = in.number("timeout_s", 3600);
    if (s.timeoutS <= 0) in["timeout_s"].fail("allowed: a number of seconds > 0");
    s.hash = hashString(doc.dump());
    return s;
}

std::string SweepSpec::resolvePath(const std::string& relative) const {
    std::filesystem::path p(relative);
    if (p.is_absolute()) return relative;
    return (std::filesystem::path(file).parent_path() / p).lexically_normal().string();
}

}  // namespace vgm::dse
