#pragma once
// A sweep axis: one config path with its values, or a tied group of paths
// whose i-th values always go together (e.g. buffer size and its bank count).
#include <string>
#include <vector>

#include "common/Json.h"
#include "dse/JsonIn.h"

namespace vgm::dse {

struct AxisMember {
    std::string path;  // dotted config path, as in --set
    std::vector<Json> values;
};

struct Axis {
    std::string name;  // "name" from the spec, else the member paths joined by '+'
    std::vector<AxisMember> members;
    size_t size() const { return members.empty() ? 0 : members.front().values.size(); }
};

// Parses {"path", "values"|"range"} or {"tied": [...]} (optional "name").
Axis parseAxis(const JsonIn& in);

// Expands {"start", "stop", "step", "scale": "linear"|"log"}. Linear adds
// step; log multiplies by step. stop is included when hit (to 1e-9 relative).
// Values stay integers when start and step are integers.
std::vector<Json> expandRange(const JsonIn& in);

inline constexpr size_t kMaxAxisValues = 100000;

}  // namespace vgm::dse
