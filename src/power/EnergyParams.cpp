// The `power` section: per-event energies (this file) and the per-device
// static, fabric, clock-limit and card figures (DeviceParams.cpp). No vendor
// publishes per-event energies for the V80, so every default carries its
// basis: a named source, or a derivation written out in the description
// (switched capacitance x VCCINT^2 for on-chip logic, JEDEC-style IDD currents
// for HBM). Common constants of the derivations: VCCINT 0.80 V (Versal -2
// midrange voltage), fabric net 160 fF (see power.xcv80.lut_net_fj), data
// toggle rate of a busy datapath 0.5 against the design average (power.toggle_rate).
// Nothing here is fitted to a published end-to-end power or efficiency figure.
#include "config/Components.h"
#include "power/PowerParams.h"

namespace vgm::config {

namespace {

struct E {
    const char* key;
    const char* unit;
    double def;
    const char* basis;
};

void declareTable(Section& s, const E* begin, const E* end) {
    for (const E* x = begin; x != end; ++x)
        s.param(x->key).real().withUnit(x->unit).defaultValue(x->def).atLeast(0).describe(x->basis);
}

// Shared pieces of the DSP derivations (written once, quoted in each basis).
#define DSP_INT_CYCLE "27x24 multiplier + 58-bit ALU ~700 adder cells x 2.5 fF x 0.64 V^2 x 0.5 x 1 transition = 0.56 pJ, + ~250 pipeline-register data bits 0.12 pJ = 0.68 pJ per DSP58 cycle"
#define DSP_FP_CYCLE "DSPFP32: 24x24 mantissa multiplier + FP32 adder (align/normalise shifters) ~1000 cells = 0.80 pJ + registers 0.12 pJ = 0.92 pJ per cycle"
#define PE_EXTRA "+ the PE's 24 LUT / 48 FF operand nets toggling at 0.5 instead of the design average 0.125: 72 x 0.375 x 52 fJ = 1.40 pJ per busy cycle"
#define DSPE_EXTRA "+ the DSP-E's 120 LUT / 160 FF extension (one more multiplier in soft logic): 280 x 0.375 x 52 fJ = 5.46 pJ"

const E kDsp[] = {
    {"dsp58_int8_mac_pj", "pJ", 0.69,
     "Per INT8 MAC on a native DSP58 (3 products/cycle). Derived: " DSP_INT_CYCLE " " PE_EXTRA "; (0.68 + 1.40) / 3"},
    {"dsp58_int16_mac_pj", "pJ", 2.08, "Per 27x24 integer MAC on a DSP58 (1/cycle). Derived: " DSP_INT_CYCLE " " PE_EXTRA},
    {"dsp58_fp16_mac_pj", "pJ", 1.90,
     "Per FP16 MAC on a DSP58 (DSPFP32 with binary16 inputs, 1/cycle). Derived: " DSP_FP_CYCLE
     "; binary16 inputs leave 13 of 24 mantissa bits at zero, multiplier toggling x (11/24)^2: 0.50 pJ; " PE_EXTRA},
    {"dsp58_fp32_mac_pj", "pJ", 2.32, "Per FP32 MAC on a DSP58 (1/cycle). Derived: " DSP_FP_CYCLE " " PE_EXTRA},
    {"dspe_int8_mac_pj", "pJ", 1.89,
     "Per INT8 MAC on a DSP-E (4/cycle). Derived: DSP58 INT8 dot 0.68 pJ " DSPE_EXTRA " " PE_EXTRA
     "; (0.68 + 5.46 + 1.40) / 4"},
    {"dspe_int16_mac_pj", "pJ", 2.08,
     "Per 27x24 integer MAC on a DSP-E (1/cycle, the extension idle): as dsp58_int16_mac_pj"},
    {"dspe_fp16_mac_pj", "pJ", 3.68,
     "Per FP16 MAC on a DSP-E (2/cycle). Derived: DSPFP32 with binary16 inputs 0.50 pJ " DSPE_EXTRA " " PE_EXTRA
     "; (0.50 + 5.46 + 1.40) / 2"},
    {"dspe_fp32_mac_pj", "pJ", 2.32, "Per FP32 MAC on a DSP-E (1/cycle, the extension idle): as dsp58_fp32_mac_pj"},
};

const E kUnits[] = {
    {"sfu_element_pj", "pJ", 21.3,
     "Per SFU element-pass (one lane, one cycle). Derived from the lane's resources (resources.sfu_*): 2 DSP58 in "
     "DSPFP32 mode 2 x 0.92 pJ + 400 LUT / 600 FF nets at 0.5 instead of 0.125: 1000 x 0.375 x 52 fJ = 19.5 pJ"},
    {"su_mac_pj", "pJ", 3.6,
     "Per SU multiply-add (one FP16 lane-cycle). Derived: DSPFP32 with binary16 inputs 0.50 pJ + the lane's "
     "60 LUT / 100 FF nets at 0.5 instead of 0.125: 160 x 0.375 x 52 fJ = 3.12 pJ"},
    {"ru_byte_pj", "pJ", 0.31,
     "Per byte the RU copies (its logic; the buffer reads and writes are counted as URAM/BRAM bytes). Derived: "
     "6 LUT + 10 FF per byte of width (resources.ru_*) at 0.5 instead of 0.125: 16 x 0.375 x 52 fJ"},
};

const E kMemory[] = {
    {"uram_read_byte_pj", "pJ", 0.37,
     "Per byte read from URAM288 (72-bit port). Derived: small-swing bitline + sense amp ~14 fJ/bit x 72 = 1.0 pJ, "
     "decoder and wordline 0.5 pJ, 72 output nets x 0.5 toggle x 52 fJ = 1.9 pJ; 3.4 pJ per 9 B access"},
    {"uram_write_byte_pj", "pJ", 0.50,
     "Per byte written to URAM288. Derived: full-swing bitlines 72 x 45 fF x 0.64 V^2 = 2.1 pJ, decoder 0.5 pJ, "
     "72 input nets 1.9 pJ; 4.5 pJ per 9 B access"},
    {"bram_read_byte_pj", "pJ", 0.39,
     "Per byte read from BRAM36 (36-bit port). Derived: 36 x 14 fJ sensing 0.5 pJ + decoder 0.3 pJ + 36 output "
     "nets x 0.5 toggle x 52 fJ 0.94 pJ; 1.74 pJ per 4.5 B access"},
    {"bram_write_byte_pj", "pJ", 0.43,
     "Per byte written to BRAM36. Derived: full-swing bitlines 36 x 30 fF x 0.64 V^2 = 0.7 pJ + decoder 0.3 pJ "
     "+ input nets 0.94 pJ; 1.94 pJ per 4.5 B access"},
    {"noc_byte_pj", "pJ", 4.0,
     "Per byte crossing the Versal NoC (fabric NMU to HBM NSU). Derived: per 128-bit flit and hop, link wire "
     "~1.5 mm x 0.2 fF/um x 0.5 x 0.64 V^2 x 0.5 toggle x 128 = 6 pJ + switch buffer/crossbar 1.5 pJ = 7.5 pJ "
     "(0.47 pJ/B); ~8 hops from the fabric SLRs to the HBM row of SLR2 = 3.8 pJ/B; NMU/NSU width conversion ~0.2 pJ/B"},
};

// HBM per pseudo-channel command, from the JEDEC-style IDD currents DRAMsim3 ships for HBM2
// (configs/HBM2_8Gb_x128.ini: VDD 1.2 V, IDD0 65, IDD2N 40, IDD3N 55, IDD4R 390, IDD4W 500,
// IDD5AB 250 mA per 128-bit channel; tRAS 34, tRP 14, tRFC 260 ns), split the DRAMPower way.
const E kHbm[] = {
    {"act_pj", "pJ", 408.0,
     "Per ACT (1 KB row). Derived (DRAMPower split): VDD x (IDD0 - IDD3N) x tRAS = 1.2 V x 10 mA x 34 ns, from "
     "the HBM2 IDD set DRAMsim3 ships (HBM2_8Gb_x128.ini, 1 KB row as a vgmsim pseudo-channel's)"},
    {"pre_pj", "pJ", 420.0,
     "Per PRE. Derived: VDD x (IDD0 - IDD2N) x tRP = 1.2 V x 25 mA x 14 ns (same IDD set; ACT + PRE = 828 pJ = "
     "DRAMsim3's act_energy_inc)"},
    {"rd_burst_pj", "pJ", 714.0,
     "Per RD burst of 32 B (64-bit pseudo-channel, BL4). Derived: core VDD x (IDD4R - IDD3N) x 2 tCK = 804 pJ "
     "per 64 B channel burst -> 402 pJ; interposer I/O ~1 pF x 1.44 V^2 x 0.5 toggle = 0.72 pJ/bit = 184 pJ; "
     "FPGA PHY (4:1 SerDes, FIFOs) ~0.5 pJ/bit = 128 pJ (total 2.8 pJ/bit, inside the 3-4 pJ/bit usually quoted for HBM2)"},
    {"wr_burst_pj", "pJ", 846.0,
     "Per WR burst of 32 B. Derived: core VDD x (IDD4W - IDD3N) x 2 tCK = 1068 pJ per 64 B -> 534 pJ; "
     "I/O and PHY as rd_burst_pj: 312 pJ"},
    {"ref_pj", "pJ", 30420.0,
     "Per all-bank refresh of one pseudo-channel. Derived: VDD x (IDD5AB - IDD3N) x tRFC = 1.2 V x 195 mA x 260 ns "
     "= 60.8 nJ per 128-bit channel (both pseudo-channels) -> half. A per-bank refresh (REFpb) costs ref_pj / banks "
     "(one bank's rows)"},
    {"background_w_per_stack", "W", 0.53,
     "DRAM background per active stack (banks open, page policy open). Derived: VDD x IDD3N x channels = "
     "1.2 V x 55 mA x 8 (same IDD set)"},
    {"phy_w_per_stack", "W", 1.0,
     "FPGA-side HBM PHY and hard controllers per active stack while enabled, without traffic. Derived: per "
     "channel, DLL and clock distribution ~40 mW + controller clocking ~40 mW + idle receivers and bias ~45 mW; x 8"},
};

}  // namespace

void declareEnergyParams(Section& root) {
    Section& p = root.section("power", "Power and energy: per-event energies, fabric activity, static power, clock "
                                       "limits and the card limit (each default states its basis)");
    p.param("temperature").oneOf({"typical", "hot"}).defaultValue("typical").describe(
        "Temperature class of the static power: typical = junction 65 C (a cooled card under load), hot = 100 C "
        "(the extended grade's maximum, the power estimator's worst case)");
    p.param("toggle_rate").real().withUnit("ratio").defaultValue(0.125).range(0, 2).describe(
        "Average transitions per clock of LUT and FF outputs (AMD XPE/PDM default 12.5 %, the average of a suite "
        "of customer designs, UG440/UG1556); busy datapaths above it are in the per-event energies");
    p.param("vrm_efficiency").real().withUnit("ratio").defaultValue(0.90).range(0.5, 1).describe(
        "Card regulators' efficiency, card power = chip power / it (multiphase buck converters at 0.8 V and tens "
        "of amps: 88-92 % in vendor curves)");
    p.param("window_us").real().withUnit("us").defaultValue(1000.0).range(0.001, 1e9).describe(
        "Width of one power-over-time window (power.csv, timeline counter, peak power)");
    Section& ev = p.section("events", "Energy per event of the compute units and on-chip memories");
    declareTable(ev, std::begin(kDsp), std::end(kDsp));
    declareTable(ev, std::begin(kUnits), std::end(kUnits));
    declareTable(ev, std::begin(kMemory), std::end(kMemory));
    Section& hbm = p.section("hbm", "HBM energy per command and per stack (HBM2 IDD currents; see each basis)");
    declareTable(hbm, std::begin(kHbm), std::end(kHbm));
    power::declareDevicePowerParams(p);
}

}  // namespace vgm::config
