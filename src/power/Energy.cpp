#include "power/Energy.h"

namespace vgm::power {

namespace {
void addComponent(EnergyReport& r, const config::View& e, const char* name, uint64_t events, const char* key) {
    r.components.emplace_back(name, static_cast<double>(events) * e.real(key) * 1e-12);
}
}  // namespace

EnergyReport computeEnergy(const config::Config& cfg, const stats::RunResult& run, double latencySeconds) {
    const config::View e = cfg.root()["energy"];
    EnergyReport r;
    auto add = [&](const char* name, uint64_t events, const char* key) { addComponent(r, e, name, events, key); };
    add("dsp_int8", run.macsInt8, "mac_int8_pj");
    add("dsp_int16", run.macsInt16, "mac_int16_pj");
    add("dsp_fp16", run.macsFp16, "mac_fp16_pj");
    add("dsp_fp32", run.macsFp32, "mac_fp32_pj");
    add("sfu", run.sfuElements, "sfu_element_pj");
    add("su", run.suMacs, "su_mac_pj");
    add("bram", run.bramBytes, "bram_byte_pj");
    add("uram", run.uramBytes, "uram_byte_pj");
    add("noc", run.nocBytes, "noc_byte_pj");
    add("hbm_act", run.hbmActs, "hbm_act_pj");
    add("hbm_pre", run.hbmPres, "hbm_pre_pj");
    add("hbm_rd", run.hbmRdBursts, "hbm_rd_burst_pj");
    add("hbm_wr", run.hbmWrBursts, "hbm_wr_burst_pj");
    add("hbm_refresh", run.hbmRefreshes, "hbm_refresh_pj");
    r.components.emplace_back("static", e.real("static_w") * latencySeconds);
    for (const auto& [name, j] : r.components) r.totalJ += j;
    r.averagePowerW = latencySeconds > 0 ? r.totalJ / latencySeconds : 0.0;
    r.perVideoJ = r.totalJ;
    r.perFrameJ = run.videoFrames ? r.totalJ / static_cast<double>(run.videoFrames) : 0.0;
    return r;
}

}  // namespace vgm::power
