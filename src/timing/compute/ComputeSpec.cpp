#include "timing/compute/ComputeSpec.h"

#include <sstream>

#include "common/Error.h"

namespace vgm::timing {

namespace {

using workload::OpKind;
using workload::Role;

const char* const kPolicyKeys[14] = {"qkv", "out_proj", "cross_q", "cross_kv", "cross_out", "fc1", "fc2",
                                     "adaln", "t_block", "embed", "final", "attention", "other", "other"};

size_t policySlot(const workload::Operator& op) {
    if (op.kind == OpKind::AttentionQK || op.kind == OpKind::AttentionAV) return 11;
    const auto r = static_cast<size_t>(op.role);
    if (r <= static_cast<size_t>(Role::Final)) return r;  // roles qkv..final share the policy order
    if (op.role == Role::SelfAttention || op.role == Role::CrossAttention) return 11;
    return 12;
}

UnitSpec readUnit(const config::View& u, bool extra) {
    UnitSpec s;
    for (Precision p : kAllPrecisions) {
        s.macs[size_t(p)] = static_cast<uint32_t>(u.integer(std::string(toString(p)) + "_macs"));
        s.depth[size_t(p)] = static_cast<uint32_t>(u.integer(std::string(toString(p)) + "_depth"));
    }
    s.modeSwitchCycles = u.count("mode_switch_cycles");
    if (extra) {
        s.extraLut = u.count("extra_lut");
        s.extraFf = u.count("extra_ff");
    }
    return s;
}

std::shared_ptr<const EngineIF> makeEngine(const config::View& g, EngineKind kind) {
    if (kind == EngineKind::Dot) {
        DotGeometry d{g.count("dot_m"), g.count("dot_k"), g.count("dot_n"), g.count("dot_latency")};
        return std::make_shared<DotEngine>(d);
    }
    const std::string df = g.str("dataflow");
    SystolicGeometry s{g.count("rows"), g.count("cols"),
                       df == "os" ? Dataflow::Os : df == "ws" ? Dataflow::Ws : Dataflow::Is};
    if (g.str("convention") == "scalesim") return std::make_shared<SystolicScaleSim>(s);
    return std::make_shared<SystolicPipelined>(s);
}

std::string supportedText(const UnitSpec& u) {
    std::string out;
    for (Precision p : kAllPrecisions)
        if (u.macs[size_t(p)] > 0) out += std::string(out.empty() ? "" : ",") + toString(p);
    return out;
}

void readModes(const config::View& g, const UnitSpec& u, GroupSpec& out) {
    const std::string modes = g.str("modes");
    const std::string unitName = g.str("unit");
    if (modes == "all") {
        for (Precision p : kAllPrecisions) out.allowed[size_t(p)] = u.macs[size_t(p)] > 0;
    } else {
        std::stringstream ss(modes);
        std::string item;
        while (std::getline(ss, item, ',')) {
            Precision p;
            if (!parsePrecision(item, p))
                g.fail("modes", "unknown precision \"" + item + "\" in \"" + modes +
                                    "\"; allowed: all, or a comma list of int8,int16,fp16,fp32");
            if (u.macs[size_t(p)] == 0)
                g.fail("modes", std::string(toString(p)) + " is not a mode of " + unitName +
                                    " (its modes with MACs > 0: " + supportedText(u) + ")");
            out.allowed[size_t(p)] = true;
        }
    }
    bool any = false;
    for (bool a : out.allowed) any = any || a;
    if (!any) g.fail("modes", "group '" + out.name + "' can run no precision (" + unitName + " modes: " +
                                  (supportedText(u).empty() ? "none, every *_macs is 0" : supportedText(u)) + ")");
}

}  // namespace

uint64_t deviceDsp58(const std::string& part) {
    if (part == "xcv80") return 10848;
    if (part == "vn1752") return 3964;
    return 0;
}

const char* ComputeSpec::policyKey(const workload::Operator& op) { return kPolicyKeys[policySlot(op)]; }

Precision ComputeSpec::precisionOf(const workload::Operator& op) const { return policy[policySlot(op)]; }

uint64_t ComputeSpec::dspCount() const {
    uint64_t n = 0;
    for (const auto& g : groups) n += g.dsps();
    return n;
}

ComputeSpec ComputeSpec::fromConfig(const config::Config& cfg) {
    ComputeSpec s;
    const config::View root = cfg.root();
    const config::View dsp = root["dsp"];
    s.dsp58 = readUnit(dsp["dsp58"], false);
    s.dspE = readUnit(dsp["dsp_e"], true);
    s.fabricMhz = root["clock"].real("fabric_mhz");

    const std::string part = root["device"].str("part");
    const uint64_t budget = deviceDsp58(part);
    const config::View groups = dsp["groups"];
    uint64_t used = 0;
    for (size_t i = 0; i < groups.size(); ++i) {
        const config::View g = groups.at(i);
        GroupSpec gs;
        gs.name = g.str("name");
        gs.index = i;
        for (const auto& other : s.groups)
            if (other.name == gs.name)
                g.fail("name", "\"" + gs.name + "\" is already the name of group " + std::to_string(other.index) +
                                   "; group names must be unique");
        gs.unit = g.str("unit") == "dsp58" ? UnitKind::Dsp58 : UnitKind::DspE;
        gs.engineKind = g.str("engine") == "dot" ? EngineKind::Dot : EngineKind::Systolic;
        gs.count = g.count("count");
        readModes(g, s.unit(gs), gs);
        gs.engine = makeEngine(g, gs.engineKind);
        used += gs.dsps();
        if (budget && used > budget)
            g.fail(gs.engineKind == EngineKind::Dot ? "dot_m" : "rows",
                   "group '" + gs.name + "' needs " + std::to_string(gs.dsps()) + " DSPs (" +
                       std::to_string(gs.count) + " x " + gs.engine->describe() + "), bringing the array to " +
                       std::to_string(used) + "; the " + part + " has " + std::to_string(budget) + " DSP58");
        s.groups.push_back(std::move(gs));
    }

    const config::View pol = root["precision"];
    for (size_t i = 0; i < s.policy.size(); ++i) {
        Precision p = Precision::Fp16;
        parsePrecision(pol.str(kPolicyKeys[i]), p);  // the schema already restricted the values
        s.policy[i] = p;
    }

    const config::View sfu = root["sfu"];
    s.sfu.elementsPerCycle = sfu.count("elements_per_cycle");
    s.sfu.latency = sfu.count("latency");
    const config::View passes = sfu["passes"];
    s.passes.fill(1);
    s.passes[size_t(OpKind::Softmax)] = passes.count("softmax");
    s.passes[size_t(OpKind::LayerNorm)] = passes.count("layernorm");
    s.passes[size_t(OpKind::Gelu)] = passes.count("gelu");
    s.passes[size_t(OpKind::Modulate)] = passes.count("modulate");
    s.passes[size_t(OpKind::Residual)] = passes.count("residual");
    s.passes[size_t(OpKind::Embed)] = passes.count("embed");
    return s;
}

void ComputeSpec::checkTrace(const config::Config& cfg, const workload::Trace& trace) const {
    for (size_t i = 0; i < trace.ops.size(); ++i) {
        const workload::Operator& op = trace.ops[i];
        if (!workload::isGemm(op.kind)) continue;
        const Precision p = precisionOf(op);
        bool ok = false;
        for (const auto& g : groups) ok = ok || g.supports(p);
        if (ok) continue;
        std::string have;
        for (const auto& g : groups) {
            have += (have.empty() ? "" : "; ") + g.name + ":";
            std::string list;
            for (Precision q : kAllPrecisions)
                if (g.supports(q)) list += std::string(list.empty() ? "" : ",") + toString(q);
            have += list;
        }
        cfg.root()["precision"].fail(policyKey(op), std::string(toString(p)) + " is run by no DSP group (" +
                                                        have + "), but trace " + trace.name + " operator " +
                                                        std::to_string(i) + " (" + op.label() + ") needs it");
    }
}

}  // namespace vgm::timing
