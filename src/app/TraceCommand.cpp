// vgmsim trace MODEL [options] -o FILE: generate a workload trace.
// vgmsim trace info FILE [--json]: see TraceInfoCommand.cpp.
#include <iostream>

#include "app/ArgParse.h"
#include "app/Commands.h"
#include "common/Error.h"
#include "common/Files.h"
#include "common/Suggest.h"
#include "workload/Activations.h"
#include "workload/Models.h"
#include "workload/Sparsity.h"
#include "workload/TraceBounds.h"
#include "workload/TraceSpec.h"

namespace vgm::app {

int traceInfoCommand(const Args& args);

namespace {
const char* kUsage =
    "MODEL [options] -o FILE    (MODEL: dit-xl-2, stdit3-xl-2, latte-xl-2, gemm)\n"
    "       vgmsim trace info FILE [--json]";

bool onOff(const std::string& v, const char* opt) {
    if (v == "on") return true;
    if (v == "off") return false;
    throw InputError(std::string("vgmsim trace: ") + opt + " '" + v + "' not allowed; allowed: on, off");
}
}  // namespace

int traceCommand(const Args& args) {
    using workload::ModelOptions;
    if (!args.empty() && args[0] == "info") return traceInfoCommand(Args(args.begin() + 1, args.end()));
    ModelOptions opt;
    std::string model = args.empty() || args[0].rfind("-", 0) == 0 ? "" : args[0];
    po::options_description opts("options");
    std::string output, precision = "int8", cfg = "on", sparsity = "dense";
    uint64_t seed = 0, actFrames = 1;
    std::string role, acts, detector = "paper";
    uint32_t prompt = 0;
    double persistence = workload::kDefaultPersistence;
    opts.add_options()("output,o", po::value(&output)->required(), "trace file to write")(
        "resolution", po::value(&opt.resolution), "256|512 (dit-xl-2, latte-xl-2), 240p|480p|720p (stdit3-xl-2)")(
        "frames", po::value(&opt.frames), "video frames (dit-xl-2: 1, stdit3-xl-2: 64, latte-xl-2: 16)")(
        "steps", po::value(&opt.steps), "denoising steps (dit-xl-2: 250, stdit3-xl-2: 30, latte-xl-2: 50, gemm: 1)")(
        "cfg", po::value(&cfg)->default_value("on"), "on|off: classifier-free guidance doubles the batch")(
        "text-tokens", po::value(&opt.textTokens)->default_value(120), "T5 text tokens L (stdit3-xl-2)")(
        "sparsity", po::value(&sparsity)->default_value("dense"), "dense | measured:LOG | stat:PROFILE | masks:FILE | uniform:R")(
        "persistence", po::value(&persistence)->default_value(workload::kDefaultPersistence),
        "probability that a skipped token stays skipped at the next step (measured, stat, uniform); gemm --activations: correlation of the noise between steps")(
        "detector", po::value(&detector)->default_value("paper"),
        "paper|artifact: the SU algorithm the masks follow (recorded; a run must set the same sparsity.detector)")(
        "prompt", po::value(&prompt)->default_value(0), "prompt of a measured log (0-based)")(
        "seed", po::value(&seed)->default_value(0), "seed for drawing skipped rows")(
        "m", po::value(&opt.m), "gemm: rows of A")("n", po::value(&opt.n), "gemm: columns of B")(
        "k", po::value(&opt.k), "gemm: inner dimension")("precision", po::value(&precision)->default_value("int8"),
                                                         "gemm: int8|fp16")(
        "role", po::value(&role), "gemm: operator role, e.g. qkv (its SU threshold applies)")(
        "activations", po::value(&acts), "gemm: random:SEED[:SIMILARITY] input rows for online SU detection")(
        "act-frames", po::value(&actFrames)->default_value(1), "gemm: frames the m rows form (--activations)");
    po::variables_map vm;
    if (!parseArgs("trace", kUsage, model.empty() ? args : Args(args.begin() + 1, args.end()), opts, vm)) return 0;
    if (model.empty())
        throw InputError("vgmsim trace: missing MODEL; allowed: info, " + joinNames(workload::modelNames()));
    std::vector<std::string> names = workload::modelNames();
    bool known = false;
    for (const auto& n : names) known = known || n == model;
    if (!known)
        throw InputError("vgmsim trace: unknown model '" + model + "'" + didYouMean(model, names) +
                         "; allowed: info, " + joinNames(names));
    opt.model = model;
    opt.cfg = onOff(cfg, "--cfg");
    if (!workload::parsePrecisionClass(precision, opt.precision))
        throw InputError("vgmsim trace: --precision '" + precision + "' not allowed; allowed: int8, fp16");
    if (model != "gemm")
        for (const char* g : {"m", "n", "k"})
            if (vm.count(g)) throw InputError(std::string("vgmsim trace: --") + g + " applies only to the gemm model");
    if (!role.empty() && !workload::parseRole(role, opt.gemmRole))
        throw InputError("vgmsim trace: unknown --role '" + role + "'");
    for (const auto& [flag, v] : {std::pair<const char*, uint64_t>{"m", opt.m}, {"k", opt.k}, {"n", opt.n}})
        if (v > workload::kMaxOpDim)
            throw InputError(std::string("vgmsim trace: --") + flag + " " + std::to_string(v) +
                             " too large; allowed 1..2^31");
    workload::TraceSpec spec = workload::buildModel(opt);
    workload::checkTraceBounds(spec, "vgmsim trace");
    workload::applySparsity(spec, sparsity, prompt, seed, persistence, detector);
    if (!acts.empty()) workload::addActivations(spec, acts, actFrames, persistence);
    std::string bytes = workload::encodeTrace(spec);
    writeFileAtomic(output, bytes);
    std::cout << "wrote " << output << ": " << model << ", " << spec.steps << " steps, sparsity "
              << spec.header["sparsity"]["source"].get<std::string>() << ", " << bytes.size() << " bytes\n";
    return 0;
}

}  // namespace vgm::app
