#include "models/MemBench.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <systemc>

#include "common/Error.h"
#include "models/MemBenchInitiator.h"
#include "models/MemorySystem.h"
#include "timing/memory/LoadAdvice.h"

namespace vgm::models {

namespace {

std::string fmt(const char* f, double v) {
    char b[64];
    std::snprintf(b, sizeof b, f, v);
    return b;
}

uint64_t sumCounter(const stats::Group& hbm, uint32_t pcs, const std::string& name) {
    uint64_t s = 0;
    for (uint32_t p = 0; p < pcs; ++p) s += hbm.findCounter("pc" + std::to_string(p) + "." + name)->value;
    return s;
}

}  // namespace

MemBenchResult runMemBench(const config::Config& cfg, const MemBenchOptions& opts) {
    if (cfg.root()["memory"].str("model") != "hbm")
        cfg.root()["memory"].fail(
            "model", "membench needs memory.model = \"hbm\" (got \"" + cfg.root()["memory"].str("model") + "\")");
    const bool stl = !opts.stlPath.empty();
    // Options left at auto (0) get the load that saturates this config's memory.
    MemBenchOptions o = opts;
    const memory::MemSpec spec = memory::MemSpec::fromConfig(cfg.root()["memory"]["hbm"]);
    const memory::NocSpec noc = memory::NocSpec::fromConfig(cfg.root()["memory"]["noc"], spec.totalPcs());
    const memory::SaturatingLoad load = memory::saturatingLoad(spec, noc, o.traffic.bytes, 1024);
    if (o.outstanding == 0) o.outstanding = load.outstanding;
    if (o.traffic.initiators == 0) o.traffic.initiators = stl ? 1 : load.initiators;
    const uint32_t masters = stl ? 1 : o.traffic.initiators;
    MemorySystem mem("mem", cfg, masters);
    const uint64_t capacity = mem.addressMap().capacity();
    std::vector<std::vector<memory::TrafficRequest>> traffic =
        stl ? std::vector<std::vector<memory::TrafficRequest>>{memory::readStl(o.stlPath, o.stlClockMhz,
                                                                               o.traffic.bytes, capacity)}
            : memory::generateTraffic(o.traffic, capacity);
    std::vector<std::unique_ptr<MemBenchInitiator>> inits;
    for (uint32_t i = 0; i < masters; ++i) {
        inits.push_back(std::make_unique<MemBenchInitiator>(("init" + std::to_string(i)).c_str(), std::move(traffic[i]),
                                                            o.outstanding));
        inits.back()->socket.bind(mem.nmu());
    }
    sc_core::sc_start();

    stats::Group root("membench");
    mem.finish(root);
    std::vector<uint64_t> lat;
    uint64_t endPs = 0, bytes = 0, errors = 0;
    bool complete = true;
    for (auto& in : inits) {
        lat.insert(lat.end(), in->latenciesPs().begin(), in->latenciesPs().end());
        endPs = std::max(endPs, in->lastResponsePs());
        bytes += in->bytes();
        errors += in->errors();
        complete = complete && in->done();
    }
    if (!complete) throw std::runtime_error("membench: simulation stopped with requests in flight");
    std::sort(lat.begin(), lat.end());
    double avgNs = 0;
    for (uint64_t l : lat) avgNs += double(l) / 1000.0;
    avgNs = lat.empty() ? 0 : avgNs / double(lat.size());
    double p99Ns = lat.empty() ? 0 : double(lat[std::min(lat.size() - 1, (lat.size() * 99 + 99) / 100 - 1)]) / 1000.0;
    const double ns = double(endPs) / 1000.0;
    const double gbps = ns > 0 ? double(bytes) / ns : 0;
    const double peak = mem.spec().peakBytesPerSecond() / 1e9;
    const double ceiling = memory::memoryCeilingGbps(spec, noc);
    const uint64_t inFlight = std::min<uint64_t>(uint64_t(masters) * std::min(o.outstanding, noc.outstanding), lat.size());
    const memory::WindowVerdict verdict = memory::windowVerdict(
        inFlight, lat.empty() ? 0 : uint32_t(bytes / lat.size()), lat.empty() ? 0 : double(lat.front()) / 1000.0, avgNs, ceiling, noc.outstanding);
    const stats::Group& hbm = *root.findGroup("hbm");
    // DRAMSys's latency: BEGIN_RESP - BEGIN_REQ at the memory controller's socket.
    std::vector<uint64_t> ctl = mem.hbm().controllerLatenciesPs(false);
    ctl.insert(ctl.end(), mem.hbm().controllerLatenciesPs(true).begin(), mem.hbm().controllerLatenciesPs(true).end());
    std::sort(ctl.begin(), ctl.end());
    auto pct = [](const std::vector<uint64_t>& v, int p) {
        return v.empty() ? 0.0 : double(v[std::min(v.size() - 1, (v.size() * size_t(p) + 99) / 100 - 1)]) / 1000.0;
    };
    auto mean = [](const std::vector<uint64_t>& v) {
        double a = 0;
        for (uint64_t l : v) a += double(l) / 1000.0;
        return v.empty() ? 0.0 : a / double(v.size());
    };
    double ctlAvg = 0;
    for (uint64_t l : ctl) ctlAvg += double(l) / 1000.0;
    ctlAvg = ctl.empty() ? 0 : ctlAvg / double(ctl.size());
    const uint32_t pcs = mem.spec().totalPcs();
    // Per request at the HBM (a split piece is a request): a hit only if every burst of it was.
    uint64_t hits = hbm.findCounter("request_row_hits")->value, miss = hbm.findCounter("request_row_misses")->value,
             conf = hbm.findCounter("request_row_conflicts")->value;
    double hitRate = hits + miss + conf ? double(hits) / double(hits + miss + conf) : 0;
    Json perPc = Json::array();
    double pcMin = 1e300, pcMax = 0;
    for (uint32_t p = 0; p < pcs; ++p) {
        double g = ns > 0 ? double(mem.hbm().bytesOfPc(p)) / ns : 0;
        perPc.push_back(g);
        pcMin = std::min(pcMin, g), pcMax = std::max(pcMax, g);
    }

    MemBenchResult res;
    Json& r = res.report;
    r["schema"] = "vgmsim.membench/1";
    r["config"] = cfg.name();
    r["config_hash"] = cfg.hash();
    r["options"] = {{"source", stl ? "stl" : "synthetic"},
                    {"pattern", stl ? o.stlPath : o.traffic.pattern},
                    {"op", o.traffic.op},
                    {"requests", lat.size()},
                    {"bytes", o.traffic.bytes},
                    {"stride", o.traffic.stride},
                    {"outstanding", o.outstanding},
                    {"initiators", masters},
                    {"seed", o.traffic.seed}};
    if (stl) r["options"]["stl_clock_mhz"] = o.stlClockMhz;
    r["results"] = {{"simulated_ns", ns},
                    {"bytes", bytes},
                    {"bandwidth_gbps", gbps},
                    {"peak_gbps", peak},
                    {"fraction_of_peak", peak > 0 ? gbps / peak : 0},
                    {"ceiling_gbps", ceiling},
                    {"ceiling_basis", "min(HBM data bus, HBM ports x port width x port clock)"},
                    {"in_flight", inFlight},
                    {"latency_min_ns", lat.empty() ? 0.0 : double(lat.front()) / 1000.0},
                    {"unloaded_latency_model_ns", load.unloadedNs},
                    {"window_gbps", verdict.windowGbps},
                    {"window_basis", "Little's law: in_flight x bytes / latency_min_ns"},
                    {"bound_by", verdict.windowLimited ? "window" : "memory"},
                    {"latency_avg_ns", avgNs},
                    {"latency_p99_ns", p99Ns},
                    {"latency_basis", "BEGIN_REQ to BEGIN_RESP at the initiator (NoC and queueing included)"},
                    {"controller_latency_avg_ns", ctlAvg},
                    {"controller_latency_p50_ns", pct(ctl, 50)},
                    {"controller_latency_p99_ns", pct(ctl, 99)},
                    {"controller_latency_read_avg_ns", mean(mem.hbm().controllerLatenciesPs(false))},
                    {"controller_latency_write_avg_ns", mean(mem.hbm().controllerLatenciesPs(true))},
                    {"controller_latency_basis", "BEGIN_REQ to BEGIN_RESP at the HBM controller's socket (as DRAMSys)"},
                    {"row_hit_rate", hitRate},
                    {"row_hit_rate_basis", "per request at the HBM (a hit only if every burst of it was)"},
                    {"error_responses", errors},
                    {"per_pc_gbps", perPc}};
    Json cmds = Json::object();
    for (const char* c : {"act", "pre", "prea", "rd", "wr", "refab", "refpb"})
        cmds[c] = sumCounter(hbm, pcs, std::string("cmd_") + c);
    r["results"]["commands"] = cmds;
    r["stats"] = root.toJson();
    r["stats_schema"] = root.describe();
    res.summary = std::to_string(lat.size()) + " requests: " + fmt("%.3f", ns / 1000.0) + " us simulated, " +
                  fmt("%.1f", gbps) + " GB/s (" + fmt("%.1f", 100 * gbps / peak) + "% of " + fmt("%.1f", peak) +
                  "), latency avg " + fmt("%.1f", avgNs) + " ns p99 " + fmt("%.1f", p99Ns) + " ns (controller " + fmt("%.1f", ctlAvg) + "), row hits " +
                  fmt("%.1f", 100 * hitRate) + "% of requests, per-PC " + fmt("%.2f", pcMin) + ".." + fmt("%.2f", pcMax) +
                  " GB/s over " + std::to_string(pcs) + " PCs; " + std::to_string(masters) + " initiators x " +
                  std::to_string(o.outstanding) + " outstanding, " + fmt("%.1f", 100 * gbps / ceiling) + "% of the " +
                  fmt("%.1f", ceiling) + " GB/s the memory can take; " + verdict.text;
    return res;
}

}  // namespace vgm::models
