// Writes the compact form: templates once, skip records deduplicated.
#include <unordered_map>

#include "common/Files.h"
#include "common/Hash.h"
#include "workload/SkipCodec.h"
#include "workload/TraceSpec.h"

namespace vgm::workload {

bool OpTemplate::operator==(const OpTemplate& o) const {
    return kind == o.kind && role == o.role && precision == o.precision && m == o.m && k == o.k && n == o.n &&
           batch == o.batch && inputElems == o.inputElems && weightElems == o.weightElems &&
           outputElems == o.outputElems && skipGroup == o.skipGroup;
}

const BlockTemplate* TraceSpec::findTemplate(const std::string& name) const {
    for (const auto& t : templates)
        if (t.name == name) return &t;
    return nullptr;
}

size_t TraceSpec::groupsPerStep() const {
    size_t n = 0;
    for (const auto& e : sequence)
        if (const BlockTemplate* t = findTemplate(e.tmpl)) n += t->groups.size();
    return n;
}

namespace {
Json opJson(const OpTemplate& op) {
    Json j = Json::object();
    j["kind"] = toString(op.kind);
    j["role"] = toString(op.role);
    j["precision"] = toString(op.precision);
    j["m"] = op.m;
    j["k"] = op.k;
    j["n"] = op.n;
    j["batch"] = op.batch;
    j["in"] = op.inputElems;
    j["w"] = op.weightElems;
    j["out"] = op.outputElems;
    if (!op.skipGroup.empty()) j["skip"] = op.skipGroup;
    return j;
}

// One key per line, one operator per line: diffable and greppable.
std::string renderJson(const TraceSpec& spec) {
    std::string s = "{\n";
    s += "  \"format\": \"vgmsim-trace\",\n  \"version\": " + std::to_string(kTraceFormatVersion) + ",\n";
    for (const auto& [key, value] : spec.header.items())
        if (key != "format" && key != "version" && key != "steps")
            s += "  " + Json(key).dump() + ": " + value.dump() + ",\n";
    s += "  \"steps\": " + std::to_string(spec.steps) + ",\n  \"templates\": [";
    for (size_t t = 0; t < spec.templates.size(); ++t) {
        const BlockTemplate& bt = spec.templates[t];
        Json groups = Json::array();
        for (const auto& g : bt.groups) groups.push_back(Json{{"name", g.name}, {"window", g.window}});
        s += t ? ",\n" : "\n";
        s += "    {\"name\": " + Json(bt.name).dump() + ", \"skip_groups\": " + groups.dump() + ", \"ops\": [";
        for (size_t i = 0; i < bt.ops.size(); ++i) s += (i ? ",\n      " : "\n      ") + opJson(bt.ops[i]).dump();
        s += "]}";
    }
    s += "],\n  \"sequence\": [";
    for (size_t i = 0; i < spec.sequence.size(); ++i)
        s += (i ? (i % 8 ? ", " : ",\n    ") : "\n    ") +
             Json::array({spec.sequence[i].tmpl, spec.sequence[i].block}).dump();
    s += "]\n}\n";
    return s;
}
}  // namespace

std::string sealTrace(const std::string& json, const std::string& skipBytes, const std::string& actBytes) {
    const std::string act = actBytes.empty() ? "" : " act=" + std::to_string(actBytes.size());
    return "vgmsim-trace " + std::to_string(kTraceFormatVersion) + " json=" + std::to_string(json.size()) +
           " skip=" + std::to_string(skipBytes.size()) + act + " hash=" + hashString(json + skipBytes + actBytes) +
           "\n" + json + skipBytes + actBytes;
}

std::string encodeTrace(const TraceSpec& spec) {
    std::string skip;
    std::unordered_map<std::string, uint64_t> seen;
    std::string body;
    for (size_t i = 0; i < spec.skips.size(); ++i) {
        body.clear();
        encodeSkipRecord(spec.skips[i], body);
        // Count records are drawn per index, so only explicit ones may be shared.
        if (body[0] == 1) {  // explicit tag
            auto [it, fresh] = seen.emplace(body, i);
            if (!fresh) {
                encodeSameRecord(it->second, skip);
                continue;
            }
        }
        skip += body;
    }
    return sealTrace(renderJson(spec), skip, spec.actBytes);
}

void writeTrace(const std::string& path, const TraceSpec& spec) {
    writeFileAtomic(path, encodeTrace(spec));
}

}  // namespace vgm::workload
