#include "config/Loader.h"

#include <filesystem>
#include <list>

#include "common/Error.h"
#include "common/Files.h"
#include "common/JsonParse.h"
#include "common/Text.h"
#include "common/Suggest.h"

namespace vgm::config {

namespace fs = std::filesystem;
static constexpr int kMaxIncludeDepth = 16;

Json parseJsonText(const std::string& text, const std::string& file) { return parseJsonInput(text, file); }

Config Loader::loadFile(const std::string& path, const std::vector<std::string>& sets) {
    Config cfg;
    cfg.source_ = path;
    Loader l(cfg);
    Json doc = parseJsonText(readTextFile(path), path);
    cfg.file_ = l.expand(configSchema(), doc, "", path, 0);
    l.finish(sets);
    return cfg;
}

Config Loader::loadJson(const Json& doc, const std::string& source, const std::vector<std::string>& sets) {
    Config cfg;
    cfg.source_ = source;
    Loader l(cfg);
    cfg.file_ = l.expand(configSchema(), doc, "", source, 0);
    l.finish(sets);
    return cfg;
}

void Loader::finish(const std::vector<std::string>& sets) {
    for (const auto& s : sets) applySet(s);
    cfg_.resolved_ = resolveSection(configSchema(), cfg_.file_, "");
}

void Loader::fail(const std::string& pointer, const std::string& message) const {
    throwInput(cfg_.fileOf(pointer), pointer.empty() ? "/" : pointer, message);
}

// A string where an object (or list) is expected names a sub-file, relative
// to the file that names it.
Json Loader::expand(const Section& sec, const Json& value, const std::string& pointer,
                    const std::string& file, int depth) {
    if (value.is_string()) {
        if (depth >= kMaxIncludeDepth) throwInput(file, pointer, "sub-files nest deeper than 16 (a cycle?)");
        fs::path sub = fs::path(file).parent_path() / value.get<std::string>();
        std::error_code ec;
        if (!fs::is_regular_file(sub, ec))
            throwInput(file, pointer.empty() ? "/" : pointer,
                       "sub-file " + jsonBrief(value) + " not found (looked for " + sub.string() + ")");
        std::string subFile = sub.lexically_normal().string();
        cfg_.origins_.emplace_back(pointer, subFile);
        Json doc = parseJsonText(readTextFile(subFile), subFile);
        return sec.isArray ? expandArray(sec, doc, pointer, subFile, depth + 1)
                           : expand(sec, doc, pointer, subFile, depth + 1);
    }
    if (sec.isArray) return expandArray(sec, value, pointer, file, depth);
    if (!value.is_object())
        throwInput(file, pointer.empty() ? "/" : pointer,
                   jsonBrief(value) + " is " + jsonTypeName(value) + "; allowed: an object or a sub-file name");
    Json out = Json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
        const Section* child = sec.findSection(it.key());
        out[it.key()] = child ? expand(*child, it.value(), pointer + "/" + it.key(), file, depth) : it.value();
    }
    return out;
}

Json Loader::expandArray(const Section& sec, const Json& value, const std::string& pointer,
                         const std::string& file, int depth) {
    if (!value.is_array())
        throwInput(file, pointer, jsonBrief(value) + " is " + jsonTypeName(value) +
                                      "; allowed: a list of objects or a sub-file name");
    Section item = sec;
    item.isArray = false;
    Json out = Json::array();
    for (size_t i = 0; i < value.size(); ++i)
        out.push_back(expand(item, value[i], pointer + "/" + std::to_string(i), file, depth));
    return out;
}

void Loader::applySet(const std::string& assignment) {
    auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        throwInput("--set", assignment, "expected PATH=VALUE, e.g. clock.fabric_mhz=250");
    std::string path = assignment.substr(0, eq);
    std::string text = assignment.substr(eq + 1);
    if (!isValidUtf8(assignment)) throwInput("--set", assignment, "is not valid UTF-8; allowed: UTF-8 text");
    Json value;
    size_t deepAt = 0;
    if (jsonNestingDepth(text, kMaxJsonDepth, deepAt) > kMaxJsonDepth)
        throwInput("--set", path, "value nests deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    try {
        value = Json::parse(text);
    } catch (const Json::parse_error&) {
        value = text;  // not JSON: a bare string (--set name=foo)
    } catch (const Json::exception& e) {
        throwInput("--set", path, "value " + text + " is not a usable JSON value (" + e.what() +
                                      "); allowed: numbers within +-1.7e308");
    }
    const Section* sec = &configSchema();
    std::list<Section> itemSchemas;  // array items' schemas, alive while walking
    Json* node = &cfg_.file_;
    std::string pointer;
    size_t start = 0;
    while (true) {
        size_t dot = path.find('.', start);
        std::string seg = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        bool last = dot == std::string::npos;
        if (seg.empty()) throwInput("--set", path, "empty path segment");
        if (sec->isArray) {
            if (!node->is_array()) *node = sec->defaultItems;
            bool numeric = seg.find_first_not_of("0123456789") == std::string::npos;
            if (!numeric)
                throwInput("--set", path, "'" + seg + "' must be a list index at " + (pointer.empty() ? "/" : pointer));
            // Appending takes a whole item (dsp.groups.5={...}); a field of a
            // missing item would silently create a half-filled one.
            const size_t size = node->size();
            const std::string where = pointer.empty() ? "/" : pointer;
            const std::optional<uint64_t> index = parseDecimal(seg, size);
            if (!index || (*index == size && !last)) {
                const std::string list = path.substr(0, start ? start - 1 : 0);
                throwInput("--set", path, "index " + seg + " out of range; " + where + " has " +
                                              std::to_string(size) + " items; allowed: " +
                                              (size ? "0.." + std::to_string(size - 1) + ", or " : std::string()) +
                                              std::to_string(size) + " with a whole item (" + list + "." +
                                              std::to_string(size) + "={...})");
            }
            const size_t idx = size_t(*index);
            if (idx == size) node->push_back(Json::object());
            pointer += "/" + seg;
            node = &(*node)[idx];
            itemSchemas.push_back(*sec);
            itemSchemas.back().isArray = false;
            sec = &itemSchemas.back();
            if (last) {
                *node = value;
                cfg_.origins_.emplace_back(pointer, "--set");
                return;
            }
            start = dot + 1;
            continue;
        }
        if (!node->is_object()) *node = Json::object();
        const Param* p = sec->findParam(seg);
        const Section* child = sec->findSection(seg);
        if (!p && !child)
            throwInput("--set", path, "unknown key '" + seg + "' at " + (pointer.empty() ? "/" : pointer) +
                                          didYouMean(seg, sec->keys()) + "; allowed: " + joinNames(sec->keys()));
        pointer += "/" + seg;
        if (p) {
            if (!last) throwInput("--set", path, "'" + seg + "' is a parameter, not a section");
            (*node)[seg] = value;
            cfg_.origins_.emplace_back(pointer, "--set");
            return;
        }
        node = &(*node)[seg];
        sec = child;
        if (last) {
            *node = value;
            cfg_.origins_.emplace_back(pointer, "--set");
            return;
        }
        start = dot + 1;
    }
}

Json Loader::resolveSection(const Section& sec, const Json& given, const std::string& pointer) {
    if (sec.isArray) {
        const Json& items = given.is_null() ? sec.defaultItems : given;
        if (!items.is_array()) fail(pointer, jsonBrief(items) + " is " + jsonTypeName(items) + "; allowed: a list");
        if (items.size() < sec.minItems)
            fail(pointer, "has " + std::to_string(items.size()) + " items; allowed: at least " +
                              std::to_string(sec.minItems));
        Section item = sec;
        item.isArray = false;
        Json out = Json::array();
        for (size_t i = 0; i < items.size(); ++i)
            out.push_back(resolveSection(item, items[i], pointer + "/" + std::to_string(i)));
        return out;
    }
    const Json& obj = given.is_null() ? Json::object() : given;
    if (!obj.is_object()) fail(pointer, jsonBrief(obj) + " is " + jsonTypeName(obj) + "; allowed: an object");
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (!sec.findParam(it.key()) && !sec.findSection(it.key()))
            fail(pointer + "/" + it.key(), "unknown key '" + it.key() + "'" + didYouMean(it.key(), sec.keys()) +
                                                "; allowed: " + joinNames(sec.keys()));
    }
    Json out = Json::object();
    for (const auto& p : sec.params) {
        std::string ptr = pointer + "/" + p.key;
        if (!obj.contains(p.key)) {
            if (p.required) fail(ptr, "missing required parameter (" + p.desc + "); allowed: " + p.allowedText());
            out[p.key] = p.def;
            continue;
        }
        const Json& v = obj[p.key];
        std::string problem = p.check(v);
        if (!problem.empty()) fail(ptr, problem);
        out[p.key] = p.type == ParamType::Float ? Json(v.get<double>()) : v;
    }
    for (const auto& s : sec.sections) {
        std::string ptr = pointer + "/" + s.key;
        out[s.key] = resolveSection(s, obj.contains(s.key) ? obj[s.key] : Json(), ptr);
    }
    return out;
}

}  // namespace vgm::config
