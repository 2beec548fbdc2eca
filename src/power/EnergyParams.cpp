// The energy table: energy per event and static power. No public per-event
// figures exist for the V80, so every default is marked: "assumed" values are
// engineering estimates, with the reasoning given; sources are named where a
// number is derived from one. Users should replace them with measured values.
#include "config/Components.h"

namespace vgm::config {

void declareEnergyParams(Section& root) {
    Section& e = root.section("energy", "Energy per event and static power (V80 default table; see each description)");
    e.param("static_w").real().withUnit("W").defaultValue(25.0).atLeast(0).describe(
        "Static power of device and card while the kernel runs (assumed: ~13 % of the V80's 190 W card limit)");
    struct E { const char* key; const char* unit; double def; const char* desc; };
    const E table[] = {
        {"mac_int8_pj", "pJ", 0.25,
         "Per INT8 MAC on a DSP58/DSP-E (assumed: Horowitz ISSCC 2014 gives 0.2 pJ 8b mult + 0.03 pJ add at 45 nm; "
         "7 nm scaling offset by FPGA routing)"},
        {"mac_int16_pj", "pJ", 0.6, "Per INT16 / 27x24 MAC (assumed, same reasoning as INT8)"},
        {"mac_fp16_pj", "pJ", 1.0,
         "Per FP16 MAC (assumed: Horowitz ISSCC 2014 FP16 mult 1.1 pJ + add 0.4 pJ at 45 nm, scaled)"},
        {"mac_fp32_pj", "pJ", 3.0, "Per FP32 MAC (assumed: Horowitz ISSCC 2014 FP32 mult 3.7 + add 0.9 pJ, scaled)"},
        {"sfu_element_pj", "pJ", 3.0,
         "Per SFU element-pass (assumed: a few FP16 operations plus LUT-based exp/rsqrt)"},
        {"su_mac_pj", "pJ", 1.0, "Per SU multiply-add (assumed equal to an FP16 DSP MAC)"},
        {"bram_byte_pj", "pJ", 0.5,
         "Per byte read or written in BRAM36 (assumed: ~18 pJ per 36-bit port access, AMD XPE-class estimate)"},
        {"uram_byte_pj", "pJ", 0.7, "Per byte read or written in URAM (assumed: 72-bit port, ~50 pJ per access)"},
        {"noc_byte_pj", "pJ", 1.5, "Per byte crossing the Versal NoC (assumed)"},
        {"hbm_act_pj", "pJ", 600.0,
         "Per HBM ACT (assumed: O'Connor et al., MICRO 2017, put HBM2 row activation near 1 nJ per ACT+PRE pair)"},
        {"hbm_pre_pj", "pJ", 300.0, "Per HBM PRE (assumed, other part of the same ACT+PRE estimate)"},
        {"hbm_rd_burst_pj", "pJ", 780.0,
         "Per RD burst of 32 B (assumed: ~3 pJ/bit array + I/O, O'Connor et al. MICRO 2017; scale for other burst sizes)"},
        {"hbm_wr_burst_pj", "pJ", 820.0, "Per WR burst of 32 B (assumed, as RD plus write drivers)"},
        {"hbm_refresh_pj", "pJ", 30000.0,
         "Per all-bank refresh of one pseudo-channel (assumed: ~0.25 A x 1.2 V x tRFC 220 ns / 2 pseudo-channels)"},
    };
    for (const E& x : table)
        e.param(x.key).real().withUnit(x.unit).defaultValue(x.def).atLeast(0).describe(x.desc);
}

}  // namespace vgm::config
