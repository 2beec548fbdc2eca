#include "dse/GoldenCheck.h"

#include <cstdlib>
#include <filesystem>

#include "common/Error.h"
#include "common/Files.h"
#include "dse/JsonIn.h"
#include "dse/ProcessPool.h"
#include "dse/Results.h"
#include "dse/SweepRunner.h"

namespace vgm::dse {

namespace fs = std::filesystem;

GoldenManifest GoldenManifest::load(const std::string& dir) {
    const std::string file = dir + "/manifest.json";
    Json doc = JsonIn::parseFile(file);
    JsonIn in(doc, file);
    in.expectKeys({"description", "float_relative_tolerance", "ignore", "cases"});
    GoldenManifest m;
    m.dir = dir;
    m.relTol = in.number("float_relative_tolerance", 1e-9);
    if (m.relTol < 0 || m.relTol >= 1) in["float_relative_tolerance"].fail("allowed: a number in [0, 1)");
    m.ignore = in.has("ignore") ? in["ignore"].strings() : std::vector<std::string>{"vgmsim_version"};
    JsonIn cases = in["cases"];
    cases.expectArray(1);
    for (size_t i = 0; i < cases.size(); ++i) {
        JsonIn c = cases.at(i);
        c.expectKeys({"name", "config", "trace", "sets", "description"});
        GoldenCase g{c["name"].str(), c["config"].str(), c["trace"].str(), {}};
        if (c.has("sets")) g.sets = c["sets"].strings();
        // The name becomes a folder under the check's temporary folder: "." or ".." would leave it.
        if (g.name.empty() || g.name == "." || g.name == ".." ||
            g.name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.") !=
                std::string::npos)
            c["name"].fail("'" + g.name + "' is not a file name; allowed: letters, digits, _ - .");
        for (const auto& other : m.cases)
            if (other.name == g.name) c["name"].fail("'" + g.name + "' is used by two cases");
        m.cases.push_back(std::move(g));
    }
    return m;
}

CheckOutcome runCheck(const CheckOptions& opt) {
    const GoldenManifest m = GoldenManifest::load(opt.goldenDir);
    CheckOutcome out;
    out.cases = m.cases.size();
    out.relTol = m.relTol;
    char tmpl[] = "/tmp/vgmsim-check-XXXXXX";
    if (!::mkdtemp(tmpl)) throw std::runtime_error("cannot create a temporary folder in /tmp");
    const std::string tmp = tmpl;
    const std::string goldenAbs = fs::absolute(opt.goldenDir).lexically_normal().string();

    std::vector<Job> jobs;
    for (size_t i = 0; i < m.cases.size(); ++i) {
        const GoldenCase& c = m.cases[i];
        Job job;
        job.cwd = goldenAbs;  // manifest paths are relative to the golden folder
        job.argv = {opt.exe, "run", "--config", c.config, "--trace", c.trace};
        for (const auto& s : c.sets) job.argv.insert(job.argv.end(), {"--set", s});
        for (const auto& s : opt.sets) job.argv.insert(job.argv.end(), {"--set", s});
        job.argv.insert(job.argv.end(), {"--out", tmp + "/" + c.name, "--quiet"});
        job.stderrPath = tmp + "/" + c.name + ".stderr";
        job.tag = i;
        jobs.push_back(std::move(job));
    }
    std::vector<std::string> errors(m.cases.size());
    ProcessPool(opt.jobs).run(jobs, [&](const JobResult& r) {
        if (!r.ok()) {
            std::string e = lastErrorLine(jobs[r.tag].stderrPath);
            errors[r.tag] = e.empty() ? (r.signal ? "killed by signal " + std::to_string(r.signal)
                                                  : "exit status " + std::to_string(r.exitCode))
                                      : e;
        }
    });

    for (size_t i = 0; i < m.cases.size(); ++i) {
        const GoldenCase& c = m.cases[i];
        auto report = errors[i].empty() ? completeReport(tmp + "/" + c.name) : std::nullopt;
        if (!report) {
            out.failed.emplace_back(c.name, errors[i].empty() ? "no complete report.json" : errors[i]);
            continue;
        }
        CaseChanges cc{c.name, {}};
        const std::string expected = m.expectedPath(c);
        if (fs::exists(expected)) {
            Json old = JsonIn::parseFile(expected);
            cc.changes = diffReports(old, *report, m.relTol, m.ignore);
        } else {
            cc.changes.push_back({"(report)", "(absent)", "new golden", ""});
        }
        // Only a change beyond tolerance rewrites a golden: no churn from float noise.
        if (opt.update && !cc.changes.empty()) writeFileAtomic(expected, dumpJson(*report));
        if (!cc.changes.empty()) out.moved.push_back(std::move(cc));
    }
    std::error_code ec;
    fs::remove_all(tmp, ec);
    return out;
}

}  // namespace vgm::dse
