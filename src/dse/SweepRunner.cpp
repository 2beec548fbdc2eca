#include "dse/SweepRunner.h"

#include <cstring>
#include <filesystem>

#include "common/Error.h"
#include "common/Files.h"
#include "common/JsonParse.h"
#include "common/Hash.h"
#include "config/Config.h"
#include "dse/Constraints.h"
#include "dse/Pareto.h"
#include "dse/ProcessPool.h"
#include "dse/Progress.h"
#include "dse/Results.h"

namespace vgm::dse {

namespace fs = std::filesystem;

Plan makePlan(const SweepSpec& spec) {
    const std::string base = spec.resolvePath(spec.baseConfig);
    const config::Config cfg = config::Config::load(base, spec.sets);
    // Unknown axis paths are the spec's fault, not one point's: try the first
    // value of every axis together before planning anything.
    std::vector<std::string> sets = spec.sets;
    for (const auto& a : spec.axes)
        for (const auto& m : a.members) sets.push_back(m.path + "=" + m.values.front().dump());
    try {
        config::Config::load(base, sets);
    } catch (const InputError& e) {
        std::string msg = e.what();
        if (msg.rfind("--set", 0) == 0) throwInput(spec.file, "/axes", msg.substr(msg.find(':') + 2));
    }
    Plan plan = expandPoints(spec, makeConstraintCheck(spec));
    plan.baseHash = cfg.hash();
    for (const auto& t : spec.traces) plan.traceHashes.push_back(hashString(readTextFile(spec.resolvePath(t))));
    return plan;
}

Json sweepJson(const Plan& plan, const Shard& shard) {
    Json j{{"schema", "vgmsim-sweep/1"}, {"shard", shard.text()}};
    const Json body = plan.toJson();
    for (auto it = body.begin(); it != body.end(); ++it) j[it.key()] = it.value();
    return j;
}

void writeResults(const std::string& outDir, const Plan& plan, const std::vector<size_t>& rows, SweepSummary* summary) {
    Results r = collectResults(plan, rows, outDir);
    writeFileAtomic(outDir + "/results.csv", resultsCsv(plan, r));
    writeFileAtomic(outDir + "/results.json", dumpJson(resultsJson(plan, r)));
    writeFileAtomic(outDir + "/pareto.csv", paretoCsv(plan, r));
    if (summary) {
        summary->ok = r.count("ok");
        summary->failed = r.count("failed") + r.count("timeout") + r.count("crashed");
        summary->filtered = r.count("filtered");
        summary->missing = r.count("missing");
    }
}

std::string lastErrorLine(const std::string& stderrPath) {
    std::string text;
    try {
        text = readTextFile(stderrPath);
    } catch (const InputError&) {
        return "";
    }
    std::string last;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
        if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
        start = nl == std::string::npos ? text.size() : nl + 1;
    }
    if (last.rfind("error: ", 0) == 0) last = last.substr(7);
    return last;
}

// Refuses to mix two different sweeps in one folder.
static void prepareOutDir(const std::string& outDir, const Json& sweep, bool resume) {
    const std::string path = outDir + "/sweep.json";
    if (fs::exists(path)) {
        if (!resume)
            throwInput(outDir, "", "already holds a sweep; pass --resume to continue it, or choose another --out");
        Json old;
        try {
            old = parseJsonInput(readTextFile(path), path);
        } catch (const InputError&) {
            throwInput(path, "", "is not valid JSON; remove it or choose another --out");
        }
        if (old != sweep)
            throwInput(path, "",
                       "belongs to a different sweep (spec, shard, base config or traces changed); "
                       "choose another --out");
        return;
    }
    writeFileAtomic(path, dumpJson(sweep));
}

static std::string describe(const JobResult& res, double timeoutS, const std::string& stderrPath, std::string& status) {
    if (res.timedOut) {
        status = "timeout";
        char buf[64];
        std::snprintf(buf, sizeof buf, "exceeded the time limit of %g s", timeoutS);
        return buf;
    }
    if (res.spawnFailed) {
        status = "failed";
        return "could not start the simulator process";
    }
    if (res.signal) {
        status = "crashed";
        return std::string("killed by signal ") + std::to_string(res.signal) + " (" + strsignal(res.signal) + ")";
    }
    status = "failed";
    std::string err = lastErrorLine(stderrPath);
    if (res.exitCode == 0) return "exited 0 without a complete report.json";
    return err.empty() ? "exit status " + std::to_string(res.exitCode) : err;
}

SweepSummary runSweep(const SweepOptions& opt) {
    const SweepSpec spec = SweepSpec::load(opt.specPath);
    const Plan plan = makePlan(spec);
    SweepSummary sum;
    sum.outDir = opt.outDir.empty() ? "out/sweeps/" + spec.name : opt.outDir;
    const std::string outAbs = fs::absolute(sum.outDir).lexically_normal().string();
    prepareOutDir(outAbs, sweepJson(plan, opt.shard), opt.resume);

    const std::vector<size_t> mine = shardPoints(plan, opt.shard);
    sum.planned = plan.points.size();
    sum.inShard = mine.size();
    const double timeout = opt.timeoutS.value_or(spec.timeoutS);
    const std::string specDir = fs::absolute(spec.file).parent_path().lexically_normal().string();
    std::vector<Job> jobs;
    for (size_t i : mine) {
        const Point& p = plan.points[i];
        const std::string dir = pointDir(outAbs, p);
        if (opt.resume && completeReport(dir)) {
            ++sum.skipped;
            continue;
        }
        fs::create_directories(dir);
        fs::remove(dir + "/report.json");
        fs::remove(dir + "/status.json");
        Job job;
        // Children run in the spec's folder with the spec's own relative
        // paths, so their error messages are the same on every machine.
        job.cwd = specDir;
        job.argv = {opt.exe, "run", "--config", spec.baseConfig, "--trace", p.trace};
        for (const auto& s : spec.sets) job.argv.insert(job.argv.end(), {"--set", s});
        for (const auto& s : p.setArgs()) job.argv.insert(job.argv.end(), {"--set", s});
        if (!spec.baseline.empty()) job.argv.insert(job.argv.end(), {"--baseline", spec.baseline});
        job.argv.insert(job.argv.end(), {"--out", dir, "--quiet"});
        job.stderrPath = dir + "/stderr.txt";
        job.timeoutS = timeout;
        job.tag = i;
        Json pj{{"id", p.id}, {"trace", p.trace}, {"set", Json::object()}};
        for (const auto& [path, value] : p.sets) pj["set"][path] = value;
        writeFileAtomic(dir + "/point.json", dumpJson(pj));
        jobs.push_back(std::move(job));
    }

    Progress progress(jobs.size(), opt.progress);
    size_t done = 0, failed = 0;
    ProcessPool pool(opt.jobs);
    const volatile std::sig_atomic_t* stop = installStopFlag();
    pool.run(
        jobs,
        [&](const JobResult& res) {
            const std::string dir = pointDir(outAbs, plan.points[res.tag]);
            ++done;
            if (res.ok() && completeReport(dir)) return;
            std::string status;
            std::string err = describe(res, timeout, dir + "/stderr.txt", status);
            writeStatus(dir, status, err);
            ++failed;
        },
        [&](size_t running) { progress.update(done, failed, running); }, stop);
    progress.update(done, failed, 0);
    progress.finish();
    sum.ran = done;
    sum.interrupted = *stop != 0;
    writeResults(outAbs, plan, shardRows(plan, opt.shard), &sum);
    return sum;
}

}  // namespace vgm::dse
