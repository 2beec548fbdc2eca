#include "timing/memory/LoadAdvice.h"

#include <algorithm>
#include <cmath>

#include "common/Text.h"

namespace vgm::memory {

double memoryCeilingGbps(const MemSpec& mem, const NocSpec& noc) {
    const double bus = mem.peakBytesPerSecond() / 1e9;
    const int64_t portPs = noc.portPeriodPs ? noc.portPeriodPs : noc.periodPs;
    const double ports = double(noc.ports) * noc.nsuBytesPerCycle * 1000.0 / double(portPs);
    return std::min(bus, ports);
}

SaturatingLoad saturatingLoad(const MemSpec& mem, const NocSpec& noc, uint32_t requestBytes, uint32_t maxInitiators) {
    SaturatingLoad s;
    s.outstanding = std::max<uint32_t>(1, noc.outstanding);
    const double ceiling = memoryCeilingGbps(mem, noc);
    // Request and response each cross NMU, switch and NSU; the HBM opens a closed row and reads.
    const double nocNs = 2.0 * double(noc.nmuLatency + noc.switchLatency + noc.nsuLatency) * double(noc.periodPs) / 1000;
    const double hbmNs = double(mem.tRCDRD + mem.readLatency()) * double(mem.tCKps) / 1000;
    s.unloadedNs = nocNs + hbmNs;
    const double perMaster = double(noc.nmusPerMaster) * noc.nmuBytesPerCycle * 1000.0 / double(noc.periodPs);
    const double windowBytes = 2.0 * ceiling * s.unloadedNs;  // GB/s x ns = bytes
    const double forWindow = std::ceil(windowBytes / (double(s.outstanding) * std::max<uint32_t>(1, requestBytes)));
    const double forLinks = std::ceil(ceiling / perMaster);
    s.initiators = uint32_t(std::clamp(std::max(forWindow, forLinks), 1.0, double(std::max<uint32_t>(1, maxInitiators))));
    s.ceilingGbps = std::min(ceiling, perMaster * s.initiators);
    return s;
}

WindowVerdict windowVerdict(uint64_t inFlight, uint32_t bytes, double minLatencyNs, double avgLatencyNs,
                            double ceilingGbps, uint32_t nocOutstanding) {
    WindowVerdict v;
    if (inFlight == 0 || minLatencyNs <= 0) return v;
    v.windowGbps = double(inFlight) * bytes / minLatencyNs;
    v.windowLimited = v.windowGbps < ceilingGbps;
    if (v.windowLimited)
        v.text = "bound by the initiators' window: " + std::to_string(inFlight) + " in flight x " +
                 std::to_string(bytes) + " B / " + formatNumber("%.1f", minLatencyNs) + " ns = " + formatNumber("%.1f", v.windowGbps) +
                 " GB/s (Little's law); raise --initiators or --outstanding (the NoC admits " +
                 std::to_string(nocOutstanding) + " per initiator)";
    else
        v.text = "bound by the memory: latency rose from " + formatNumber("%.1f", minLatencyNs) + " to " +
                 formatNumber("%.1f", avgLatencyNs) + " ns on average under load";
    return v;
}

}  // namespace vgm::memory
