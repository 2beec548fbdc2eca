#include "power/Energy.h"

namespace vgm::power {

namespace {

constexpr const char* kCategories[] = {"static", "fabric_clock", "dsp",           "sfu",
                                       "su_ru",  "onchip_memory", "noc", "hbm"};
enum Cat { Static, FabricClock, Dsp, Sfu, SuRu, Memory, Noc, Hbm };

struct Builder {
    EnergyReport& r;
    std::vector<double> cat = std::vector<double>(std::size(kCategories), 0.0);
    std::vector<double> constW = std::vector<double>(std::size(kCategories), 0.0);
    void event(Cat c, const char* name, double count, double pj) { add(c, name, count * pj * 1e-12); }
    void constant(Cat c, const char* name, double watts) {
        constW[c] += watts;
        add(c, name, watts * r.latencyS);
    }
    void add(Cat c, const char* name, double j) {
        r.components.emplace_back(name, j);
        cat[c] += j;
    }
};

}  // namespace

double dspMacPj(const config::Config& cfg, size_t unitKind, size_t precision) {
    static const char* const prec[] = {"int8", "int16", "fp16", "fp32"};
    const std::string key = std::string(unitKind == 0 ? "dsp58_" : "dspe_") + prec[precision] + "_mac_pj";
    return cfg.root()["power"]["events"].real(key);
}

EnergyReport computeEnergy(const config::Config& cfg, const stats::RunResult& run, const ResourceEstimate& res) {
    const config::View p = cfg.root()["power"], ev = p["events"], hbm = p["hbm"];
    const config::View dev = p[res.device.part];
    const double mhz = cfg.root()["clock"].real("fabric_mhz");
    EnergyReport r;
    r.latencyS = double(run.totalCycles) / (mhz * 1e6);
    r.temperature = p.str("temperature");
    Builder b{r};

    static const char* const dspNames[2][4] = {{"dsp58_int8", "dsp58_int16", "dsp58_fp16", "dsp58_fp32"},
                                               {"dspe_int8", "dspe_int16", "dspe_fp16", "dspe_fp32"}};
    for (size_t u = 0; u < 2; ++u)
        for (size_t q = 0; q < 4; ++q) b.event(Dsp, dspNames[u][q], double(run.dspMacs[u][q]), dspMacPj(cfg, u, q));
    b.event(Sfu, "sfu", double(run.sfuElements), ev.real("sfu_element_pj"));
    b.event(SuRu, "su", double(run.suMacs), ev.real("su_mac_pj"));
    b.event(SuRu, "ru", double(run.ruBytes), ev.real("ru_byte_pj"));
    b.event(Memory, "uram_read", double(run.uramReadBytes), ev.real("uram_read_byte_pj"));
    b.event(Memory, "uram_write", double(run.uramWriteBytes), ev.real("uram_write_byte_pj"));
    b.event(Memory, "bram_read", double(run.bramReadBytes), ev.real("bram_read_byte_pj"));
    b.event(Memory, "bram_write", double(run.bramWriteBytes), ev.real("bram_write_byte_pj"));
    b.event(Noc, "noc_transfer", double(run.nocBytes), ev.real("noc_byte_pj"));
    b.event(Hbm, "hbm_act", double(run.hbmActs), hbm.real("act_pj"));
    b.event(Hbm, "hbm_pre", double(run.hbmPres), hbm.real("pre_pj"));
    b.event(Hbm, "hbm_rd", double(run.hbmRdBursts), hbm.real("rd_burst_pj"));
    b.event(Hbm, "hbm_wr", double(run.hbmWrBursts), hbm.real("wr_burst_pj"));
    b.event(Hbm, "hbm_refresh", double(run.hbmRefreshes), hbm.real("ref_pj"));
    // A per-bank refresh refreshes one bank's rows: 1/banks of an all-bank refresh.
    const double banks = double(cfg.root()["memory"]["hbm"]["org"].count("banks"));
    b.event(Hbm, "hbm_refresh_pb", double(run.hbmRefreshesPerBank), hbm.real("ref_pj") / banks);

    // Constant power: grows with the design (resources) and the clock, busy or idle.
    const double hz = mhz * 1e6, toggle = p.real("toggle_rate");
    const double logicJ = toggle * (double(res.lut) * dev.real("lut_net_fj") + double(res.ff) * dev.real("ff_net_fj"));
    b.constant(FabricClock, "fabric_logic", logicJ * 1e-15 * hz);
    b.constant(FabricClock, "clock_ff", double(res.ff) * dev.real("ff_clock_fj") * 1e-15 * hz);
    b.constant(FabricClock, "clock_dsp", double(res.dsp) * dev.real("dsp_clock_pj") * 1e-12 * hz);
    b.constant(FabricClock, "clock_memory", double(res.bram36 + res.uram) * dev.real("memory_clock_pj") * 1e-12 * hz);
    const double stacks = double(cfg.root()["memory"]["hbm"]["org"].count("stacks"));
    b.constant(Hbm, "hbm_background", stacks * hbm.real("background_w_per_stack"));
    b.constant(Hbm, "hbm_phy", stacks * hbm.real("phy_w_per_stack"));
    b.constant(Noc, "noc_static", dev.real("noc_static_w"));
    b.constant(Static, "static", dev.real(r.temperature == "hot" ? "static_hot_w" : "static_typical_w"));

    for (size_t c = 0; c < b.cat.size(); ++c) {
        r.categories.emplace_back(kCategories[c], b.cat[c]);
        r.constantW.emplace_back(kCategories[c], b.constW[c]);
        r.totalJ += b.cat[c];
    }
    r.averagePowerW = r.latencyS > 0 ? r.totalJ / r.latencyS : 0.0;
    r.cardPowerW = r.averagePowerW / p.real("vrm_efficiency");
    r.perVideoJ = r.totalJ;
    r.perFrameJ = run.videoFrames ? r.totalJ / double(run.videoFrames) : 0.0;
    return r;
}

}  // namespace vgm::power
