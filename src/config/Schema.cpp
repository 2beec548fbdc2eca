#include "config/Schema.h"

#include <cmath>
#include <sstream>

#include "common/Suggest.h"

namespace vgm::config {

std::string paramTypeName(ParamType t) {
    switch (t) {
        case ParamType::Int: return "int";
        case ParamType::Float: return "float";
        case ParamType::Bool: return "bool";
        case ParamType::String: return "string";
        case ParamType::Enum: return "enum";
        case ParamType::IntList: return "int[]";
    }
    return "?";
}

static std::string num(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

std::string Param::allowedText() const {
    switch (type) {
        case ParamType::Enum: return "one of " + joinNames(choices);
        case ParamType::Bool: return "true or false";
        case ParamType::String: return "a string";
        case ParamType::IntList: return "a list of integers";
        default: break;
    }
    std::string kind = type == ParamType::Int ? "an integer" : "a number";
    if (min && max) return kind + " in [" + num(*min) + ", " + num(*max) + "]";
    if (min) return kind + " >= " + num(*min);
    if (max) return kind + " <= " + num(*max);
    return kind;
}

std::string Param::check(const Json& v) const {
    auto bad = [&](const std::string& what) { return jsonBrief(v) + " " + what + "; allowed: " + allowedText(); };
    switch (type) {
        case ParamType::Bool:
            return v.is_boolean() ? "" : bad("is " + jsonTypeName(v));
        case ParamType::String:
            return v.is_string() ? "" : bad("is " + jsonTypeName(v));
        case ParamType::Enum: {
            if (!v.is_string()) return bad("is " + jsonTypeName(v));
            for (const auto& c : choices)
                if (c == v.get<std::string>()) return "";
            return "unknown value " + jsonBrief(v) + didYouMean(v.get<std::string>(), choices) +
                   "; allowed: " + allowedText();
        }
        case ParamType::IntList:
            if (!v.is_array()) return bad("is " + jsonTypeName(v));
            for (const auto& e : v)
                if (!e.is_number_integer()) return bad("holds a non-integer " + jsonBrief(e));
            return "";
        case ParamType::Int:
            if (!v.is_number_integer()) return bad("is " + jsonTypeName(v));
            break;
        case ParamType::Float:
            if (!v.is_number()) return bad("is " + jsonTypeName(v));
            if (!std::isfinite(v.get<double>())) return bad("is not finite");
            break;
    }
    double d = v.get<double>();
    if (min && d < *min) return bad("is below the minimum");
    if (max && d > *max) return bad("exceeds the maximum");
    return "";
}

Param& Section::param(const std::string& k) {
    for (auto& p : params)
        if (p.key == k) return p;
    params.push_back(Param{});
    params.back().key = k;
    return params.back();
}

Section& Section::section(const std::string& k, const std::string& description) {
    Section& s = sub(k);
    s.desc = description;
    return s;
}

Section& Section::arrayOf(const std::string& k, const std::string& description, size_t minCount) {
    Section& s = section(k, description);
    s.isArray = true;
    s.minItems = minCount;
    return s;
}

Section& Section::sub(const std::string& k) {
    for (auto& s : sections)
        if (s.key == k) return s;
    sections.push_back(Section{});
    sections.back().key = k;
    return sections.back();
}

const Param* Section::findParam(const std::string& k) const {
    for (const auto& p : params)
        if (p.key == k) return &p;
    return nullptr;
}

const Section* Section::findSection(const std::string& k) const {
    for (const auto& s : sections)
        if (s.key == k) return &s;
    return nullptr;
}

std::vector<std::string> Section::keys() const {
    std::vector<std::string> out;
    for (const auto& p : params) out.push_back(p.key);
    for (const auto& s : sections) out.push_back(s.key);
    return out;
}

}  // namespace vgm::config
