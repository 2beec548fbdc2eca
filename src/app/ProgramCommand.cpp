// vgmsim program: the program a trace is lowered into for a config's machine
// (what each unit is told to do), as text or JSON. Lowers one group at a time
// and streams out only the requested commands, so a whole video never sits in
// memory, and stops lowering once past the requested operators.
#include <cstdio>
#include <iostream>

#include "app/ArgParse.h"
#include "common/Error.h"
#include "common/Json.h"
#include "config/Config.h"
#include "program/Lowering.h"
#include "timing/memory/MemSpec.h"
#include "workload/Trace.h"

namespace vgm::app {

namespace pg = vgm::program;

namespace {

using ull = unsigned long long;
constexpr pg::Buffer kBuffers[] = {pg::Buffer::Weight, pg::Buffer::Activation, pg::Buffer::Output};

bool isDma(pg::CmdKind k) {
    return k == pg::CmdKind::LoadWeight || k == pg::CmdKind::LoadAct || k == pg::CmdKind::StoreAct;
}
bool hasPrecision(pg::CmdKind k) { return k == pg::CmdKind::Gemm || k == pg::CmdKind::Replay; }

template <typename... A>
std::string fmt(const char* f, A... a) {
    char buf[256];
    std::snprintf(buf, sizeof buf, f, a...);
    return buf;
}

[[noreturn]] void bad(const std::string& msg) { throw InputError("vgmsim program: " + msg); }

// Adjacent ranges with the same `frees` merged (same meaning, shorter).
std::vector<pg::DepRange> compact(const std::vector<pg::DepRange>& deps) {
    std::vector<pg::DepRange> out;
    for (const auto& d : deps) {
        if (d.count == 0) continue;
        if (!out.empty() && out.back().frees == d.frees && out.back().first + out.back().count == d.first)
            out.back().count += d.count;
        else
            out.push_back(d);
    }
    return out;
}

Json machineJson(const pg::Machine& m) {
    Json units = Json::array(), streams = Json::array(), buffers = Json::object();
    for (const auto& u : m.units) {
        Json ju = {{"name", u.name}, {"kind", pg::toString(u.kind)}};
        if (u.kind == pg::UnitKind::DspGroup) {
            std::string ps;
            for (timing::Precision p : timing::kAllPrecisions)
                if ((m.groupPrecisions.at(u.group) >> unsigned(p)) & 1u)
                    ps += (ps.empty() ? "" : ",") + std::string(timing::toString(p));
            ju["group"] = u.group;
            ju["precisions"] = ps;
        }
        units.push_back(ju);
    }
    for (const auto& s : m.streams) {
        Json names = Json::array();
        for (uint32_t u : s.units) names.push_back(m.units.at(u).name);
        streams.push_back({{"name", s.name}, {"units", names}});
    }
    for (pg::Buffer b : kBuffers) buffers[pg::toString(b)] = m.bufferBytes[size_t(b)];
    return {{"units", units}, {"streams", streams}, {"queue_depth", m.queueDepth}, {"lookahead_ops", m.lookaheadOps},
            {"buffer_bytes", buffers}, {"weight_switch_cycles", m.weightSwitchCycles}};
}

void printMachine(const pg::Machine& m, const Json& j) {
    std::cout << "machine\n  units:\n";
    for (size_t i = 0; i < m.units.size(); ++i)
        std::cout << fmt("    %-3llu %-16s%s", ull(i), m.units[i].name.c_str(), pg::toString(m.units[i].kind))
                  << (j["units"][i].contains("group") ? fmt(" group %llu precisions %s", ull(m.units[i].group),
                                                            j["units"][i]["precisions"].get<std::string>().c_str())
                                                      : "")
                  << "\n";
    std::cout << "  streams:\n";
    for (size_t i = 0; i < m.streams.size(); ++i) {
        std::cout << fmt("    %-3llu %-16sunits", ull(i), m.streams[i].name.c_str());
        for (uint32_t u : m.streams[i].units) std::cout << " " << m.units.at(u).name;
        std::cout << "\n";
    }
    std::cout << "  queue_depth " << m.queueDepth << ", lookahead_ops " << m.lookaheadOps << ", weight_switch_cycles "
              << m.weightSwitchCycles << "\n  buffers:";
    for (pg::Buffer b : kBuffers) std::cout << " " << pg::toString(b) << " " << m.bufferBytes[size_t(b)] << " B";
    std::cout << "\n  gemm cycles: per DSP group in unit order ('-': cannot run it); deps: #a-b ranges, *: frees\n\n";
}

Json commandJson(const pg::Machine& m, const pg::Command& c, uint64_t index, const std::string& label) {
    Json j = {{"index", index}, {"stream", m.streams.at(c.stream).name}, {"kind", pg::toString(c.kind)},
              {"op", c.layer}, {"group_op", c.op}, {"label", label}, {"piece", c.piece}};
    if (isDma(c.kind))
        j["bytes"] = c.bytes, j["address"] = c.address;
    else
        j["cycles"] = c.cycles;
    if (hasPrecision(c.kind)) {
        j["precision"] = timing::toString(c.precision);
        j["macs"] = c.macs;
        if (c.weightTag) j["weight_tag"] = c.weightTag;
        if (!c.groupCycles.empty()) j["group_cycles"] = c.groupCycles.values();
    }
    if (c.acquire != pg::Buffer::None) j["acquire"] = {{"buffer", pg::toString(c.acquire)}, {"bytes", c.acquireBytes}};
    if (c.users) j["users"] = c.users;
    Json deps = Json::array();
    for (const auto& d : compact(c.deps)) deps.push_back({{"first", d.first}, {"count", d.count}, {"frees", d.frees}});
    j["deps"] = deps;
    return j;
}

std::string commandText(const pg::Machine& m, const pg::Command& c, uint64_t index, const std::string& label) {
    std::string s =
        fmt("#%-8llu %-14s %-12s op %-6llu %-22s piece %-5llu ", ull(index), m.streams.at(c.stream).name.c_str(),
            pg::toString(c.kind), ull(c.layer), label.c_str(), ull(c.piece));
    if (isDma(c.kind)) {
        s += fmt("bytes %llu", ull(c.bytes));
    } else if (c.groupCycles.empty()) {
        s += fmt("cycles %llu", ull(c.cycles));
    } else {
        s += "cycles ";
        for (size_t g = 0; g < c.groupCycles.size(); ++g)
            s += (g ? "/" : "") + (c.groupCycles[g] ? std::to_string(c.groupCycles[g]) : std::string("-"));
    }
    if (hasPrecision(c.kind)) s += std::string(" ") + timing::toString(c.precision);
    if (c.acquire != pg::Buffer::None) s += fmt("  acquire %s %llu B", pg::toString(c.acquire), ull(c.acquireBytes));
    if (c.users) s += fmt(" users %llu", ull(c.users));
    const auto deps = compact(c.deps);
    if (!deps.empty()) s += "  deps";
    for (const auto& d : deps)
        s += fmt(" #%llu", ull(d.first)) + (d.count > 1 ? fmt("-%llu", ull(d.first + d.count - 1)) : "") +
             (d.frees ? "*" : "");
    return s;
}

// Operators [from, to) of the trace; with a name, only those so named.
struct Slice {
    size_t from = 0, to = 0;
    std::string name;
};

Slice parseSlice(const po::variables_map& vm, const workload::Trace& trace, const std::string& tracePath) {
    const size_t ops = trace.ops.size();
    Slice s{0, ops, ""};
    if (vm.count("op") && vm.count("ops")) bad("give --op or --ops, not both");
    if (vm.count("op")) {
        s = {ops, 0, vm["op"].as<std::string>()};
        for (size_t i = 0; i < ops; ++i)
            if (trace.ops[i].label() == s.name) s.from = std::min(s.from, i), s.to = i + 1;
        if (s.to == 0)
            bad("--op " + s.name + ": no operator with that name in " + tracePath + " (operators are named like " +
                (ops ? trace.ops[0].label() : std::string("s0.b0.qkv")) + ")");
    } else if (vm.count("ops")) {
        const std::string v = vm["ops"].as<std::string>();
        if (v.find_first_not_of("0123456789:") != std::string::npos || v.size() > 40 ||
            std::sscanf(v.c_str(), "%zu:%zu", &s.from, &s.to) != 2)
            bad("--ops " + v + ": expected FROM:TO (operator indices from 0, TO exclusive)");
        if (s.from >= s.to || s.to > ops)
            bad("--ops " + v + ": need FROM < TO <= " + std::to_string(ops) + " (the trace has " +
                std::to_string(ops) + " operators)");
    }
    return s;
}

}  // namespace

int programCommand(const Args& args) {
    po::options_description opts("options");
    std::string configPath, tracePath;
    std::vector<std::string> sets;
    int64_t limit = 200;
    opts.add_options()
        ("config,c", po::value(&configPath)->required(), "hardware config (JSON)")
        ("trace,t", po::value(&tracePath)->required(), "workload trace (see traces/FORMAT.md)")
        ("set", po::value(&sets)->composing(), "override a config value: PATH=VALUE (repeatable)")
        ("op", po::value<std::string>(), "only the commands of the operator(s) with this name, e.g. s0.b3.qkv")
        ("ops", po::value<std::string>(), "only the commands of operators FROM..TO-1 (trace order, from 0)")
        ("json", "print JSON (one command per line) instead of text")
        ("limit", po::value(&limit), "print at most N commands, 0 = all (default 200 without --op/--ops, else 0)");
    po::variables_map vm;
    if (!parseArgs("program",
                   "--config FILE --trace FILE [--set PATH=VALUE]... [--op NAME | --ops FROM:TO] [--json] [--limit N]",
                   args, opts, vm))
        return 0;
    if (limit < 0) bad("--limit " + std::to_string(limit) + ": must be >= 0 (0 = all)");
    if (!vm.count("limit") && (vm.count("op") || vm.count("ops"))) limit = 0;

    const config::Config cfg = config::Config::load(configPath, sets);
    const workload::Trace trace = workload::readTrace(tracePath);
    const Slice slice = parseSlice(vm, trace, tracePath);
    timing::ComputeSpec compute = timing::ComputeSpec::fromConfig(cfg);
    compute.checkTrace(cfg, trace);
    const timing::SparsitySpec sparsity = timing::SparsitySpec::fromConfig(cfg);
    const timing::ScheduleSpec sched = timing::ScheduleSpec::fromConfig(cfg);
    // As the machine chooses it: the HBM's capacity, or 1 TiB for an ideal memory.
    const uint64_t capacity = cfg.root()["memory"].str("model") == "hbm"
                                  ? memory::MemSpec::fromConfig(cfg.root()["memory"]["hbm"]).capacityBytes()
                                  : uint64_t(1) << 40;
    pg::Lowering lowering(trace, compute, sparsity, sched, capacity);
    const pg::Machine& m = lowering.machine();
    const bool json = vm.count("json") > 0;

    if (json) {  // compact header, then one command per line
        Json head = {{"config", cfg.name()}, {"trace", trace.name}, {"operators", trace.ops.size()}};
        if (!slice.name.empty()) head["op"] = slice.name;
        head["ops"] = {{"from", slice.from}, {"to", slice.to}};
        head["machine"] = machineJson(m);
        const std::string h = head.dump();
        std::cout << h.substr(0, h.size() - 1) << ",\"commands\":[";
    } else {
        std::cout << "vgmsim program: " << cfg.name() << " x " << trace.name << " (" << trace.ops.size()
                  << " operators)\n";
        printMachine(m, machineJson(m));
    }

    std::vector<pg::Command> buf;
    std::vector<uint64_t> perStream(m.streams.size()), perKind(size_t(pg::CmdKind::Replay) + 1);
    uint64_t base = 0, shown = 0, more = 0;
    while (lowering.lowered() < std::min(lowering.ops(), slice.to)) {
        buf.clear();
        lowering.lowerNext(buf, base);
        for (size_t k = 0; k < buf.size(); ++k) {
            const pg::Command& c = buf[k];
            if (c.layer < slice.from || c.layer >= slice.to) continue;
            const std::string& label = lowering.work(c.layer).label;
            if (!slice.name.empty() && label != slice.name) continue;
            if (limit && shown >= uint64_t(limit)) {
                ++more;  // counted, not shown
                continue;
            }
            if (json)
                std::cout << (shown ? ",\n" : "\n") << commandJson(m, c, base + k, label).dump();
            else
                std::cout << commandText(m, c, base + k, label) << "\n";
            ++shown, ++perStream[c.stream], ++perKind[size_t(c.kind)];
        }
        base += buf.size();
        lowering.release(lowering.lowered() - 1);
    }

    Json streams = Json::object(), kinds = Json::object();
    for (size_t s = 0; s < perStream.size(); ++s)
        if (perStream[s]) streams[m.streams[s].name] = perStream[s];
    for (size_t k = 0; k < perKind.size(); ++k)
        if (perKind[k]) kinds[pg::toString(pg::CmdKind(k))] = perKind[k];
    if (json) {
        const Json counts = {{"commands", shown}, {"streams", streams}, {"kinds", kinds}};
        std::cout << "\n],\"more\":" << more << ",\"counts\":" << counts.dump() << "}\n";
        return 0;
    }
    if (more) std::cout << "... " << more << " more commands not shown (--limit N shows more, --limit 0 all)\n";
    std::cout << "counts: " << shown << " commands";
    for (const auto& [what, counts] : {std::pair{"; streams", &streams}, {"; kinds", &kinds}}) {
        std::cout << what;
        for (const auto& [name, n] : counts->items()) std::cout << " " << name << " " << n.get<uint64_t>();
    }
    std::cout << "\n";
    return 0;
}

}  // namespace vgm::app
