#include "gpu/Baseline.h"

#include <cstdio>

#include "common/Text.h"

namespace vgm::gpu {

namespace {
double ratio(double a, double b) {
    return b > 0 ? a / b : 0.0;
}

}  // namespace

void addBaseline(Json& report, const GpuEstimate& g) {
    const double dLat = report["latency_s"], dEnergy = report["energy_j"];
    Json b;
    b["gpu"] = Json{{"name", g.gpu.name}, {"file", g.gpu.source}, {"hash", g.gpu.hash}};
    b["model"] = "analytical GPU model (src/gpu): PyTorch eager, FP16, FlashAttention; the GPU runs the trace dense";
    b["stages_included"] = g.included();
    b["gpu_dit_latency_s"] = g.ditLatencyS;
    b["gpu_dit_energy_j"] = g.ditEnergyJ;
    b["gpu_total_latency_s"] = g.totalLatencyS;
    b["gpu_energy_j"] = g.energyJ;
    b["gpu_average_power_w"] = g.averagePowerW;
    // The design runs only the DiT steps; an included stage it does not run costs what the GPU needs for it.
    double totLat = dLat, totEnergy = dEnergy;
    Json stages = Json::object();
    stages["dit"] = Json{{"latency_s", dLat}, {"energy_j", dEnergy}, {"source", "simulated"}};
    for (const auto& s : g.stages) {
        if (s.name == "dit") continue;
        if (!s.included) {
            stages[s.name] = Json{{"source", "left out"}, {"note", s.note}};
            continue;
        }
        totLat += s.latencyS, totEnergy += s.energyJ;
        stages[s.name] = Json{{"latency_s", s.latencyS},
                              {"energy_j", s.energyJ},
                              {"source", "gpu " + g.gpu.name + " (the design does not run this stage)"}};
    }
    b["design"] = Json{{"dit_latency_s", dLat},
                       {"dit_energy_j", dEnergy},
                       {"total_latency_s", totLat},
                       {"energy_j", totEnergy},
                       {"stages", stages}};
    b["speedup_dit"] = ratio(g.ditLatencyS, dLat);
    b["energy_efficiency_dit"] = ratio(g.ditEnergyJ, dEnergy);
    b["speedup_total"] = ratio(g.totalLatencyS, totLat);
    b["energy_efficiency_total"] = ratio(g.energyJ, totEnergy);
    report["baseline"] = std::move(b);
}

std::string baselineSummary(const Json& r) {
    if (!r.contains("baseline")) return "";
    const Json& b = r["baseline"];
    const std::string gpu = b["gpu"]["name"];
    std::string s = "  baseline     " + gpu + " (GPU model, dense FP16): DiT " + formatNumber("%.4g s", b["gpu_dit_latency_s"]) +
                    ", " + formatNumber("%.4g J", b["gpu_dit_energy_j"]) + "\n";
    s += "  vs " + gpu + std::string(gpu.size() < 9 ? 9 - gpu.size() : 1, ' ') + "speedup " +
         formatNumber("%.3gx", b["speedup_dit"]) + ", energy efficiency " + formatNumber("%.3gx", b["energy_efficiency_dit"]) +
         " (DiT steps only)\n";
    if (b["stages_included"].size() > 1) {
        std::string others;
        for (const auto& n : b["stages_included"])
            if (n != "dit") others += (others.empty() ? "" : " + ") + n.get<std::string>();
        s += "  whole video  GPU " + formatNumber("%.4g s", b["gpu_total_latency_s"]) + ", design " +
             formatNumber("%.4g s", b["design"]["total_latency_s"]) + " (" + others + " taken from " + gpu + "): speedup " +
             formatNumber("%.3gx", b["speedup_total"]) + ", energy efficiency " + formatNumber("%.3gx", b["energy_efficiency_total"]) +
             "\n";
    }
    return s;
}

}  // namespace vgm::gpu
