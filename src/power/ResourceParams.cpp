// Per-unit FPGA resource costs for the estimator. None is published for
// FlightVGM; all are assumed and documented so that users can calibrate them
// against a post-route utilization report.
#include "config/Components.h"

namespace vgm::config {

void declareResourceParams(Section& root) {
    Section& r = root.section("resources", "Per-unit resource costs of the estimator (assumed)");
    struct P { const char* key; const char* unit; int def; const char* desc; };
    const P ps[] = {
        {"shell_lut", "LUT", 180000, "Platform shell, DMA to host, clocking (assumed for the V80 AVED shell)"},
        {"shell_ff", "FF", 250000, "Platform shell flip-flops (assumed)"},
        {"shell_bram36", "BRAM36", 120, "Platform shell block RAMs (assumed)"},
        {"pe_lut", "LUT", 24, "Per DSP unit of the array: operand skew and control (assumed)"},
        {"pe_ff", "FF", 48, "Per DSP unit of the array: pipeline registers (assumed)"},
        {"sfu_lut_per_lane", "LUT", 400, "Per SFU element lane: exp/rsqrt tables and control (assumed)"},
        {"sfu_ff_per_lane", "FF", 600, "Per SFU element lane (assumed)"},
        {"sfu_dsp_per_lane", "DSP", 2, "DSP58 per SFU element lane (assumed: one FP multiply-add, one scale)"},
        {"su_lut_per_lane", "LUT", 60, "Per SU lane: adder tree share and control (assumed)"},
        {"su_ff_per_lane", "FF", 100, "Per SU lane (assumed)"},
        {"su_fixed_lut", "LUT", 3000, "SU compare (squared cosine test), mask writer, sequencing (assumed)"},
        {"su_fixed_ff", "FF", 4000, "SU fixed flip-flops (assumed)"},
        {"ru_lut_per_byte", "LUT", 6, "RU per byte of copy width: address generation and muxing (assumed)"},
        {"ru_ff_per_byte", "FF", 10, "RU per byte of copy width (assumed)"},
        {"zss_lut", "LUT", 8000, "ZSS fixed logic: tile queue, priority sort, look-ahead compare (assumed)"},
        {"zss_ff", "FF", 12000, "ZSS fixed flip-flops (assumed)"},
        {"zss_lut_per_group", "LUT", 600, "ZSS per DSP group: dispatch port and status (assumed)"},
        {"zss_ff_per_group", "FF", 900, "ZSS per DSP group (assumed)"},
        {"zss_mask_bram36", "BRAM36", 16, "Mask history of the look-ahead and the SU mask buffer (assumed)"},
        {"dma_lut", "LUT", 3000, "Per DMA engine (one per NoC master port) (assumed)"},
        {"dma_ff", "FF", 5000, "Per DMA engine (assumed)"},
    };
    for (const P& p : ps)
        r.param(p.key).integer().withUnit(p.unit).defaultValue(p.def).range(0, 100000000).describe(p.desc);
}

}  // namespace vgm::config
