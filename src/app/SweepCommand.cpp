// vgmsim sweep: expand a sweep spec and run its points, each in its own process.
#include <unistd.h>

#include <iostream>

#include "app/ArgParse.h"
#include "common/Error.h"
#include "dse/SelfExe.h"
#include "dse/SweepRunner.h"
#include "dse/SweepSpec.h"

namespace vgm::app {

static int dryRun(const std::string& specPath, const dse::Shard& shard) {
    const dse::SweepSpec spec = dse::SweepSpec::load(specPath);
    const dse::Plan plan = dse::makePlan(spec);
    std::vector<bool> mine(plan.points.size(), false);
    for (size_t i : dse::shardPoints(plan, shard)) mine[i] = true;
    for (const auto& p : plan.points) {
        if (p.state == dse::PointState::Run && !mine[p.index]) continue;
        std::cout << p.id << "  " << p.trace;
        for (const auto& s : p.setArgs()) std::cout << "  " << s;
        if (p.state == dse::PointState::Filtered) std::cout << "  [filtered: " << p.note << "]";
        std::cout << "\n";
    }
    return 0;
}

int sweepCommand(const Args& args) {
    po::options_description opts("options");
    std::string spec, out, shardText = "1/1";
    unsigned jobs = 0;
    double timeout = 0;
    opts.add_options()("spec,s", po::value(&spec)->required(), "sweep spec (JSON, see src/dse/README.md)")(
        "jobs,j", po::value(&jobs), "points run at a time (default: number of cores)")(
        "shard", po::value(&shardText), "run only slice I of N (I/N, 1-based), e.g. 3/8")(
        "out,o", po::value(&out), "output folder (default out/sweeps/<name>)")(
        "resume", "continue a sweep in --out: skip points whose report.json is complete")(
        "timeout", po::value(&timeout), "per-point time limit in seconds (overrides the spec's timeout_s)")(
        "dry-run,n", "list this shard's points (and filtered ones) without running anything");
    po::variables_map vm;
    if (!parseArgs("sweep", "--spec FILE [--jobs N] [--shard I/N] [--out DIR] [--resume]", args, opts, vm)) return 0;
    dse::SweepOptions o;
    o.specPath = spec;
    o.shard = dse::parseShard(shardText);
    if (vm.count("dry-run")) return dryRun(spec, o.shard);
    o.outDir = out;
    o.jobs = jobs ? jobs : std::max(1L, ::sysconf(_SC_NPROCESSORS_ONLN));
    o.resume = vm.count("resume") > 0;
    if (vm.count("timeout")) {
        if (timeout <= 0) throw InputError("vgmsim sweep: --timeout " + std::to_string(timeout) + "; allowed: > 0");
        o.timeoutS = timeout;
    }
    o.progress = ::isatty(STDERR_FILENO);
    o.exe = dse::selfExe();
    const dse::SweepSummary s = dse::runSweep(o);
    std::cout << "sweep " << s.outDir << ": " << s.planned << " points planned, " << s.inShard << " in shard "
              << o.shard.text() << " (" << s.skipped << " already complete, " << s.ran << " run); " << s.ok << " ok, "
              << s.failed << " failed, " << s.filtered << " filtered";
    if (s.missing) std::cout << ", " << s.missing << " not run";
    std::cout << "\n  results " << s.outDir << "/results.csv, fronts " << s.outDir << "/pareto.csv\n";
    if (s.interrupted) {
        std::cerr << "sweep: interrupted; rerun with --resume to finish\n";
        return 130;
    }
    return 0;
}

}  // namespace vgm::app
