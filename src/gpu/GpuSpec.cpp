#include "gpu/GpuSpec.h"

#include <filesystem>

#include "common/Error.h"
#include "common/Files.h"
#include "common/Hash.h"
#include "common/Suggest.h"
#include "config/Loader.h"

namespace vgm::gpu {

namespace {
// Presets are flat objects of declared sections: check keys and values, fill defaults.
Json resolve(const config::Section& sec, const Json& given, const std::string& ptr, const std::string& file) {
    const Json& obj = given.is_null() ? Json::object() : given;
    if (!obj.is_object())
        throwInput(file, ptr.empty() ? "/" : ptr, jsonBrief(obj) + " is " + jsonTypeName(obj) + "; allowed: an object");
    for (auto it = obj.begin(); it != obj.end(); ++it)
        if (!sec.findParam(it.key()) && !sec.findSection(it.key()))
            throwInput(file, ptr + "/" + it.key(),
                       "unknown key '" + it.key() + "'" + didYouMean(it.key(), sec.keys()) +
                           "; allowed: " + joinNames(sec.keys()));
    Json out = Json::object();
    for (const auto& p : sec.params) {
        if (!obj.contains(p.key)) {
            out[p.key] = p.def;
            continue;
        }
        const Json& v = obj[p.key];
        std::string problem = p.check(v);
        if (!problem.empty()) throwInput(file, ptr + "/" + p.key, problem);
        out[p.key] = p.type == config::ParamType::Float ? Json(v.get<double>()) : v;
    }
    for (const auto& s : sec.sections)
        out[s.key] = resolve(s, obj.contains(s.key) ? obj[s.key] : Json(), ptr + "/" + s.key, file);
    return out;
}
}  // namespace

GpuSpec gpuFromJson(const Json& doc, const std::string& source) {
    GpuSpec g;
    g.resolved = resolve(gpuSchema(), doc, "", source);
    const Json& r = g.resolved;
    g.source = source;
    g.hash = hashString(r.dump());
    g.name = r["name"];
    if (g.name.empty()) g.name = std::filesystem::path(source).stem().string();
    g.description = r["description"];
    g.basis = r["basis"];
    const Json &c = r["compute"], &k = r["kernels"], &f = k["fixed_us"], &p = r["power"];
    g.tensorTflops = c["tensor_tflops"];
    g.int8Tops = c["int8_tops"];
    g.sms = c["sms"];
    g.bandwidthGBs = r["memory"]["bandwidth_gbs"];
    g.gemmEfficiency = k["gemm_efficiency"];
    g.gemmTileM = k["gemm_tile_m"];
    g.gemmTileN = k["gemm_tile_n"];
    g.memoryEfficiency = k["memory_efficiency"];
    g.attentionEfficiency = k["attention_efficiency"];
    g.attnBlockQ = k["attention_block_q"];
    g.attnBlockKv = k["attention_block_kv"];
    g.attnHeadDimStep = k["attention_head_dim_step"];
    g.fusedAttention = k["fused_attention"];
    g.fuseElementwise = k["fuse_elementwise"];
    g.linearPrecision = k["linear_precision"] == "int8" ? LinearPrecision::Int8 : LinearPrecision::Fp16;
    g.fixedGemmS = f["gemm"].get<double>() * 1e-6;
    g.fixedAttentionS = f["attention"].get<double>() * 1e-6;
    g.fixedSoftmaxS = f["softmax"].get<double>() * 1e-6;
    g.fixedNormS = f["norm"].get<double>() * 1e-6;
    g.fixedElementwiseS = f["elementwise"].get<double>() * 1e-6;
    g.boardPowerW = p["board_w"];
    g.idlePowerW = p["idle_w"];
    g.computeUtilAtBoardPower = p["compute_util_at_board_power"];
    g.memoryPowerWeight = p["memory_power_weight"];
    if (g.idlePowerW >= g.boardPowerW)
        throwInput(source, "/power/idle_w",
                   jsonBrief(p["idle_w"]) + " is not below power.board_w " + jsonBrief(p["board_w"]) +
                       "; allowed: idle_w < board_w");
    return g;
}

GpuSpec loadGpu(const std::string& path) {
    return gpuFromJson(config::parseJsonText(readTextFile(path), path), path);
}

}  // namespace vgm::gpu
