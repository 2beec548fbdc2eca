#pragma once
// Parameter declarations: every config value is declared once here (name,
// type, unit, default, range, description); the declarations drive parsing,
// validation, `vgmsim params` and the skeleton.
#include <optional>
#include <string>
#include <vector>

#include "common/Json.h"

namespace vgm::config {

enum class ParamType { Int, Float, Bool, String, Enum, IntList };
std::string paramTypeName(ParamType t);

struct Param {
    std::string key;
    ParamType type = ParamType::Int;
    std::string unit;
    Json def;  // null when required
    bool required = false;
    std::optional<double> min, max;
    std::vector<std::string> choices;  // for Enum
    std::string desc;

    // Fluent builders, Ramulator-style: s.param("rows").integer().def(32).range(1, 4096).desc("...")
    Param& integer() { type = ParamType::Int; return *this; }
    Param& real() { type = ParamType::Float; return *this; }
    Param& boolean() { type = ParamType::Bool; return *this; }
    Param& string() { type = ParamType::String; return *this; }
    Param& intList() { type = ParamType::IntList; return *this; }
    Param& oneOf(std::vector<std::string> c) { type = ParamType::Enum; choices = std::move(c); return *this; }
    Param& withUnit(std::string u) { unit = std::move(u); return *this; }
    Param& defaultValue(Json v) { def = std::move(v); return *this; }
    Param& mandatory() { required = true; return *this; }
    Param& range(std::optional<double> lo, std::optional<double> hi) { min = lo; max = hi; return *this; }
    Param& atLeast(double lo) { min = lo; return *this; }
    Param& describe(std::string d) { desc = std::move(d); return *this; }

    // "" if ok, else what is wrong and what is allowed.
    std::string check(const Json& value) const;
    std::string allowedText() const;
};

// An object in the config tree (or, with isArray, a list of such objects).
struct Section {
    std::string key;
    std::string desc;
    bool isArray = false;
    size_t minItems = 0;
    Json defaultItems = Json::array();  // for arrays: items used when the key is absent
    std::vector<Param> params;
    std::vector<Section> sections;

    Param& param(const std::string& k);
    Section& section(const std::string& k, const std::string& description);
    Section& arrayOf(const std::string& k, const std::string& description, size_t minCount = 0);

    // Finds or creates; lets components add to a shared section.
    Section& sub(const std::string& k);

    const Param* findParam(const std::string& k) const;
    const Section* findSection(const std::string& k) const;
    std::vector<std::string> keys() const;
};

// The root schema of a hardware config, built once from every component's declarations.
const Section& configSchema();

}  // namespace vgm::config
