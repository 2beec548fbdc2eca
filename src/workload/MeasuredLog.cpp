// The FlightVGM GPU artifact's sparsity log and its conversion to skip sets.
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "common/Error.h"
#include "common/Files.h"
#include "common/Hash.h"
#include "workload/Rng.h"
#include "workload/Sparsity.h"
#include "workload/TraceGeometry.h"

namespace vgm::workload {

MeasuredLog readMeasuredLog(const std::string& path) {
    std::string text = readTextFile(path);
    std::istringstream in(text);
    std::string line;
    MeasuredLog log;
    size_t lineNo = 1;
    std::getline(in, line);  // header ("sparisty is:")
    while (std::getline(in, line)) {
        ++lineNo;
        size_t b = line.find_first_not_of(" \t\r"), e = line.find_last_not_of(" \t\r");
        if (b == std::string::npos) continue;
        std::string tok = line.substr(b, e - b + 1);
        char* end = nullptr;
        double v = std::strtod(tok.c_str(), &end);
        if (end != tok.c_str() + tok.size() || !(v >= 0.0 && v <= 1.0))
            throwInput(path, "line " + std::to_string(lineNo),
                       "'" + tok + "' is not a sparsity value; allowed: a number in [0, 1]");
        log.values.push_back(v);
    }
    size_t per = size_t(MeasuredLog::kSteps) * MeasuredLog::kBlocks * MeasuredLog::kOps;
    if (log.values.empty() || log.values.size() % per != 0)
        throwInput(path, "line " + std::to_string(lineNo),
                   std::to_string(log.values.size()) + " values; expected a multiple of " + std::to_string(per) +
                       " (30 steps x 56 blocks x 5 operators per prompt)");
    log.prompts = static_cast<uint32_t>(log.values.size() / per);
    return log;
}

double measuredSkipFraction(double value, const std::string& window) {
    double unit = window.rfind("frame:", 0) == 0      ? MeasuredLog::kPerFrame
                  : window.rfind("position:", 0) == 0 ? MeasuredLog::kFrames
                                                      : MeasuredLog::kTokens;
    double kept = std::min(unit, std::round((1.0 - value) * MeasuredLog::kTokens));
    return 1.0 - kept / unit;
}

void applyMeasured(TraceSpec& spec, const std::string& path, uint32_t prompt, uint64_t seed, double persistence) {
    std::string model = spec.header["model"];
    if (model != "stdit3-xl-2")
        throw InputError("vgmsim trace: --sparsity measured: the log is from STDiT3-XL/2 (OpenSora 1.2); model " +
                         model + " is not supported; use stat:PROFILE");
    MeasuredLog log = readMeasuredLog(path);
    if (prompt >= log.prompts)
        throw InputError("vgmsim trace: --prompt " + std::to_string(prompt) + " out of range; " + path + " has " +
                         std::to_string(log.prompts) + " prompts (0.." + std::to_string(log.prompts - 1) + ")");
    if (spec.steps != MeasuredLog::kSteps)
        throw InputError("vgmsim trace: the measured log has 30 steps; generate with --steps 30 (got " +
                         std::to_string(spec.steps) + ")");
    TokenGrid grid;
    uint64_t batch = 0;
    gridFromHeader(spec.header, grid, batch);
    if (grid.frames != MeasuredLog::kFrames || grid.perFrame() != MeasuredLog::kPerFrame)
        throw InputError("vgmsim trace: --sparsity measured: " + path + " was measured at 240p 9:16, 64 frames (" +
                         "latent 19 x 15 x 27 = 7695 tokens) but the trace is " + std::to_string(grid.frames) +
                         " x " + std::to_string(grid.height) + " x " + std::to_string(grid.width) + " = " +
                         std::to_string(grid.tokens()) + " tokens; generate with --resolution 240p --frames 64, " +
                         "or use stat:PROFILE");
    uint64_t clamped = 0, skipped = 0, rows = 0;
    std::vector<MaskChain> chains(spec.groupsPerStep());
    for (uint32_t step = 0; step < spec.steps; ++step)
        for (const auto& e : spec.sequence) {
            const BlockTemplate& t = *spec.findTemplate(e.tmpl);
            for (size_t g = 0; g < t.groups.size(); ++g) {
                WindowKind wk;
                parseWindowKind(t.groups[g].window, wk);
                double frac =
                    measuredSkipFraction(log.at(prompt, step, e.block, static_cast<uint32_t>(g)), t.groups[g].window);
                auto perUnit = static_cast<uint64_t>(std::llround(frac * double(unitTokens(grid, wk))));
                SkipRecord rec;
                MaskChain& chain = chains[spec.skips.size() % chains.size()];
                auto set = std::make_shared<SkipSet>(
                    chain.next(grid, wk, perUnit, mixSeed(seed, spec.skips.size()), persistence, &clamped));
                rows += grid.tokens();
                skipped += set->rows.size();
                if (!set->rows.empty()) {
                    rec.kind = SkipRecord::Kind::Explicit;
                    rec.period = grid.tokens();
                    rec.repeat = batch;
                    rec.base = std::move(set);
                }
                spec.skips.push_back(std::move(rec));
            }
        }
    size_t slash = path.find_last_of('/');
    spec.header["sparsity"] = Json{{"source", "measured"},
                                   {"log", path.substr(slash == std::string::npos ? 0 : slash + 1)},
                                   {"log_hash", hashString(readTextFile(path))},
                                   {"prompt", prompt},
                                   {"seed", seed},
                                   {"persistence", persistence},
                                   {"skipped_token_fraction", std::round(double(skipped) / double(rows) * 1e6) / 1e6},
                                   {"clamped_tokens", clamped}};
}

}  // namespace vgm::workload
