#include "workload/Activations.h"

#include <cmath>
#include <cstring>
#include <memory>

#include "common/Error.h"
#include "workload/JsonFields.h"
#include "workload/TraceBounds.h"
#include "workload/Rng.h"

namespace vgm::workload {

namespace {
float uniform(Rng& r) {
    return float(double(r.next() >> 11) * 0x1.0p-53 * 2.0 - 1.0);
}

// Little-endian float32 regardless of the host.
void putFloat(std::string& out, float v) {
    uint32_t u;
    std::memcpy(&u, &v, 4);
    for (int i = 0; i < 4; ++i) out += char((u >> (8 * i)) & 0xff);
}
float getFloat(const std::string& in, size_t at) {
    uint32_t u = 0;
    for (int i = 0; i < 4; ++i) u |= uint32_t(uint8_t(in[at + i])) << (8 * i);
    float v;
    std::memcpy(&v, &u, 4);
    return v;
}
}  // namespace

std::vector<float> makeActivations(uint64_t frames, uint64_t perFrame, uint64_t dim, uint64_t seed, double similarity,
                                   uint64_t steps, double drift) {
    Rng r(mixSeed(seed, 0));
    std::vector<float> base(perFrame * dim);
    for (auto& v : base) v = uniform(r);
    const uint64_t n = frames * perFrame * dim;
    std::vector<double> noise(n);
    std::vector<float> out(steps * n);
    const double fresh = std::sqrt(1.0 - drift * drift);
    for (uint64_t s = 0; s < steps; ++s)
        for (uint64_t i = 0; i < n; ++i) {
            noise[i] = s == 0 ? uniform(r) : drift * noise[i] + fresh * uniform(r);
            out[s * n + i] = float(similarity * base[i % base.size()] + (1.0 - similarity) * noise[i]);
        }
    return out;
}

void addActivations(TraceSpec& spec, const std::string& arg, uint64_t frames, double drift) {
    auto bad = [&](const std::string& why) { throw InputError("vgmsim trace: --activations '" + arg + "': " + why); };
    if (spec.templates.size() != 1 || spec.templates[0].name != "gemm") bad("only the gemm model carries activations");
    if (arg.compare(0, 7, "random:") != 0) bad("expected random:SEED[:SIMILARITY]");
    const std::string rest = arg.substr(7);
    const size_t colon = rest.find(':');
    uint64_t seed = 0;
    double sim = 0.9;
    try {
        size_t used = 0;
        seed = std::stoull(rest.substr(0, colon), &used);
        if (used != rest.substr(0, colon).size()) bad("SEED must be an unsigned integer");
        if (colon != std::string::npos) sim = std::stod(rest.substr(colon + 1), &used);
        if (colon != std::string::npos && used != rest.size() - colon - 1) bad("SIMILARITY must be a number");
    } catch (const std::logic_error&) {
        bad("expected random:SEED[:SIMILARITY]");
    }
    if (!(sim >= 0 && sim <= 1)) bad("SIMILARITY must be in [0, 1]");
    const OpTemplate& op = spec.templates[0].ops[0];
    if (frames == 0 || op.m % frames) bad("--act-frames must divide m = " + std::to_string(op.m));
    if (!(drift >= 0 && drift <= 1)) bad("drift " + std::to_string(drift) + " must be in [0, 1]");
    const uint64_t steps = spec.steps;
    const std::vector<float> acts = makeActivations(frames, op.m / frames, op.k, seed, sim, steps, drift);
    spec.actBytes.clear();
    spec.actBytes.reserve(acts.size() * 4);
    for (float v : acts) putFloat(spec.actBytes, v);
    Json ops = Json::array();
    for (uint64_t s = 0; s < steps; ++s) ops.push_back(s);
    // One step keeps the original source string (committed traces stay byte-identical).
    const std::string source = steps > 1 ? arg + " drift " + std::to_string(drift) : arg;
    spec.header["activations"] = Json{{"dtype", "f32le"},
                                      {"frames", frames},
                                      {"tokens_per_frame", op.m / frames},
                                      {"ops", std::move(ops)},
                                      {"source", source}};
}

void attachActivations(Trace& trace, const TraceSpec& spec, size_t begin, const std::string& file) {
    const bool has = spec.header.contains("activations");
    if (!has && spec.actBytes.empty()) return;
    if (!has)
        throwInput(file, "byte " + std::to_string(begin), "activation section present but no \"activations\" entry");
    JsonFields f(file);
    const Json& a = spec.header["activations"];
    f.objectKeys(a, "activations", {"dtype", "frames", "tokens_per_frame", "ops", "source"});
    if (f.str(a, "dtype", "activations") != "f32le") f.fail("activations.dtype", "only \"f32le\" is supported");
    const uint64_t frames = f.uint(a, "frames", "activations", 1);
    const uint64_t perFrame = f.uint(a, "tokens_per_frame", "activations", 1);
    // The planner lays every operator's rows out by this grid: its product must
    // not wrap (a wrapped 0 divides by zero, a wrapped small one misplaces rows).
    if (perFrame > kMaxOpDim || frames > kMaxOpDim / perFrame)
        f.fail("activations", "frames x tokens_per_frame = " + std::to_string(frames) + " x " +
                                  std::to_string(perFrame) + " is too large; allowed: at most 2^31 rows");
    const Json& ops = f.array(a, "ops", "activations");
    size_t at = 0;
    for (size_t i = 0; i < ops.size(); ++i) {
        const std::string path = "activations.ops[" + std::to_string(i) + "]";
        if (!ops[i].is_number_unsigned() || ops[i].get<uint64_t>() >= trace.ops.size())
            f.fail(path, "expected an operator index below " + std::to_string(trace.ops.size()));
        const uint64_t idx = ops[i].get<uint64_t>();
        if (i && idx <= ops[i - 1].get<uint64_t>()) f.fail(path, "operator indices must be ascending");
        Operator& op = trace.ops[idx];
        const std::string where = "operator " + std::to_string(idx) + " (" + op.label() + ")";
        if (op.kind != OpKind::Linear) throwInput(file, where, "activations are only for linear operators");
        if (op.skip) throwInput(file, where, "carries both activations and a skip mask; the SU detects online");
        if (op.m % (frames * perFrame))
            throwInput(file, where, "m = " + std::to_string(op.m) + " is not a multiple of frames x tokens_per_frame");
        const unsigned __int128 bytes = (unsigned __int128)op.m * op.k * 4;  // m, k < 2^32: cannot wrap
        if (spec.actBytes.size() - at < bytes)
            throwInput(file, "byte " + std::to_string(begin + at),
                       where + ": activation block needs " +
                           (bytes >> 64 ? std::string("2^64") : std::to_string(uint64_t(bytes))) +
                           " bytes (m x k float32), " + std::to_string(spec.actBytes.size() - at) +
                           " left in the section");
        auto v = std::make_shared<std::vector<float>>(op.m * op.k);
        for (uint64_t e = 0; e < v->size(); ++e, at += 4) {
            (*v)[e] = getFloat(spec.actBytes, at);
            if (!std::isfinite((*v)[e]))
                throwInput(file, "byte " + std::to_string(begin + at), where + ": activation is not finite");
        }
        op.acts = std::move(v);
    }
    if (at != spec.actBytes.size())
        throwInput(
            file, "byte " + std::to_string(begin + at),
            std::to_string(spec.actBytes.size() - at) + " activation bytes left over after the listed operators");
}

}  // namespace vgm::workload
