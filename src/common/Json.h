#pragma once
// One JSON type for the whole project: insertion-ordered so that every file
// we write has a stable key order.
#include <nlohmann/json.hpp>
#include <string>

namespace vgm {

using Json = nlohmann::ordered_json;

// Pretty-printed with a trailing newline; the one format all reports use.
std::string dumpJson(const Json& j);

// Short human name of a JSON value's type ("integer", "string", ...).
std::string jsonTypeName(const Json& j);

// Compact rendering of a value for error messages (strings quoted, long values cut).
std::string jsonBrief(const Json& j);

}  // namespace vgm
