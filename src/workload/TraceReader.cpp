// Parses a trace file into its compact form, validating the container (header
// line, sizes, hash), the JSON structure and the templates.
#include <sstream>

#include "common/Error.h"
#include "common/Files.h"
#include "common/Hash.h"
#include "common/JsonParse.h"
#include "common/Suggest.h"
#include "workload/Activations.h"
#include "workload/JsonFields.h"
#include "workload/TraceBounds.h"
#include "workload/TraceSpec.h"
#include "workload/Windows.h"

namespace vgm::workload {

namespace {
const std::vector<std::string> kTopKeys = {"format",      "version", "model", "params",   "video",     "batch",   "cfg",
                                           "text_tokens", "sampler", "steps", "sparsity", "templates", "sequence", "activations"};
const std::vector<std::string> kOpKeys = {"kind",  "role", "precision", "m",   "k",   "n",
                                          "batch", "in",   "w",         "out", "skip"};
const std::vector<std::string> kSources = {"dense", "measured", "stat", "masks", "uniform"};

struct Container {
    size_t jsonBegin = 0, jsonSize = 0, skipBegin = 0, skipSize = 0, actSize = 0;
    std::string hash;
};

Container parseContainer(const std::string& bytes, const std::string& file) {
    size_t nl = bytes.find('\n');
    std::string line = bytes.substr(0, nl == std::string::npos ? std::min<size_t>(bytes.size(), 80) : nl);
    std::istringstream in(line);
    std::string magic, version, json, skip, hash, extra;
    in >> magic >> version >> json >> skip >> hash;
    if (magic != "vgmsim-trace")
        throwInput(file, "byte 0",
                   "not a vgmsim trace: first line must start with 'vgmsim-trace " +
                       std::to_string(kTraceFormatVersion) + "'");
    if (version != std::to_string(kTraceFormatVersion))
        throwInput(file, "byte 13",
                   "unsupported trace format version '" + version + "'; this vgmsim reads version " +
                       std::to_string(kTraceFormatVersion) + " (regenerate the trace with vgmsim trace)");
    auto sizeField = [&](const std::string& tok, const char* key) -> size_t {
        std::string prefix = std::string(key) + "=";
        if (tok.compare(0, prefix.size(), prefix) != 0 || tok.size() == prefix.size() ||
            tok.find_first_not_of("0123456789", prefix.size()) != std::string::npos || tok.size() > prefix.size() + 15)
            throwInput(file, "byte 0", "malformed header line: expected '" + prefix + "<bytes>', got '" + tok + "'");
        return std::stoull(tok.substr(prefix.size()));
    };
    Container c;
    c.jsonSize = sizeField(json, "json");
    c.skipSize = sizeField(skip, "skip");
    if (hash.compare(0, 4, "act=") == 0) {  // optional activation block
        c.actSize = sizeField(hash, "act");
        in >> hash;
    }
    if (hash.compare(0, 5, "hash=") != 0 || (in >> extra))
        throwInput(file, "byte 0", "malformed header line: expected 'hash=fnv1a64:<16 hex digits>' at its end");
    c.hash = hash.substr(5);
    if (nl == std::string::npos)
        throwInput(file, "byte " + std::to_string(bytes.size()), "truncated: no end of header line");
    c.jsonBegin = nl + 1;
    c.skipBegin = c.jsonBegin + c.jsonSize;
    size_t expected = c.skipBegin + c.skipSize + c.actSize;
    if (bytes.size() < expected)
        throwInput(file, "byte " + std::to_string(bytes.size()),
                   "truncated: header announces " + std::to_string(expected) + " bytes, file has " +
                       std::to_string(bytes.size()));
    if (bytes.size() > expected)
        throwInput(file, "byte " + std::to_string(expected),
                   std::to_string(bytes.size() - expected) + " unexpected bytes after the announced end of the trace");
    std::string actual = hashString(bytes.substr(c.jsonBegin));
    if (actual != c.hash)
        throwInput(file, "byte " + std::to_string(c.jsonBegin),
                   "content hash mismatch: header says " + c.hash + ", content hashes to " + actual +
                       " (file corrupted or edited)");
    return c;
}

OpTemplate parseOp(const JsonFields& f, const Json& j, const std::string& path) {
    f.objectKeys(j, path, kOpKeys);
    OpTemplate op;
    std::string kind = f.str(j, "kind", path), role = f.str(j, "role", path), prec = f.str(j, "precision", path);
    if (!parseOpKind(kind, op.kind)) f.fail(path + ".kind", "unknown operator kind '" + kind + "'");
    if (!parseRole(role, op.role)) f.fail(path + ".role", "unknown role '" + role + "'");
    if (!parsePrecisionClass(prec, op.precision))
        f.fail(path + ".precision", "unknown precision class '" + prec + "'; allowed: int8, fp16");
    op.m = f.uint(j, "m", path, 1);
    op.k = f.uint(j, "k", path, 1);
    op.n = f.uint(j, "n", path, 1);
    op.batch = f.uint(j, "batch", path, 1);
    op.inputElems = f.uint(j, "in", path);
    op.weightElems = f.uint(j, "w", path);
    op.outputElems = f.uint(j, "out", path);
    if (j.contains("skip")) op.skipGroup = f.str(j, "skip", path);
    return op;
}

BlockTemplate parseTemplate(const JsonFields& f, const Json& j, const std::string& path) {
    f.objectKeys(j, path, {"name", "skip_groups", "ops"});
    BlockTemplate t;
    t.name = f.str(j, "name", path);
    const Json& groups = f.array(j, "skip_groups", path);
    for (size_t i = 0; i < groups.size(); ++i) {
        std::string gp = path + ".skip_groups[" + std::to_string(i) + "]";
        f.objectKeys(groups[i], gp, {"name", "window"});
        SkipGroup g{f.str(groups[i], "name", gp), f.str(groups[i], "window", gp)};
        WindowKind wk;
        if (!parseWindowKind(g.window, wk))
            f.fail(gp + ".window", "unknown window '" + g.window + "'; allowed: " + joinNames(windowKindNames()));
        for (const auto& other : t.groups)
            if (other.name == g.name) f.fail(gp + ".name", "duplicate skip group '" + g.name + "'");
        t.groups.push_back(g);
    }
    const Json& ops = f.array(j, "ops", path);
    if (ops.empty()) f.fail(path + ".ops", "a template needs at least one operator");
    for (size_t i = 0; i < ops.size(); ++i) {
        std::string op = path + ".ops[" + std::to_string(i) + "]";
        t.ops.push_back(parseOp(f, ops[i], op));
        const std::string& g = t.ops.back().skipGroup;
        bool known = g.empty();
        for (const auto& grp : t.groups) known = known || grp.name == g;
        if (!known) f.fail(op + ".skip", "skip group '" + g + "' is not declared in skip_groups");
        if (!g.empty() && !isGemm(t.ops.back().kind)) f.fail(op + ".skip", "only GEMM operators can be sparse");
        for (size_t k = 0; k + 1 < t.ops.size() && !g.empty(); ++k)
            if (t.ops[k].skipGroup == g && t.ops[k].m != t.ops.back().m)
                f.fail(op + ".m", "m = " + std::to_string(t.ops.back().m) +
                                      " differs from m = " + std::to_string(t.ops[k].m) + " of ops[" +
                                      std::to_string(k) + "] in the same skip group '" + g + "'");
    }
    for (const auto& grp : t.groups) {
        bool used = false;
        for (const auto& op : t.ops) used = used || op.skipGroup == grp.name;
        if (!used) f.fail(path + ".skip_groups", "skip group '" + grp.name + "' is used by no operator");
    }
    return t;
}
}  // namespace

void decodeSkipSection(TraceSpec& spec, const std::string& bytes, size_t begin, size_t end, const std::string& file);

TraceSpec decodeTrace(const std::string& bytes, const std::string& file) {
    Container c = parseContainer(bytes, file);
    Json doc = parseJsonInput(std::string_view(bytes).substr(c.jsonBegin, c.jsonSize), file,
                              JsonWhere{true, c.jsonBegin});
    JsonFields f(file);
    f.objectKeys(doc, "", kTopKeys);
    if (f.str(doc, "format", "") != "vgmsim-trace") f.fail("format", "expected \"vgmsim-trace\"");
    if (f.uint(doc, "version", "") != uint64_t(kTraceFormatVersion))
        f.fail("version", "JSON version " + doc["version"].dump() + " disagrees with the header line's version " +
                              std::to_string(kTraceFormatVersion));
    f.str(doc, "model", "");
    TraceSpec spec;
    uint64_t steps = f.uint(doc, "steps", "", 1);
    if (steps > 100000) f.fail("steps", "too many steps " + std::to_string(steps) + "; allowed 1..100000");
    spec.steps = static_cast<uint32_t>(steps);
    std::string source = f.str(f.member(doc, "sparsity", ""), "source", "sparsity");
    bool knownSource = false;
    for (const auto& s : kSources) knownSource = knownSource || s == source;
    if (!knownSource) f.fail("sparsity.source", "unknown source '" + source + "'; allowed: " + joinNames(kSources));
    const Json& templates = f.array(doc, "templates", "");
    for (size_t i = 0; i < templates.size(); ++i) {
        spec.templates.push_back(parseTemplate(f, templates[i], "templates[" + std::to_string(i) + "]"));
        for (size_t k = 0; k + 1 < spec.templates.size(); ++k)
            if (spec.templates[k].name == spec.templates.back().name)
                f.fail("templates[" + std::to_string(i) + "].name",
                       "duplicate template '" + spec.templates[k].name + "'");
    }
    const Json& seq = f.array(doc, "sequence", "");
    if (seq.empty()) f.fail("sequence", "empty: a step needs at least one block");
    std::vector<std::string> names;
    for (const auto& t : spec.templates) names.push_back(t.name);
    for (size_t i = 0; i < seq.size(); ++i) {
        std::string p = "sequence[" + std::to_string(i) + "]";
        const Json& e = seq[i];
        if (!e.is_array() || e.size() != 2 || !e[0].is_string() || !e[1].is_number_unsigned() ||
            e[1].get<uint64_t>() > 0xffffffffULL)
            f.fail(p, "expected [\"template\", block], got " + jsonBrief(e));
        if (!spec.findTemplate(e[0].get<std::string>()))
            f.fail(p, "unknown template '" + e[0].get<std::string>() + "'" +
                          didYouMean(e[0].get<std::string>(), names) + "; allowed: " + joinNames(names));
        spec.sequence.push_back({e[0].get<std::string>(), static_cast<uint32_t>(e[1].get<uint64_t>())});
    }
    for (const auto& t : spec.templates) {
        bool used = false;
        for (const auto& e : spec.sequence) used = used || e.tmpl == t.name;
        if (!used) f.fail("templates", "template '" + t.name + "' is never used in the sequence");
    }
    checkTraceBounds(spec, file);
    for (const auto& key : {"templates", "sequence", "steps"}) doc.erase(key);
    spec.header = std::move(doc);
    spec.contentHash = c.hash;
    spec.actBegin = c.skipBegin + c.skipSize;
    spec.actBytes = bytes.substr(spec.actBegin, c.actSize);
    decodeSkipSection(spec, bytes, c.skipBegin, c.skipBegin + c.skipSize, file);
    return spec;
}

Trace readTrace(const std::string& path) {
    std::string bytes = readTextFile(path);
    TraceSpec spec = decodeTrace(bytes, path);
    checkAgainstHeader(spec, path);
    Trace t = expandTraceReleasing(spec, path);
    attachActivations(t, spec, spec.actBegin, path);
    return t;
}

}  // namespace vgm::workload
