// vgmsim trace info FILE [--json]: header and totals of a trace.
#include <cstdio>
#include <iostream>

#include "app/ArgParse.h"
#include "app/Commands.h"
#include "workload/TraceTotals.h"

namespace vgm::app {

namespace {
std::string giga(uint64_t macs) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4g GMAC", double(macs) / 1e9);
    return buf;
}
}  // namespace

int traceInfoCommand(const Args& args) {
    po::options_description opts("options");
    std::string file;
    opts.add_options()("file", po::value(&file)->required(), "trace file")("json", "print JSON");
    po::positional_options_description pos;
    pos.add("file", 1);
    po::variables_map vm;
    if (!parseArgs("trace info", "FILE [--json]", args, opts, vm, &pos)) return 0;
    workload::Trace trace = workload::readTrace(file);
    workload::TraceTotals t = workload::computeTotals(trace);
    if (vm.count("json")) {
        Json j = Json::object();
        j["file"] = file;
        j["hash"] = trace.hash;
        j["header"] = trace.header.fields;
        j["steps"] = trace.steps;
        Json totals = workload::totalsJson(t);
        for (auto& [k, v] : totals.items()) j[k] = v;
        std::cout << dumpJson(j);
        return 0;
    }
    const Json& h = trace.header.fields;
    std::cout << file << " (" << trace.hash << ")\n"
              << "  model        " << trace.header.model << "\n"
              << "  sparsity     " << h["sparsity"].dump() << "\n";
    for (const char* key : {"params", "video", "batch", "cfg", "text_tokens", "sampler"})
        if (h.contains(key))
            std::cout << "  " << std::string(key) + std::string(13 - std::string(key).size(), ' ') << h[key].dump()
                      << "\n";
    std::cout << "  steps        " << trace.steps << "\n"
              << "  operators    " << t.ops << "\n"
              << "  macs.per_forward " << giga(t.perForwardMacs) << "\n"
              << "  macs.dense       " << giga(t.denseMacs) << "\n"
              << "  macs.skippable   " << giga(t.skippableMacs);
    if (t.denseMacs) std::printf(" (%.2f %%)", 100.0 * double(t.skippableMacs) / double(t.denseMacs));
    std::cout << std::flush << "\n\n  role               ops    dense GMAC   skippable GMAC\n";
    for (const auto& r : t.roles)
        std::printf("  %-16s %6llu %13.3f %16.3f\n", workload::toString(r.role), (unsigned long long)r.ops,
                    double(r.denseMacs) / 1e9, double(r.skippableMacs) / 1e9);
    std::fflush(stdout);
    return 0;
}

}  // namespace vgm::app
