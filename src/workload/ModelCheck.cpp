// A trace's templates must be exactly what its header's model and options
// generate: this catches shapes edited by hand or inconsistent with the header.
#include "common/Error.h"
#include "workload/JsonFields.h"
#include "workload/Models.h"

namespace vgm::workload {

ModelOptions optionsFromHeader(const Json& h, const std::string& file) {
    JsonFields f(file);
    ModelOptions opt;
    opt.model = f.str(h, "model", "");
    if (opt.model == "gemm") {
        const Json& p = f.member(h, "params", "");
        opt.m = f.uint(p, "m", "params", 1);
        opt.k = f.uint(p, "k", "params", 1);
        opt.n = f.uint(p, "n", "params", 1);
        std::string prec = f.str(p, "precision", "params");
        if (!parsePrecisionClass(prec, opt.precision))
            f.fail("params.precision", "unknown precision '" + prec + "'; allowed: int8, fp16");
        if (p.contains("role") && !parseRole(f.str(p, "role", "params"), opt.gemmRole))
            f.fail("params.role", "unknown role '" + f.str(p, "role", "params") + "'");
        return opt;
    }
    const Json& v = f.member(h, "video", "");
    opt.resolution = f.str(v, "resolution", "video");
    opt.frames = static_cast<uint32_t>(f.uint(v, "frames", "video", 1));
    const Json& cfg = f.member(h, "cfg", "");
    if (!cfg.is_boolean()) f.fail("cfg", "expected true or false, got " + jsonBrief(cfg));
    opt.cfg = cfg.get<bool>();
    if (opt.model == "stdit3-xl-2") opt.textTokens = static_cast<uint32_t>(f.uint(h, "text_tokens", "", 1));
    return opt;
}

namespace {
std::string firstDifference(const OpTemplate& a, const OpTemplate& e, std::string& got, std::string& want) {
    auto cmp = [&](const char* name, const std::string& x, const std::string& y) -> const char* {
        if (x == y) return nullptr;
        got = x, want = y;
        return name;
    };
    const char* r = nullptr;
    if (!r) r = cmp("kind", toString(a.kind), toString(e.kind));
    if (!r) r = cmp("role", toString(a.role), toString(e.role));
    if (!r) r = cmp("precision", toString(a.precision), toString(e.precision));
    if (!r) r = cmp("m", std::to_string(a.m), std::to_string(e.m));
    if (!r) r = cmp("k", std::to_string(a.k), std::to_string(e.k));
    if (!r) r = cmp("n", std::to_string(a.n), std::to_string(e.n));
    if (!r) r = cmp("batch", std::to_string(a.batch), std::to_string(e.batch));
    if (!r) r = cmp("in", std::to_string(a.inputElems), std::to_string(e.inputElems));
    if (!r) r = cmp("w", std::to_string(a.weightElems), std::to_string(e.weightElems));
    if (!r) r = cmp("out", std::to_string(a.outputElems), std::to_string(e.outputElems));
    if (!r) r = cmp("skip", a.skipGroup, e.skipGroup);
    return r ? r : "";
}
}  // namespace

void checkAgainstHeader(const TraceSpec& spec, const std::string& file) {
    ModelOptions opt = optionsFromHeader(spec.header, file);
    opt.steps = spec.steps;
    TraceSpec ref;
    try {
        ref = buildModel(opt);
    } catch (const InputError& e) {
        throwInput(file, "header", std::string(e.what()).substr(std::string("vgmsim trace: ").size()));
    }
    for (const char* key : {"params", "video", "batch", "cfg", "text_tokens", "sampler"}) {
        Json got = spec.header.contains(key) ? spec.header[key] : Json();
        Json want = ref.header.contains(key) ? ref.header[key] : Json();
        if (got != want)
            throwInput(file, key,
                       "value " + jsonBrief(got) + " inconsistent with the rest of the header (model " + opt.model +
                           "), which implies " + jsonBrief(want));
    }
    if (spec.templates.size() != ref.templates.size() || spec.sequence.size() != ref.sequence.size())
        throwInput(file, "templates",
                   "structure does not match model " + opt.model + ": expected " +
                       std::to_string(ref.templates.size()) + " templates and " + std::to_string(ref.sequence.size()) +
                       " blocks per step, found " + std::to_string(spec.templates.size()) + " and " +
                       std::to_string(spec.sequence.size()));
    uint64_t offset = 0;
    for (size_t s = 0; s < spec.sequence.size(); ++s) {
        const SeqEntry &e = spec.sequence[s], &re = ref.sequence[s];
        if (e.tmpl != re.tmpl || e.block != re.block)
            throwInput(file, "sequence[" + std::to_string(s) + "]",
                       "block [\"" + e.tmpl + "\", " + std::to_string(e.block) + "] but model " + opt.model +
                           " has [\"" + re.tmpl + "\", " + std::to_string(re.block) + "] there");
        const BlockTemplate& t = *spec.findTemplate(e.tmpl);
        const BlockTemplate& rt = *ref.findTemplate(e.tmpl);
        bool firstUse = true;
        for (size_t p = 0; p < s; ++p) firstUse = firstUse && spec.sequence[p].tmpl != e.tmpl;
        if (firstUse) {
            std::string where = "template '" + t.name + "'";
            if (t.ops.size() != rt.ops.size())
                throwInput(file, where,
                           std::to_string(t.ops.size()) + " operators, model " + opt.model + " has " +
                               std::to_string(rt.ops.size()));
            for (size_t i = 0; i < t.ops.size(); ++i) {
                std::string got, want, field = firstDifference(t.ops[i], rt.ops[i], got, want);
                if (field.empty()) continue;
                throwInput(file,
                           "operator " + std::to_string(offset + i) + " (s0.b" + std::to_string(e.block) + "." +
                               toString(t.ops[i].role) + ")",
                           field + " = " + got + " inconsistent with the header, which implies " + want);
            }
            if (t.groups.size() != rt.groups.size())
                throwInput(file, where, "skip groups differ from model " + opt.model);
            for (size_t g = 0; g < t.groups.size(); ++g)
                if (t.groups[g].name != rt.groups[g].name || t.groups[g].window != rt.groups[g].window)
                    throwInput(file, where + " skip group " + std::to_string(g),
                               "'" + t.groups[g].name + "' window " + t.groups[g].window + ", model " + opt.model +
                                   " has '" + rt.groups[g].name + "' window " + rt.groups[g].window);
        }
        offset += t.ops.size();
    }
}

}  // namespace vgm::workload
