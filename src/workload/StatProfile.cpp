// Statistical sparsity: per-role, per-step skip fractions (a profile fitted to
// the measured log, traces/profiles/). The trace stores counts only; the reader
// draws the rows from the trace's seed.
#include <algorithm>
#include <cmath>

#include "common/Error.h"
#include "common/Files.h"
#include "common/JsonParse.h"
#include "common/Hash.h"
#include "workload/JsonFields.h"
#include "workload/Sparsity.h"
#include "workload/TraceGeometry.h"

namespace vgm::workload {

namespace {
double fractionAt(const Json& curve, uint32_t step, uint32_t steps) {
    size_t n = curve.size();
    if (n == 1 || steps == 1) return curve[0].get<double>();
    double x = double(step) * double(n - 1) / double(steps - 1);  // stretch the profile over the steps
    auto i = static_cast<size_t>(x);
    if (i + 1 >= n) return curve[n - 1].get<double>();
    double f = x - double(i);
    return curve[i].get<double>() * (1 - f) + curve[i + 1].get<double>() * f;
}
}  // namespace

void applyStat(TraceSpec& spec, const std::string& path, uint64_t seed, double persistence) {
    std::string text = readTextFile(path);
    Json prof = parseJsonInput(text, path);
    JsonFields f(path);
    f.objectKeys(prof, "", {"format", "version", "fitted_to", "model", "latent", "method", "skip_fraction"});
    if (f.str(prof, "format", "") != "vgmsim-sparsity-profile")
        f.fail("format", "expected \"vgmsim-sparsity-profile\"");
    if (f.uint(prof, "version", "") != 1) f.fail("version", "unsupported profile version; this vgmsim reads 1");
    const Json& curves = f.member(prof, "skip_fraction", "");
    for (const auto& [key, c] : curves.items()) {
        if (!c.is_array() || c.empty()) f.fail("skip_fraction." + key, "expected a non-empty array of fractions");
        for (size_t i = 0; i < c.size(); ++i)
            if (!c[i].is_number() || c[i].get<double>() < 0 || c[i].get<double>() > 1)
                f.fail("skip_fraction." + key + "[" + std::to_string(i) + "]",
                       "expected a fraction in [0, 1], got " + jsonBrief(c[i]));
    }
    TokenGrid grid;
    uint64_t batch = 0;
    if (!gridFromHeader(spec.header, grid, batch)) throw InputError("vgmsim trace: stat sparsity needs a model trace");
    // A profile fitted to one model says nothing about another's layers.
    const std::string model = spec.header["model"].get<std::string>();
    if (prof.contains("model") && prof["model"] != Json(model)) {
        const std::string latent = prof.contains("latent") ? jsonBrief(prof["latent"]) : "?";
        f.fail("model", "profile fitted to " + jsonBrief(prof["model"]) + " (latent " + latent +
                            ") but the trace is " + model + " (latent [" + std::to_string(grid.frames) + "," +
                            std::to_string(grid.height) + "," + std::to_string(grid.width) +
                            "]); fit a profile to that model's own sparsity");
    }
    for (uint32_t step = 0; step < spec.steps; ++step)
        for (const auto& e : spec.sequence) {
            const BlockTemplate& t = *spec.findTemplate(e.tmpl);
            for (const auto& g : t.groups) {
                std::string key = profileKey(t.name, g.name);
                if (!curves.contains(key))
                    f.fail("skip_fraction",
                           "no curve for '" + key + "' (needed by " + spec.header["model"].get<std::string>() + ")");
                WindowKind wk;
                parseWindowKind(g.window, wk);
                double frac = fractionAt(curves[key], step, spec.steps);
                SkipRecord rec;
                rec.kind = SkipRecord::Kind::Count;
                rec.perUnit = std::min<uint64_t>(
                    unitCapacity(grid, wk), static_cast<uint64_t>(std::llround(frac * double(unitTokens(grid, wk)))));
                spec.skips.push_back(rec);
            }
        }
    size_t slash = path.find_last_of('/');
    spec.header["sparsity"] = Json{{"source", "stat"},
                                   {"profile", path.substr(slash == std::string::npos ? 0 : slash + 1)},
                                   {"profile_hash", hashString(text)},
                                   {"seed", seed},
                                   {"persistence", persistence}};
}

}  // namespace vgm::workload
