#include "report/Report.h"

#include <cstdio>

#include "common/Files.h"
#include "power/PowerReport.h"

namespace vgm::report {

static double ratio(uint64_t a, uint64_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }

static Json layerJson(const stats::LayerRow& l) {
    return Json{{"name", l.name},
                {"kind", l.kind},
                {"role", l.role},
                {"step", l.step},
                {"block", l.block},
                {"shape", Json{{"m", l.m}, {"k", l.k}, {"n", l.n}, {"batch", l.batch}}},
                {"precision", l.precision},
                {"start_cycle", l.startCycle},
                {"cycles", l.cycles},
                {"dsp_sfu_busy_cycles", l.dspSfuBusyCycles},
                {"dma_busy_cycles", l.dmaBusyCycles},
                {"su_ru_busy_cycles", l.suRuBusyCycles},
                {"macs_executed", l.macsExecuted},
                {"macs_skipped", l.macsSkipped},
                {"false_positives", l.falsePositives},
                {"missed_skips", l.missedSkips}};
}

Json buildReport(const ReportInputs& in) {
    const auto& run = in.run;
    const double mhz = in.cfg.root()["clock"].real("fabric_mhz");
    const double latency = static_cast<double>(run.totalCycles) / (mhz * 1e6);
    Json r;
    r["schema"] = kSchema;
    r["vgmsim_version"] = VGMSIM_VERSION;
    r["config"] = Json{{"name", in.cfg.name()}, {"hash", in.cfg.hash()}};
    r["trace"] = Json{{"name", in.trace.name},
                      {"model", in.trace.header.model},
                      {"provenance", in.trace.header.provenance},
                      {"hash", in.trace.hash}};
    r["clock_mhz"] = mhz;
    r["cycles"] = Json{{"total", run.totalCycles},
                       {"compute", run.computeCycles},
                       {"memory_stall", run.memoryStallCycles},
                       {"sparsity_overhead", run.sparsityOverheadCycles},
                       {"idle", run.idleCycles}};
    r["latency_s"] = latency;
    r["bound_unit"] = run.boundUnit;
    r["utilization"] = Json{{"dsp", ratio(run.macsExecuted, run.peakMacs)}, {"hbm", ratio(run.hbmBytes, run.hbmPeakBytes)}};
    r["macs"] = Json{{"dense", run.macsDense}, {"executed", run.macsExecuted}, {"skipped", run.macsSkipped}};
    Json energy = Json::object();
    for (const auto& [name, j] : in.energy.components) energy[name] = j;
    r["energy_j"] = in.energy.totalJ;
    r["energy"] = energy;
    r["average_power_w"] = in.energy.averagePowerW;
    r["energy_per_video_j"] = in.energy.perVideoJ;
    r["energy_per_frame_j"] = in.energy.perFrameJ;
    r["power"] = power::powerJson(in.energy);
    const auto& res = in.resources;
    r["resources"] = Json{{"device", res.device.part},
                          {"dsp", res.dsp},
                          {"lut", res.lut},
                          {"ff", res.ff},
                          {"bram36", res.bram36},
                          {"uram", res.uram},
                          {"fits", res.fits()},
                          {"available", Json{{"dsp", res.device.dsp58},
                                             {"lut", res.device.lut},
                                             {"ff", res.device.ff},
                                             {"bram36", res.device.bram36},
                                             {"uram", res.device.uram}}}};
    for (const auto& [part, u] : res.parts)
        r["resources"]["parts"][part] =
            Json{{"dsp", u.dsp}, {"lut", u.lut}, {"ff", u.ff}, {"bram36", u.bram36}, {"uram", u.uram}};
    r["stats"] = run.stats.toJson();
    Json layers = Json::array();
    for (const auto& l : run.layers) layers.push_back(layerJson(l));
    r["layers"] = std::move(layers);
    return r;
}

std::string layersCsv(const stats::RunResult& run) {
    std::string out =
        "name,kind,role,step,block,m,k,n,batch,precision,start_cycle,cycles,dsp_sfu_busy_cycles,"
        "dma_busy_cycles,su_ru_busy_cycles,macs_executed,macs_skipped,false_positives,missed_skips\n";
    for (const auto& l : run.layers) {
        out += l.name + "," + l.kind + "," + l.role + "," + std::to_string(l.step) + "," + std::to_string(l.block) +
               "," + std::to_string(l.m) + "," + std::to_string(l.k) + "," + std::to_string(l.n) + "," +
               std::to_string(l.batch) + "," + l.precision + "," + std::to_string(l.startCycle) + "," +
               std::to_string(l.cycles) + "," + std::to_string(l.dspSfuBusyCycles) + "," +
               std::to_string(l.dmaBusyCycles) + "," + std::to_string(l.suRuBusyCycles) + "," +
               std::to_string(l.macsExecuted) + "," + std::to_string(l.macsSkipped) + "," +
               std::to_string(l.falsePositives) + "," + std::to_string(l.missedSkips) + "\n";
    }
    return out;
}

static std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

// 1234567 -> "1,234,567": cycle and MAC counts are long.
static std::string grouped(uint64_t v) {
    std::string d = std::to_string(v), out;
    for (size_t i = 0; i < d.size(); ++i) {
        if (i && (d.size() - i) % 3 == 0) out += ',';
        out += d[i];
    }
    return out;
}

static std::string pct(uint64_t a, uint64_t b) { return fmt("%.1f%%", 100.0 * ratio(a, b)); }

std::string summaryText(const Json& r, const std::string& outDir) {
    const Json& c = r["cycles"];
    uint64_t total = c["total"];
    const Json& m = r["macs"];
    std::string s;
    s += "vgmsim run: " + r["config"]["name"].get<std::string>() + " x " + r["trace"]["name"].get<std::string>() + "\n";
    s += "  cycles       " + grouped(total) + "  (DSP/SFU busy " + pct(c["compute"], total) + ", only memory " +
         pct(c["memory_stall"], total) + ", only SU/RU " + pct(c["sparsity_overhead"], total) + ", idle " +
         pct(c["idle"], total) + ")\n";
    s += "  latency      " + fmt("%.6g s", r["latency_s"]) + " at " + fmt("%g MHz", r["clock_mhz"]) + "\n";
    const Json& st = r["stats"];
    if (st.contains("units") && st.contains("machine") && r.contains("bound_unit")) {
        const std::string b = r["bound_unit"];
        const auto& mc = st["machine"];
        auto value = [](const Json& j) { return j.is_object() ? j["value"] : j; };
        s += "  bound by     " + b + " (busy " + pct(value(st["units"][b]["busy_cycles"]), total) +
             "); 2+ units busy in " + pct(value(mc["overlap_cycles"]), total) + " of cycles\n";
    }
    s += "  utilization  DSP " + fmt("%.1f%%", 100.0 * r["utilization"]["dsp"].get<double>()) + ", HBM " +
         fmt("%.1f%%", 100.0 * r["utilization"]["hbm"].get<double>()) + "\n";
    s += "  MACs         " + grouped(m["executed"].get<uint64_t>()) + " executed of " +
         grouped(m["dense"].get<uint64_t>()) + " dense; " + grouped(m["skipped"].get<uint64_t>()) +
         " skipped (" + pct(m["skipped"], m["dense"]) + ")\n";
    if (st.contains("memory") && st["memory"].contains("sampling")) {  // dma.mode = sampled
        const Json& sm = st["memory"]["sampling"];
        s += "  DMA timing   sampled: " + fmt("%.1f%%", sm["sampled_share"].get<double>()) + " of DMA bytes exact in " +
             grouped(sm["windows"].get<uint64_t>()) + (sm["windows"].get<uint64_t>() == 1 ? " window" : " windows") +
             "; reuse error estimate " +
             fmt("%.3f%%", sm["reuse_error"].get<double>()) + " of DMA cycles (" +
             fmt("%.2f%%", sm["reuse_error_per_transfer"].get<double>()) + " per transfer)\n";
    }
    s += "  energy       " + fmt("%.6g J", r["energy_j"]) + ", average power " + fmt("%.4g W", r["average_power_w"]) +
         "\n";
    if (r.contains("power")) s += power::powerSummary(r);
    s += "  report       " + outDir + "/report.json\n";
    return s;
}

void writeRunOutputs(const std::string& dir, const Json& report, const std::string& csv, const config::Config& cfg) {
    writeFileAtomic(dir + "/config.resolved.json", dumpJson(cfg.resolved()));
    writeFileAtomic(dir + "/layers.csv", csv);
    writeFileAtomic(dir + "/report.json", dumpJson(report));  // last: its presence means the run completed
}

}  // namespace vgm::report
