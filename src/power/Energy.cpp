#include "power/Energy.h"

namespace vgm::power {

EnergyReport computeEnergy(const config::Config& cfg, const stats::RunResult& run, double latencySeconds) {
    const config::View e = cfg.root()["energy"];
    const double pj = 1e-12;
    EnergyReport r;
    r.components.emplace_back("dsp_int8", static_cast<double>(run.macsInt8) * e.real("mac_int8_pj") * pj);
    r.components.emplace_back("dsp_fp16", static_cast<double>(run.macsFp16 + run.macsFp32) * e.real("mac_fp16_pj") * pj);
    r.components.emplace_back("static", e.real("static_w") * latencySeconds);
    for (const auto& [name, j] : r.components) r.totalJ += j;
    r.averagePowerW = latencySeconds > 0 ? r.totalJ / latencySeconds : 0.0;
    return r;
}

}  // namespace vgm::power
