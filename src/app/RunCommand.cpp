// vgmsim run: config + trace -> simulation -> report.json, layers.csv,
// config.resolved.json and a short summary on stdout.
#include <filesystem>
#include <iostream>
#include <optional>
#include <unistd.h>

#include "app/ArgParse.h"
#include "common/Error.h"
#include "config/Config.h"
#include "gpu/Baseline.h"
#include "models/Simulation.h"
#include "common/Files.h"
#include "power/ClockLimits.h"
#include "power/PowerReport.h"
#include "power/PowerSeries.h"
#include "power/Resources.h"
#include "report/OutputFolder.h"
#include "report/Report.h"
#include "workload/Trace.h"

namespace vgm::app {

int runCommand(const Args& args) {
    po::options_description opts("options");
    std::string configPath, tracePath, outDir, timeline, baselinePath, baselineStages = "dit";
    std::vector<std::string> sets;
    opts.add_options()
        ("config,c", po::value(&configPath)->required(), "hardware config (JSON)")
        ("trace,t", po::value(&tracePath)->required(), "workload trace (see traces/FORMAT.md)")
        ("set", po::value(&sets)->composing(), "override a config value: PATH=VALUE (repeatable), e.g. clock.fabric_mhz=250")
        ("out,o", po::value(&outDir), "output folder (default out/<config>-<trace>/, plus -set<hash> with --set)")
        ("force", "overwrite an output folder that holds a run of another config or trace")
        ("no-layers", "leave the per-operator rows out of report.json (layers.csv still has them)")
        ("timeline", po::value(&timeline), "also write a Chrome trace-event timeline (Perfetto) to this file")
        ("baseline", po::value(&baselinePath), "compare with a GPU preset (configs/gpu/*.json): adds report.json baseline")
        ("baseline-stages", po::value(&baselineStages), "dit (default) or all: also text encoder and VAE decode (from the GPU)")
        ("allow-overfit", "simulate even if the design does not fit the device")
        ("strict", "refuse a clock above the DSP58 Fmax of the modes the design runs (else only flagged)")
        ("quiet,q", "print nothing on success");
    po::variables_map vm;
    if (!parseArgs("run", "--config FILE --trace FILE [--set PATH=VALUE]... [--out DIR] [--force] [--timeline FILE] [--no-layers] [--baseline FILE] [--strict] [--quiet]", args, opts, vm))
        return 0;

    const config::Config cfg = config::Config::load(configPath, sets);
    const workload::Trace trace = workload::readTrace(tracePath);
    const gpu::StageSet stageSet = gpu::parseStageSet(baselineStages, "--baseline-stages");
    std::optional<gpu::GpuSpec> baseline;
    if (!baselinePath.empty()) baseline = gpu::loadGpu(baselinePath);
    const power::ResourceEstimate resources = power::estimateResources(cfg);
    if (!resources.fits() && !vm.count("allow-overfit"))
        throw InputError(configPath + ": design does not fit " + resources.device.part + " (DSP " +
                         std::to_string(resources.dsp) + "/" + std::to_string(resources.device.dsp58) + ", LUT " +
                         std::to_string(resources.lut) + "/" + std::to_string(resources.device.lut) + ", BRAM36 " +
                         std::to_string(resources.bram36) + "/" + std::to_string(resources.device.bram36) + ", URAM " +
                         std::to_string(resources.uram) + "/" + std::to_string(resources.device.uram) +
                         "); pass --allow-overfit to simulate anyway");
    const power::ClockCheck clock = power::checkClockLimits(cfg);
    if (vm.count("strict") && !clock.violations.empty())
        throw InputError(configPath + ": " + clock.violations.front() + "; lower clock.fabric_mhz or drop --strict");
    if (outDir.empty()) outDir = report::defaultOutputFolder(cfg.name(), trace.name, sets);
    report::guardOutputFolder(outDir, cfg.hash(), trace.hash, vm.count("force") > 0);

    models::SimOptions simOpts;
    simOpts.progress = !vm.count("quiet") && ::isatty(STDERR_FILENO);
    simOpts.timelinePath = timeline;
    std::error_code ec;  // a failure shows up as the timeline's own "cannot write" error
    if (const auto parent = std::filesystem::path(timeline).parent_path(); !timeline.empty() && !parent.empty())
        std::filesystem::create_directories(parent, ec);  // e.g. --timeline DIR/timeline.json before DIR exists
    const stats::RunResult run = models::simulate(cfg, trace, simOpts);

    const power::EnergyReport energy = power::evaluatePower(cfg, run, resources, clock);
    Json report = report::buildReport({cfg, trace, run, energy, resources});
    if (baseline) gpu::addBaseline(report, gpu::estimateGpu(*baseline, trace, stageSet));
    report["config"]["overrides"] = sets;  // the --set PATH=VALUE strings, in order
    if (vm.count("no-layers")) report.erase("layers");
    report::writeRunOutputs(outDir, report, report::layersCsv(run), cfg);
    writeFileAtomic(outDir + "/power.csv", power::powerCsv(energy));
    if (!vm.count("quiet")) std::cout << report::summaryText(report, outDir) << gpu::baselineSummary(report);
    return 0;
}

}  // namespace vgm::app
