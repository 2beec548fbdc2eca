#include "timing/memory/NocSpec.h"

#include <cmath>

namespace vgm::memory {

NocSpec NocSpec::fromConfig(const config::View& n, uint32_t pcs) {
    NocSpec s;
    double mhz = n.real("clock_mhz");
    s.periodPs = std::llround(1e6 / mhz);
    if (std::fabs(double(s.periodPs) - 1e6 / mhz) > 1e-6 * double(s.periodPs))
        n.fail("clock_mhz", "period of " + std::to_string(1e6 / mhz) +
                                " ps is not a whole number of picoseconds; allowed: 1e6 / MHz an integer");
    s.masters = uint32_t(n.integer("masters"));
    for (const char* k : {"nmu_width_bits", "nsu_width_bits"})
        if (n.integer(k) % 8) n.fail(k, std::to_string(n.integer(k)) + " is not a whole number of bytes");
    s.nmuBytesPerCycle = uint32_t(n.integer("nmu_width_bits") / 8);
    s.nsuBytesPerCycle = uint32_t(n.integer("nsu_width_bits") / 8);
    s.ports = uint32_t(n.integer("ports"));
    if (s.ports == 0) s.ports = pcs;
    if (s.ports > pcs)
        n.fail("ports", std::to_string(s.ports) + " exceeds the " + std::to_string(pcs) +
                            " pseudo-channels; allowed: 0.." + std::to_string(pcs));
    s.nmuLatency = n.integer("nmu_latency");
    s.switchLatency = n.integer("switch_latency");
    s.nsuLatency = n.integer("nsu_latency");
    s.priority = n.str("arbitration") == "priority";
    s.outstanding = uint32_t(n.integer("outstanding"));
    s.headerBytes = uint32_t(n.integer("header_bytes"));
    s.nsuBufferDepth = uint32_t(n.integer("nsu_buffer"));
    s.nmusPerMaster = uint32_t(n.integer("nmus_per_master"));
    s.splitBytes = uint64_t(n.integer("split_bytes"));
    s.transparent = n.boolean("transparent");
    if (s.splitBytes & (s.splitBytes - 1))
        n.fail("split_bytes", std::to_string(s.splitBytes) + " is not a power of two; allowed: 0 or a power of two");
    double port = n.real("port_clock_mhz");
    if (port > 0) {
        s.portPeriodPs = std::llround(1e6 / port);
        if (std::fabs(double(s.portPeriodPs) - 1e6 / port) > 1e-6 * double(s.portPeriodPs))
            n.fail("port_clock_mhz", "period of " + std::to_string(1e6 / port) +
                                         " ps is not a whole number of picoseconds; allowed: 1e6 / MHz an integer");
    }
    return s;
}

}  // namespace vgm::memory
