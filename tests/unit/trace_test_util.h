#pragma once
// Helpers for trace tests: temp files and the message of a failed read.
#include <filesystem>
#include <string>

#include "common/Error.h"
#include "common/Files.h"
#include "workload/Models.h"
#include "workload/TraceSpec.h"

namespace tracetest {

inline std::string tmpFile(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / "vgmsim_trace_tests";
    std::filesystem::create_directories(dir);
    return (dir / name).string();
}

inline std::string writeTmp(const std::string& name, const std::string& bytes) {
    std::string p = tmpFile(name);
    vgm::writeFileAtomic(p, bytes);
    return p;
}

inline std::string readError(const std::string& path) {
    try {
        vgm::workload::readTrace(path);
    } catch (const vgm::InputError& e) {
        return e.what();
    }
    return "no error";
}

inline vgm::workload::TraceSpec model(const std::string& name, uint32_t steps, bool cfg = false, uint32_t frames = 0) {
    vgm::workload::ModelOptions o;
    o.model = name;
    o.steps = steps;
    o.cfg = cfg;
    o.frames = frames;
    return vgm::workload::buildModel(o);
}

// JSON and skip parts of an encoded trace.
inline std::string jsonPart(const std::string& bytes) {
    size_t nl = bytes.find('\n');
    size_t j = std::stoul(bytes.substr(bytes.find("json=") + 5));
    return bytes.substr(nl + 1, j);
}
inline std::string skipPart(const std::string& bytes) {
    size_t nl = bytes.find('\n');
    return bytes.substr(nl + 1 + jsonPart(bytes).size());
}

inline std::string log() {
    return std::string(VGMSIM_SOURCE_DIR) + "/traces/reference/fvgm_opensora12_sparsity.txt";
}

}  // namespace tracetest
