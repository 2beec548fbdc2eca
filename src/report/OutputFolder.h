#pragma once
// Where `vgmsim run` writes, and the guard that keeps a run from silently
// replacing the report of a different config or trace.
#include <string>
#include <vector>

namespace vgm::report {

// "out/<config>-<trace>" without overrides; with them "-set<8 hex digits>"
// is appended, a hash of the sorted PATH=VALUE strings, so a modified run
// never lands in the baseline's folder.
std::string defaultOutputFolder(const std::string& configName, const std::string& traceName,
                                const std::vector<std::string>& sets);

// Throws InputError when DIR/report.json exists and was written for another
// config hash or trace hash (rerunning the same inputs gives the same bytes,
// so that is allowed). `force` skips the check.
void guardOutputFolder(const std::string& dir, const std::string& configHash, const std::string& traceHash,
                       bool force);

}  // namespace vgm::report
