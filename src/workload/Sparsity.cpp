#include "workload/Sparsity.h"

#include "common/Error.h"

namespace vgm::workload {

void applySparsity(TraceSpec& spec, const std::string& source, uint32_t prompt, uint64_t seed) {
    size_t colon = source.find(':');
    std::string kind = source.substr(0, colon), arg = colon == std::string::npos ? "" : source.substr(colon + 1);
    if (kind == "dense" && colon == std::string::npos) return;
    if ((kind == "measured" || kind == "stat" || kind == "masks") && !arg.empty()) {
        if (spec.templates.size() == 1 && spec.templates[0].name == "gemm")
            throw InputError("vgmsim trace: --sparsity " + kind + " needs a model trace; gemm traces are dense");
        if (kind == "measured") applyMeasured(spec, arg, prompt, seed);
        if (kind == "stat") applyStat(spec, arg, seed);
        if (kind == "masks") applyMasks(spec, arg);
        return;
    }
    throw InputError("vgmsim trace: --sparsity '" + source +
                     "' not allowed; allowed: dense, measured:LOG, stat:PROFILE, masks:FILE");
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
