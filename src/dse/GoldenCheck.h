#pragma once
// `vgmsim check`: reruns the small config x trace pairs listed in a golden
// folder's manifest.json and compares each report with the stored one.
//
// manifest.json:
// {
//   "float_relative_tolerance": 1e-9,      floats; integers and strings exact
//   "ignore": ["vgmsim_version"],          report fields never compared
//   "cases": [{"name": "gemm64_os32", "config": "../../configs/scalesim/os_32x32.json",
//              "trace": "traces/gemm_64.json", "sets": []}]
// }
// Paths are relative to the golden folder; expected/<name>.json holds each report.
#include <string>
#include <utility>
#include <vector>

#include "dse/ReportDiff.h"

namespace vgm::dse {

struct GoldenCase {
    std::string name, config, trace;
    std::vector<std::string> sets;
};

struct GoldenManifest {
    std::string dir;
    double relTol = 1e-9;
    std::vector<std::string> ignore;
    std::vector<GoldenCase> cases;

    static GoldenManifest load(const std::string& dir);
    std::string expectedPath(const GoldenCase& c) const { return dir + "/expected/" + c.name + ".json"; }
};

struct CheckOptions {
    std::string goldenDir = "tests/golden";
    bool update = false;
    std::vector<std::string> sets;  // applied to every case: "what would move if ..."
    unsigned jobs = 2;
    std::string exe;
};

struct CheckOutcome {
    size_t cases = 0;
    double relTol = 0;
    std::vector<CaseChanges> moved;                           // cases whose report changed
    std::vector<std::pair<std::string, std::string>> failed;  // case -> error
};

CheckOutcome runCheck(const CheckOptions& opt);

}  // namespace vgm::dse
