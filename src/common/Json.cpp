#include "common/Json.h"

namespace vgm {

std::string dumpJson(const Json& j) { return j.dump(2) + "\n"; }

std::string jsonTypeName(const Json& j) {
    if (j.is_null()) return "null";
    if (j.is_boolean()) return "boolean";
    if (j.is_number_integer()) return "integer";
    if (j.is_number_float()) return "number";
    if (j.is_string()) return "string";
    if (j.is_array()) return "array";
    return "object";
}

std::string jsonBrief(const Json& j) {
    std::string s = j.dump(-1, ' ', false, Json::error_handler_t::replace);  // never throws on bad UTF-8
    if (s.size() > 60) s = s.substr(0, 57) + "...";
    return s;
}

}  // namespace vgm
