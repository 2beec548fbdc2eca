#pragma once
// Typed access to JSON fields of a trace with errors naming file and JSON path.
#include <cstdint>
#include <string>
#include <vector>

#include "common/Json.h"

namespace vgm::workload {

class JsonFields {
public:
    explicit JsonFields(std::string file) : file_(std::move(file)) {}
    [[noreturn]] void fail(const std::string& path, const std::string& msg) const;
    const Json& member(const Json& obj, const std::string& key, const std::string& path) const;
    uint64_t uint(const Json& obj, const std::string& key, const std::string& path, uint64_t min = 0) const;
    std::string str(const Json& obj, const std::string& key, const std::string& path) const;
    const Json& array(const Json& obj, const std::string& key, const std::string& path) const;
    void objectKeys(const Json& obj, const std::string& path, const std::vector<std::string>& allowed) const;

private:
    std::string file_;
};

}  // namespace vgm::workload
