// vgmsim gpu: the analytical GPU baseline alone -> DIR/gpu.json, DIR/operators.csv, summary.
#include <iostream>

#include "app/ArgParse.h"
#include "common/Files.h"
#include "gpu/GpuEstimate.h"
#include "workload/Trace.h"

namespace vgm::app {

int gpuCommand(const Args& args) {
    po::options_description opts("options");
    std::string gpuPath, tracePath, outDir, stages = "dit";
    opts.add_options()("gpu,g", po::value(&gpuPath)->required(), "GPU preset (configs/gpu/*.json; vgmsim params gpu)")(
        "trace,t", po::value(&tracePath)->required(), "workload trace (see traces/FORMAT.md)")(
        "stages", po::value(&stages), "dit (the DiT steps only, default) or all (+ text encoder and VAE decode)")(
        "out,o", po::value(&outDir), "output folder (default out/gpu-<gpu>-<trace>/)")("quiet,q",
                                                                                       "print nothing on success");
    po::variables_map vm;
    if (!parseArgs("gpu", "--gpu FILE --trace FILE [--stages dit|all] [--out DIR]", args, opts, vm)) return 0;

    const gpu::StageSet set = gpu::parseStageSet(stages, "--stages");
    const gpu::GpuSpec spec = gpu::loadGpu(gpuPath);
    const workload::Trace trace = workload::readTrace(tracePath);
    const gpu::GpuEstimate est = gpu::estimateGpu(spec, trace, set);
    if (outDir.empty()) outDir = "out/gpu-" + spec.name + "-" + trace.name;
    writeFileAtomic(outDir + "/operators.csv", gpu::operatorsCsv(est));
    writeFileAtomic(outDir + "/gpu.json", dumpJson(gpu::gpuJson(est)));
    if (!vm.count("quiet")) std::cout << gpu::gpuSummary(est, outDir);
    return 0;
}

}  // namespace vgm::app
