#include "gpu/GpuEstimate.h"

#include <cstdio>

#include "common/Error.h"
#include "common/Text.h"
#include "gpu/PipelineStages.h"

namespace vgm::gpu {

StageSet parseStageSet(const std::string& text, const std::string& what) {
    if (text == "dit") return StageSet::Dit;
    if (text == "all") return StageSet::All;
    throw InputError(what + ": unknown stage set '" + text + "'; allowed: dit, all");
}

std::vector<std::string> GpuEstimate::included() const {
    std::vector<std::string> out;
    for (const auto& s : stages)
        if (s.included) out.push_back(s.name);
    return out;
}

const StageResult& GpuEstimate::stage(const std::string& name) const {
    for (const auto& s : stages)
        if (s.name == name) return s;
    throw std::logic_error("no GPU stage " + name);
}

namespace {
StageResult costStage(const std::string& name, const std::vector<workload::Operator>& ops, const GpuSpec& gpu) {
    StageResult s;
    s.name = name;
    for (const auto& w : planKernels(ops, gpu)) {
        s.kernels.push_back(costKernel(w, gpu));
        const Kernel& k = s.kernels.back();
        s.latencyS += k.timeS;
        s.energyJ += k.energyJ;
        s.flops += k.flops;
        s.bytes += w.bytes;
    }
    return s;
}

StageResult otherStage(const std::string& name, const StageOps& ops, const GpuSpec& gpu, bool wanted) {
    StageResult s = costStage(name, ops.ops, gpu);
    s.note = ops.note;
    s.included = wanted && !ops.ops.empty();
    if (!wanted) s.note += " (not included: --stages dit)";
    return s;
}

}  // namespace

GpuEstimate estimateGpu(const GpuSpec& gpu, const workload::Trace& trace, StageSet stages) {
    GpuEstimate e;
    e.gpu = gpu;
    e.traceName = trace.name;
    e.traceHash = trace.hash;
    const bool all = stages == StageSet::All;
    e.stages.push_back(otherStage("text_encoder", textEncoderStage(trace), gpu, all));
    StageResult dit = costStage("dit", trace.ops, gpu);
    dit.included = true;
    dit.note = trace.header.model + ", " + std::to_string(trace.steps) + " steps, run dense (the GPU skips no tokens)";
    e.stages.push_back(std::move(dit));
    e.stages.push_back(otherStage("vae_decode", vaeDecodeStage(trace), gpu, all));
    e.ditLatencyS = e.stage("dit").latencyS;
    e.ditEnergyJ = e.stage("dit").energyJ;
    for (const auto& s : e.stages)
        if (s.included) e.totalLatencyS += s.latencyS, e.energyJ += s.energyJ;
    e.averagePowerW = e.totalLatencyS > 0 ? e.energyJ / e.totalLatencyS : 0.0;
    return e;
}

Json gpuJson(const GpuEstimate& e) {
    Json j;
    j["schema"] = "vgmsim-gpu/1";
    j["vgmsim_version"] = VGMSIM_VERSION;
    j["gpu"] = Json{{"name", e.gpu.name}, {"file", e.gpu.source}, {"hash", e.gpu.hash}};
    j["trace"] = Json{{"name", e.traceName}, {"hash", e.traceHash}};
    j["stages_included"] = e.included();
    j["dit_latency_s"] = e.ditLatencyS;
    j["total_latency_s"] = e.totalLatencyS;
    j["dit_energy_j"] = e.ditEnergyJ;
    j["energy_j"] = e.energyJ;
    j["average_power_w"] = e.averagePowerW;
    Json st = Json::object();
    for (const auto& s : e.stages) {
        size_t memBound = 0;
        for (const auto& k : s.kernels) memBound += k.memoryBound();
        st[s.name] = Json{{"included", s.included},
                          {"latency_s", s.latencyS},
                          {"energy_j", s.energyJ},
                          {"kernels", s.kernels.size()},
                          {"memory_bound_kernels", memBound},
                          {"flops", s.flops},
                          {"dram_bytes", s.bytes},
                          {"note", s.note}};
    }
    j["stages"] = st;
    j["gpu_config"] = e.gpu.resolved;
    return j;
}

std::string operatorsCsv(const GpuEstimate& e) {
    std::string out =
        "stage,index,name,kind,trace_ops,m,k,n,batch,flops,dram_bytes,compute_s,memory_s,fixed_s,"
        "time_s,power_w,energy_j,bound\n";
    char buf[256];
    for (const auto& s : e.stages) {
        if (s.kernels.empty()) continue;
        for (size_t i = 0; i < s.kernels.size(); ++i) {
            const Kernel& k = s.kernels[i];
            const KernelWork& w = k.work;
            std::snprintf(buf, sizeof buf, ",%llu,%llu,%llu,%llu,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%s\n",
                          (unsigned long long)w.m, (unsigned long long)w.k, (unsigned long long)w.n,
                          (unsigned long long)w.batch, k.flops, w.bytes, k.computeS, k.memoryS, k.fixedS, k.timeS,
                          k.powerW, k.energyJ, k.memoryBound() ? "memory" : "compute");
            out += s.name + "," + std::to_string(i) + "," + w.name + "," + toString(w.kind) + "," +
                   std::to_string(w.ops) + buf;
        }
    }
    return out;
}

std::string gpuSummary(const GpuEstimate& e, const std::string& outDir) {
    std::string s = "vgmsim gpu: " + e.gpu.name + " x " + e.traceName + "\n";
    for (const auto& st : e.stages) {
        std::string name = st.name;
        name.resize(13, ' ');
        if (st.kernels.empty()) {
            s += "  " + name + "left out: " + st.note + "\n";
            continue;
        }
        s += "  " + name + formatNumber("%.4g s", st.latencyS) + ", " + formatNumber("%.4g J", st.energyJ) + ", " +
             std::to_string(st.kernels.size()) + " kernels" + (st.included ? "" : " (not in the total)") + "\n";
    }
    std::string inc;
    for (const auto& n : e.included()) inc += (inc.empty() ? "" : " + ") + n;
    s += "  total        " + formatNumber("%.4g s", e.totalLatencyS) + ", " + formatNumber("%.4g J", e.energyJ) + ", average power " +
         formatNumber("%.4g W", e.averagePowerW) + " (" + inc + ")\n";
    if (!outDir.empty()) s += "  report       " + outDir + "/gpu.json\n";
    return s;
}

}  // namespace vgm::gpu
