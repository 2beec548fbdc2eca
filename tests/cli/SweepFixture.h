#pragma once
// Shared set-up for the sweep CLI tests: a tiny spec over the SCALE-Sim
// 32x32 config and a tiny GEMM trace (each point runs in milliseconds).
#include <filesystem>
#include <string>

#include "common/Files.h"
#include "common/Json.h"

namespace vgm::test {

inline std::string srcPath(const std::string& rel) {
    return std::string(VGMSIM_SOURCE_DIR) + "/" + rel;
}

// Writes DIR/spec.json; `extra` is merged into the spec's top level.
inline std::string writeTinySpec(const std::string& dir, const Json& extra = Json::object()) {
    Json spec = {
        {"name", "tiny"},
        {"base_config", srcPath("configs/scalesim/os_32x32.json")},
        {"traces", {srcPath("traces/tiny/gemm_64x128x32_int8.vgmt"), srcPath("traces/tiny/gemm_128x72x128_fp16.vgmt")}},
        {"axes",
         {{{"path", "dsp.groups.0.rows"}, {"values", {8, 16, 32}}},
          {{"path", "dsp.groups.0.cols"}, {"range", {{"start", 8}, {"stop", 32}, {"step", 2}, {"scale", "log"}}}}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it) spec[it.key()] = it.value();
    writeFileAtomic(dir + "/spec.json", dumpJson(spec));
    return dir + "/spec.json";
}

inline std::string slurpFile(const std::string& path) {
    std::error_code ec;
    return std::filesystem::exists(path, ec) ? readTextFile(path) : std::string("(absent)");
}

}  // namespace vgm::test
