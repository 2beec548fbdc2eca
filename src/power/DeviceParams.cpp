// power.<part>: what depends on the device: static power by temperature class,
// the fabric's energy per net transition and per clocked element, NoC static
// power, DSP58 clock limits at the part's speed grade and the card limit.
// Both parts are Versal (TSMC 7 nm, VCCINT 0.80 V), so the per-element fabric
// figures are the same; sizes, leakage and cards differ.
#include "power/PowerParams.h"

namespace vgm::power {

namespace {

struct DevicePower {
    const char* part;
    double staticTypical, staticHot, nocStatic, cardLimit;
    const char *staticBasis, *nocBasis, *cardBasis;
};

#define LEAK_RULE "leakage roughly doubles every 25 C, so 100 C -> 65 C divides it by 2^(35/25) = 2.64"

const DevicePower kDevices[] = {
    {"xcv80", 9.2, 21.0, 0.6, 190.0,
     "Derived: leakage at 100 C = transistors x I_off x VCCINT: 2.57 M LUT tiles x ~2,000 transistors (LUT, routing "
     "muxes, configuration cells) + hard blocks ~ 6e9 x 4 nA (7 nm mixed-Vt at 100 C) x 0.8 V = 19 W, + aux rails "
     "(VCCAUX, PLLs, PMC, idle GTs) ~2 W; " LEAK_RULE,
     "Derived: ~300 NoC switches and NMU/NSU clocked at 1 GHz, ~2,000 flops x 1.5 fF each: 300 x 3 pF x 0.64 V^2 x "
     "1 GHz = 0.58 W",
     "Alveo V80 card power limit (FACTS.md: 190 W)"},
    {"vn1752", 6.5, 13.8, 0.4, 0.0,
     "Derived as xcv80's, scaled by fabric size (1.592 M / 2.574 M LUTs = 0.62): 19 W x 0.62 + 2 W aux at 100 C; "
     LEAK_RULE,
     "Derived as xcv80's, scaled by fabric size (0.62)",
     "No card limit is published for the VN1752 variant: 0 = no card check (set the card's limit)"},
};

}  // namespace

void declareDevicePowerParams(config::Section& power) {
    for (const DevicePower& d : kDevices) {
        config::Section& s = power.section(d.part, std::string("Device-dependent power of ") + d.part);
        s.param("static_typical_w").real().withUnit("W").defaultValue(d.staticTypical).atLeast(0).describe(
            std::string("Device static power at junction 65 C (power.temperature = typical). ") + d.staticBasis);
        s.param("static_hot_w").real().withUnit("W").defaultValue(d.staticHot).atLeast(0).describe(
            std::string("Device static power at junction 100 C (power.temperature = hot). ") + d.staticBasis);
        s.param("noc_static_w").real().withUnit("W").defaultValue(d.nocStatic).atLeast(0).describe(
            std::string("NoC clocking and idle switches while enabled. ") + d.nocBasis);
        s.param("card_limit_w").real().withUnit("W").defaultValue(d.cardLimit).atLeast(0).describe(d.cardBasis);
        s.param("lut_net_fj").real().withUnit("fJ").defaultValue(52.0).atLeast(0).describe(
            "Energy per transition of a LUT output and its routed net: 0.5 x C x VCCINT^2 with C = 8 routing "
            "resources per net (XPE/PDM default routing complexity) x ~19 fF (a 2-4 tile wire ~40 um x 0.2 fF/um + "
            "switch mux and buffer loads) + 3 pin loads (XPE default fanout) + 5 fF inside the LUT = 160 fF; "
            "cross-check: Xilinx's Spartan-IIE power spreadsheet implies ~1.2 pF per LUT4 with routing at 0.15 um, "
            "routing ~7.5x shorter at 7 nm gives the same 160 fF");
        s.param("ff_net_fj").real().withUnit("fJ").defaultValue(50.0).atLeast(0).describe(
            "Energy per transition of a flip-flop output net: as lut_net_fj without the LUT's 5 fF (155 fF)");
        s.param("ff_clock_fj").real().withUnit("fJ").defaultValue(2.6).atLeast(0).describe(
            "Clock energy per used flip-flop per cycle (both edges, C x V^2): clock pin 0.6 fF + its share of the "
            "CLE leaf clock wire (20 fF / 16 FFs) + ~30 % for the global distribution = 4 fF x 0.64 V^2");
        s.param("dsp_clock_pj").real().withUnit("pJ").defaultValue(0.24).atLeast(0).describe(
            "Clock energy per used DSP58 site per cycle, busy or not (its registers are clocked either way): "
            "~250 pipeline registers x 1.5 fF x 0.64 V^2");
        s.param("memory_clock_pj").real().withUnit("pJ").defaultValue(0.14).atLeast(0).describe(
            "Clock energy per used BRAM36 or URAM288 per cycle: ~150 port and output registers x 1.5 fF x 0.64 V^2");
        s.param("dsp_int_fmax_mhz").real().withUnit("MHz").defaultValue(1070.0).atLeast(1).describe(
            "DSP58 Fmax in integer modes at the part's speed grade (-2: 1070; -3: 1150, -1: 984 per FACTS.md)");
        s.param("dsp_fp_fmax_mhz").real().withUnit("MHz").defaultValue(750.0).atLeast(1).describe(
            "DSP58 Fmax in floating-point (DSPFP32) modes at the part's speed grade (-2: 750; -3: 805, -1: 700)");
    }
}

}  // namespace vgm::power
