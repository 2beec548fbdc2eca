// vgmsim membench: drive the memory system (NoC + HBM) alone with synthetic
// or STL traffic; write DIR/membench.json and print a one-line summary.
#include <iostream>

#include "app/ArgParse.h"
#include "common/Error.h"
#include "common/Files.h"
#include "common/Text.h"
#include "config/Config.h"
#include "models/MemBench.h"

namespace vgm::app {

namespace {
void oneOf(const std::string& opt, const std::string& v, const std::vector<std::string>& allowed) {
    for (const auto& a : allowed)
        if (a == v) return;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw InputError("vgmsim membench: --" + opt + " '" + v + "' is not allowed; allowed: " + list);
}
}  // namespace

int membenchCommand(const Args& args) {
    po::options_description opts("options");
    std::string configPath, outDir;
    std::vector<std::string> sets;
    models::MemBenchOptions o;
    uint64_t requests = 0, bytes = 0, stride = 0, seed = 0;
    std::string outstanding, initiators;
    // clang-format off
    opts.add_options()
        ("config,c", po::value(&configPath)->required(), "hardware config with memory.model = hbm")
        ("set", po::value(&sets)->composing(), "override a config value: PATH=VALUE (repeatable)")
        ("pattern", po::value(&o.traffic.pattern)->default_value("seq"), "seq | random | strided")
        ("op", po::value(&o.traffic.op)->default_value("read"), "read | write | mix (50/50, seeded)")
        ("requests,n", po::value(&requests)->default_value(100000), "number of requests")
        ("bytes", po::value(&bytes)->default_value(64), "bytes per request (also the STL default)")
        ("stride", po::value(&stride)->default_value(0), "strided: bytes between consecutive requests")
        ("outstanding", po::value(&outstanding)->default_value("auto"),
         "requests in flight per initiator; auto: the NoC's per-master limit (memory.noc.outstanding)")
        ("initiators", po::value(&initiators)->default_value("auto"),
         "NoC masters sharing the traffic round robin; auto: enough to saturate the memory (STL: 1)")
        ("seed", po::value(&seed)->default_value(1), "random seed (random pattern, mix op)")
        ("stl", po::value(&o.stlPath), "replay a DRAMSys STL trace instead of a pattern")
        ("stl-clock-mhz", po::value(&o.stlClockMhz)->default_value(1000.0), "clock of the STL trace's cycles")
        ("out,o", po::value(&outDir), "write DIR/membench.json and config.resolved.json")
        ("quiet,q", "print nothing on success");
    // clang-format on
    po::variables_map vm;
    if (!parseArgs("membench",
                   "--config FILE [--pattern seq|random|strided] [--op read|write|mix] [--requests N] [--bytes B] "
                   "[--stride S] [--outstanding K|auto] [--initiators I|auto] [--stl FILE --stl-clock-mhz F] [--out DIR]",
                   args, opts, vm))
        return 0;
    oneOf("pattern", o.traffic.pattern, {"seq", "random", "strided"});
    oneOf("op", o.traffic.op, {"read", "write", "mix"});
    auto range = [](const char* name, uint64_t v, uint64_t lo, uint64_t hi) {
        if (v < lo || v > hi)
            throw InputError("vgmsim membench: --" + std::string(name) + " " + std::to_string(v) +
                             " is out of range; allowed: " + std::to_string(lo) + ".." + std::to_string(hi));
    };
    range("requests", requests, 1, uint64_t(1) << 32);
    range("bytes", bytes, 1, 1 << 20);
    // "auto" (0 here) is resolved against the config by runMemBench.
    auto count = [&](const char* name, const std::string& v, uint64_t hi) -> uint64_t {
        if (v == "auto") return 0;
        auto n = parseDecimal(v, hi);
        if (!n || *n < 1)
            throw InputError("vgmsim membench: --" + std::string(name) + " '" + v +
                             "' is not allowed; allowed: auto or 1.." + std::to_string(hi));
        return *n;
    };
    const uint64_t outstandingN = count("outstanding", outstanding, 1 << 16);
    const uint64_t initiatorsN = count("initiators", initiators, 1024);
    if (!(o.stlClockMhz > 0 && o.stlClockMhz <= 1e5))  // also NaN
        throw InputError("vgmsim membench: --stl-clock-mhz " + std::to_string(o.stlClockMhz) +
                         " is out of range; allowed: (0, 100000]");
    o.traffic.requests = requests;
    o.traffic.bytes = uint32_t(bytes);
    o.traffic.stride = stride;
    o.traffic.initiators = uint32_t(initiatorsN);
    o.traffic.seed = seed;
    o.outstanding = uint32_t(outstandingN);

    const config::Config cfg = config::Config::load(configPath, sets);
    models::MemBenchResult r = models::runMemBench(cfg, o);
    if (!outDir.empty()) {
        writeFileAtomic(outDir + "/membench.json", dumpJson(r.report));
        writeFileAtomic(outDir + "/config.resolved.json", dumpJson(cfg.resolved()));
    }
    if (!vm.count("quiet")) std::cout << "membench " << cfg.name() << ": " << r.summary << "\n";
    return 0;
}

}  // namespace vgm::app
