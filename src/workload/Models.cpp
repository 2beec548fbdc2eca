// Model dispatch: validated options -> header + templates (dense).
#include "workload/Models.h"

#include "common/Error.h"
#include "common/Suggest.h"
#include "workload/DitModels.h"

namespace vgm::workload {

namespace {
[[noreturn]] void bad(const std::string& msg) {
    throw InputError("vgmsim trace: " + msg);
}

void checkChoice(const std::string& what, const std::string& value, const std::vector<std::string>& allowed,
                 const std::string& model) {
    for (const auto& a : allowed)
        if (a == value) return;
    bad(what + " '" + value + "' not supported by " + model + "; allowed: " + joinNames(allowed));
}

Json video(const std::string& res, uint32_t frames, uint32_t T, uint32_t H, uint32_t W) {
    return Json{{"resolution", res},
                {"frames", frames},
                {"latent", {T, H, W}},
                {"tokens_per_frame", uint64_t(H) * W},
                {"tokens", uint64_t(T) * H * W}};
}

TraceSpec buildGemm(const ModelOptions& opt) {
    if (opt.m == 0 || opt.k == 0 || opt.n == 0) bad("gemm needs --m, --n and --k, each >= 1");
    if (opt.m > (uint64_t(1) << 31)) bad("--m " + std::to_string(opt.m) + " too large; allowed 1..2^31");
    TraceSpec spec;
    spec.header["model"] = "gemm";
    spec.header["params"] = Json{{"m", opt.m}, {"k", opt.k}, {"n", opt.n}, {"precision", toString(opt.precision)}};
    // A role with an SU threshold lets activation traces exercise detection.
    if (opt.gemmRole != Role::Other) spec.header["params"]["role"] = toString(opt.gemmRole);
    spec.header["batch"] = 1;
    spec.header["cfg"] = false;
    spec.header["sampler"] = Json{{"name", "none"}};
    spec.header["sparsity"] = Json{{"source", "dense"}};
    // Several steps repeat the operator (look-ahead studies on carried activations).
    spec.steps = opt.steps ? opt.steps : 1;
    BlockTemplate t;
    t.name = "gemm";
    OpTemplate op;
    op.kind = OpKind::Linear;
    op.role = opt.gemmRole;
    op.precision = opt.precision;
    op.m = opt.m, op.k = opt.k, op.n = opt.n;
    op.inputElems = opt.m * opt.k, op.weightElems = opt.k * opt.n, op.outputElems = opt.m * opt.n;
    t.ops.push_back(op);
    spec.templates.push_back(t);
    spec.sequence.push_back({"gemm", 0});
    return spec;
}
}  // namespace

std::vector<std::string> modelNames() {
    return {"dit-xl-2", "stdit3-xl-2", "latte-xl-2", "gemm"};
}

uint32_t stdit3LatentFrames(uint32_t frames) {
    return frames / 17 * 5 + (frames % 17 + 3) / 4;
}

TraceSpec buildModel(const ModelOptions& opt) {
    if (opt.model == "gemm") return buildGemm(opt);
    checkChoice("model", opt.model, modelNames(), "vgmsim");
    if (opt.steps > 100000) bad("--steps " + std::to_string(opt.steps) + " too large; allowed 1..100000");
    TraceSpec spec;
    DiTDims d;
    uint64_t B = opt.cfg ? 2 : 1;
    spec.header["model"] = opt.model;
    Json vid;
    std::string sampler;
    if (opt.model == "stdit3-xl-2") {
        std::string res = opt.resolution.empty() ? "240p" : opt.resolution;
        checkChoice("--resolution", res, {"240p", "480p", "720p"}, opt.model);
        uint32_t frames = opt.frames ? opt.frames : 64;
        if (frames > 2048) bad("--frames " + std::to_string(frames) + " too large; allowed 1..2048");
        // Token grids of the 9:16 buckets after the 8x8 VAE and the 2x2 patch.
        uint32_t H = res == "240p" ? 15 : res == "480p" ? 30 : 45, W = res == "240p" ? 27 : res == "480p" ? 53 : 80;
        uint32_t T = stdit3LatentFrames(frames);
        if (opt.textTokens == 0 || opt.textTokens > 4096)
            bad("--text-tokens " + std::to_string(opt.textTokens) + " out of range; allowed 1..4096");
        buildStdit3(spec, d, B, T, H, W, opt.textTokens);
        vid = video(res, frames, T, H, W);
        sampler = "rflow";
        spec.steps = opt.steps ? opt.steps : 30;
    } else {
        bool latte = opt.model == "latte-xl-2";
        std::string res = opt.resolution.empty() ? "256" : opt.resolution;
        checkChoice("--resolution", res, {"256", "512"}, opt.model);
        uint32_t frames = opt.frames ? opt.frames : (latte ? 16 : 1);
        if (frames > 256) bad("--frames " + std::to_string(frames) + " too large; allowed 1..256");
        uint32_t side = res == "256" ? 16 : 32;  // 8x VAE, 2x2 patch
        if (latte)
            buildLatte(spec, d, B, frames, side);
        else
            buildDit(spec, d, B, frames, side);
        vid = video(res, frames, frames, side, side);
        sampler = latte ? "ddim" : "ddpm";
        spec.steps = opt.steps ? opt.steps : (latte ? 50 : 250);
    }
    spec.header["video"] = vid;
    spec.header["batch"] = B;
    spec.header["cfg"] = opt.cfg;
    if (opt.model == "stdit3-xl-2") spec.header["text_tokens"] = opt.textTokens;
    spec.header["sampler"] = Json{{"name", sampler}};
    spec.header["sparsity"] = Json{{"source", "dense"}};
    return spec;
}

}  // namespace vgm::workload
