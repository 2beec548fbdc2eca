#include "report/OutputFolder.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "common/Error.h"
#include "common/Files.h"
#include "common/Hash.h"
#include "common/Json.h"

namespace vgm::report {

std::string defaultOutputFolder(const std::string& configName, const std::string& traceName,
                                const std::vector<std::string>& sets) {
    std::string dir = "out/" + configName + "-" + traceName;
    if (sets.empty()) return dir;
    std::vector<std::string> sorted = sets;
    std::sort(sorted.begin(), sorted.end());
    std::string joined;
    for (const auto& s : sorted) joined += s + "\n";
    char hex[16];
    std::snprintf(hex, sizeof hex, "%08llx", static_cast<unsigned long long>(fnv1a64(joined) & 0xffffffffULL));
    return dir + "-set" + hex;
}

void guardOutputFolder(const std::string& dir, const std::string& configHash, const std::string& traceHash,
                       bool force) {
    const std::string file = dir + "/report.json";
    if (force || !std::filesystem::exists(file)) return;
    Json old;
    try {
        old = Json::parse(readTextFile(file));
    } catch (const Json::exception&) {
        throw InputError(file + ": exists and is not a report; allowed: a new folder, or --force to overwrite");
    }
    const std::string oldConfig = old.contains("config") ? old["config"].value("hash", "") : "";
    const std::string oldTrace = old.contains("trace") ? old["trace"].value("hash", "") : "";
    if (oldConfig == configHash && oldTrace == traceHash) return;  // same inputs: same bytes
    throw InputError(file + ": holds a run of another " + (oldConfig != configHash ? "config" : "trace") +
                     " (config " + oldConfig + ", trace " + oldTrace +
                     "); allowed: another --out folder, or --force to overwrite it");
}

}  // namespace vgm::report
