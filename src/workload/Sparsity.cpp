#include "workload/Sparsity.h"

#include <algorithm>
#include <cmath>

#include "common/Error.h"
#include "workload/TraceGeometry.h"

namespace vgm::workload {

std::string maskDetector(const Json& header) {
    const auto sp = header.find("sparsity");
    if (sp == header.end() || !sp->is_object() || !sp->contains("detector") || !(*sp)["detector"].is_string())
        return "paper";
    return (*sp)["detector"].get<std::string>();
}

void applySparsity(TraceSpec& spec, const std::string& source, uint32_t prompt, uint64_t seed, double persistence,
                   const std::string& detector) {
    checkPersistence(persistence, "vgmsim trace: --persistence");
    if (detector != "paper" && detector != "artifact")
        throw InputError("vgmsim trace: --detector '" + detector + "' not allowed; allowed: paper, artifact");
    size_t colon = source.find(':');
    std::string kind = source.substr(0, colon), arg = colon == std::string::npos ? "" : source.substr(colon + 1);
    if (kind == "dense" && colon == std::string::npos) {
        if (detector != "paper")
            throw InputError("vgmsim trace: --detector " + detector +
                             " names the algorithm a trace's masks follow, and --sparsity dense has none; allowed: "
                             "--detector paper (the default) or a sparse --sparsity");
        return;
    }
    if ((kind == "measured" || kind == "stat" || kind == "masks" || kind == "uniform") && !arg.empty()) {
        if (spec.templates.size() == 1 && spec.templates[0].name == "gemm")
            throw InputError("vgmsim trace: --sparsity " + kind + " needs a model trace; gemm traces are dense");
        if (kind == "measured") applyMeasured(spec, arg, prompt, seed, persistence);
        if (kind == "stat") applyStat(spec, arg, seed, persistence);
        if (kind == "uniform") applyUniform(spec, arg, seed, persistence);
        if (kind == "masks") applyMasks(spec, arg, detector);
        spec.header["sparsity"]["detector"] = detector;
        return;
    }
    throw InputError("vgmsim trace: --sparsity '" + source +
                     "' not allowed; allowed: dense, measured:LOG, stat:PROFILE, masks:FILE, uniform:R");
}

void applyUniform(TraceSpec& spec, const std::string& ratio, uint64_t seed, double persistence) {
    char* end = nullptr;
    const double r = std::strtod(ratio.c_str(), &end);
    if (end != ratio.c_str() + ratio.size() || !(r >= 0 && r < 1))
        throw InputError("vgmsim trace: --sparsity uniform:'" + ratio +
                         "' not allowed; allowed: uniform:R with R a skipped fraction in [0, 1)");
    TokenGrid grid;
    uint64_t batch = 0;
    if (!gridFromHeader(spec.header, grid, batch)) throw InputError("vgmsim trace: uniform sparsity needs a model trace");
    uint64_t clamped = 0;
    for (uint32_t step = 0; step < spec.steps; ++step)
        for (const auto& e : spec.sequence)
            for (const auto& g : spec.findTemplate(e.tmpl)->groups) {
                WindowKind wk;
                parseWindowKind(g.window, wk);
                const auto want = static_cast<uint64_t>(std::llround(r * double(unitTokens(grid, wk))));
                SkipRecord rec;
                rec.kind = SkipRecord::Kind::Count;
                rec.perUnit = std::min(want, unitCapacity(grid, wk));
                clamped += (want - rec.perUnit) * unitCount(grid, wk);
                spec.skips.push_back(rec);
            }
    spec.header["sparsity"] = Json{{"source", "uniform"},
                                   {"ratio", r},
                                   {"seed", seed},
                                   {"persistence", persistence},
                                   {"clamped_tokens", clamped * batch}};
}

std::string profileKey(const std::string& tmpl, const std::string& group) {
    std::string kind = tmpl == "temporal" ? "temporal" : "spatial";
    std::string g = group == "qkv"                       ? "self_qkv"
                    : group == "out"                     ? "self_out"
                    : (group == "fc1" || group == "fc2") ? "mlp"
                                                         : group;
    return kind + "." + g;
}

}  // namespace vgm::workload
