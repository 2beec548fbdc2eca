#include "timing/sparsity/SparsitySpec.h"

#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "common/Error.h"
#include "workload/Sparsity.h"

namespace vgm::timing {

using workload::Role;

SparsitySpec SparsitySpec::fromConfig(const config::Config& cfg) {
    const config::View s = cfg.root()["sparsity"];
    SparsitySpec sp;
    sp.enabled = s.boolean("enabled");
    sp.detector = s.str("detector") == "artifact" ? Detector::Artifact : Detector::Paper;
    sp.groupFrames = s.count("group_frames");
    sp.blockTokens = s.count("block_tokens");
    sp.overlap = s.boolean("overlap");
    const config::View su = s["su"];
    sp.su.lanes = su.count("lanes");
    sp.suInt8 = su.str("precision") == "int8";
    sp.su.elemBytes = sp.suInt8 ? 1 : 2;
    sp.su.readBytesPerCycle = su.count("read_bytes_per_cycle");
    sp.su.depth = su.count("pipeline_depth");
    sp.ru.bytesPerCycle = s["ru"].count("bytes_per_cycle");
    sp.ru.latency = s["ru"].count("latency");
    sp.ru.writeBytesPerCycle = s["ru"].count("write_bytes_per_cycle");
    sp.ru.indexEntryCycles = s["ru"].count("index_entry_cycles");
    const std::string model = s["ru"].str("model");
    sp.ru.model = model == "copy" ? RuModel::Copy : model == "index" ? RuModel::Index : RuModel::Broadcast;
    sp.threshold.fill(std::numeric_limits<double>::quiet_NaN());
    const config::View t = s["threshold"];
    for (const auto& [role, key] : {std::pair{Role::Qkv, "qkv"}, std::pair{Role::OutProj, "out_proj"},
                                    std::pair{Role::CrossQ, "cross_q"}, std::pair{Role::CrossOut, "cross_out"},
                                    std::pair{Role::Fc1, "fc1"}, std::pair{Role::Fc2, "fc2"}})
        sp.threshold[size_t(role)] = t.real(key);
    return sp;
}

void checkDetectorInputs(const SparsitySpec& sp, const workload::Trace& trace) {
    if (!sp.enabled || trace.header.provenance == "dense") return;
    const std::string tag = workload::maskDetector(trace.header.fields);
    const std::string want = sp.detector == Detector::Artifact ? "artifact" : "paper";
    if (tag != want)
        throw InputError("trace " + (trace.file.empty() ? trace.name : trace.file) + ": its masks follow the '" +
                         tag + "' detector (sparsity.detector" +
                         (trace.header.fields["sparsity"].contains("detector") ? "" : " absent: paper") +
                         ") but the config's sparsity.detector is '" + want + "'; allowed: --set sparsity.detector=" +
                         tag + ", or a trace written with vgmsim trace --detector " + want);
}

bool SparsitySpec::examines(Role r) const { return enabled && !std::isnan(threshold[size_t(r)]); }

}  // namespace vgm::timing
