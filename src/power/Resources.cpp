#include "power/Resources.h"

#include "timing/compute/ComputeSpec.h"
#include "timing/schedule/ScheduleSpec.h"
#include "timing/sparsity/SparsitySpec.h"

namespace vgm::power {

ResourceEstimate estimateResources(const config::Config& cfg) {
    ResourceEstimate r;
    r.device = deviceByPart(cfg.root()["device"].str("part"));
    const config::View rc = cfg.root()["resources"];
    const timing::ComputeSpec compute = timing::ComputeSpec::fromConfig(cfg);
    const timing::SparsitySpec sp = timing::SparsitySpec::fromConfig(cfg);
    const timing::ScheduleSpec sched = timing::ScheduleSpec::fromConfig(cfg);

    Usage array;
    for (const auto& g : compute.groups) {
        const uint64_t n = g.dsps();
        const auto& unit = compute.unit(g);
        array.dsp += n;
        array.lut += n * (rc.count("pe_lut") + unit.extraLut);
        array.ff += n * (rc.count("pe_ff") + unit.extraFf);
    }
    r.parts.emplace_back("dsp_array", array);

    const uint64_t sfuLanes = cfg.root()["sfu"].count("elements_per_cycle");
    r.parts.emplace_back("sfu", Usage{sfuLanes * rc.count("sfu_dsp_per_lane"), sfuLanes * rc.count("sfu_lut_per_lane"),
                                      sfuLanes * rc.count("sfu_ff_per_lane"), 0, 0});
    if (sp.enabled) {
        // FP16 lanes use one DSPFP32 each; INT8 lanes pack three products per DSP58.
        const uint64_t suDsp = sp.suInt8 ? (sp.su.lanes + 2) / 3 : sp.su.lanes;
        r.parts.emplace_back("su", Usage{suDsp, rc.count("su_fixed_lut") + sp.su.lanes * rc.count("su_lut_per_lane"),
                                         rc.count("su_fixed_ff") + sp.su.lanes * rc.count("su_ff_per_lane"), 0, 0});
        r.parts.emplace_back("ru", Usage{0, sp.ru.bytesPerCycle * rc.count("ru_lut_per_byte"),
                                         sp.ru.bytesPerCycle * rc.count("ru_ff_per_byte"), 0, 0});
    }
    const uint64_t groups = compute.groups.size();
    r.parts.emplace_back("zss", Usage{0, rc.count("zss_lut") + groups * rc.count("zss_lut_per_group"),
                                      rc.count("zss_ff") + groups * rc.count("zss_ff_per_group"),
                                      rc.count("zss_mask_bram36"), 0});
    const uint64_t dmas = cfg.root()["memory"]["noc"].count("masters");
    r.parts.emplace_back("dma", Usage{0, dmas * rc.count("dma_lut"), dmas * rc.count("dma_ff"), 0, 0});
    Usage buffers;
    for (const auto* b : {&sched.weight, &sched.activation, &sched.output}) {
        buffers.uram += b->uram;
        buffers.bram36 += b->bram36;
    }
    r.parts.emplace_back("buffers", buffers);
    r.parts.emplace_back("shell", Usage{0, rc.count("shell_lut"), rc.count("shell_ff"), rc.count("shell_bram36"), 0});

    Usage total;
    for (const auto& [name, u] : r.parts) total += u;
    r.dsp = total.dsp, r.lut = total.lut, r.ff = total.ff, r.bram36 = total.bram36, r.uram = total.uram;
    return r;
}

}  // namespace vgm::power
