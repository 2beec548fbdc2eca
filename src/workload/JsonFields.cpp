#include "workload/JsonFields.h"

#include "common/Error.h"
#include "common/Suggest.h"

namespace vgm::workload {

void JsonFields::fail(const std::string& path, const std::string& msg) const {
    throwInput(file_, path, msg);
}

const Json& JsonFields::member(const Json& obj, const std::string& key, const std::string& path) const {
    if (!obj.is_object()) fail(path, "expected an object, got " + jsonTypeName(obj));
    auto it = obj.find(key);
    if (it == obj.end()) fail(path, "missing key '" + key + "'");
    return *it;
}

uint64_t JsonFields::uint(const Json& obj, const std::string& key, const std::string& path, uint64_t min) const {
    const Json& v = member(obj, key, path);
    if (!v.is_number_unsigned() || v.get<uint64_t>() < min)
        fail(path + "." + key, "expected an integer >= " + std::to_string(min) + ", got " + jsonBrief(v));
    return v.get<uint64_t>();
}

std::string JsonFields::str(const Json& obj, const std::string& key, const std::string& path) const {
    const Json& v = member(obj, key, path);
    if (!v.is_string()) fail(path + "." + key, "expected a string, got " + jsonBrief(v));
    return v.get<std::string>();
}

const Json& JsonFields::array(const Json& obj, const std::string& key, const std::string& path) const {
    const Json& v = member(obj, key, path);
    if (!v.is_array()) fail(path + "." + key, "expected an array, got " + jsonTypeName(v));
    return v;
}

void JsonFields::objectKeys(const Json& obj, const std::string& path, const std::vector<std::string>& allowed) const {
    if (!obj.is_object()) fail(path, "expected an object, got " + jsonTypeName(obj));
    for (const auto& item : obj.items()) {
        bool ok = false;
        for (const auto& a : allowed) ok = ok || a == item.key();
        if (!ok)
            fail(path.empty() ? item.key() : path + "." + item.key(),
                 "unknown key" + didYouMean(item.key(), allowed) + "; allowed: " + joinNames(allowed));
    }
}

}  // namespace vgm::workload
