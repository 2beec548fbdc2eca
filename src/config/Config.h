#pragma once
// A loaded hardware config in two layers: file() is what the user wrote
// (sub-files expanded, --set applied), resolved() has every declared
// parameter, defaults filled and each value validated against the schema.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "common/Json.h"
#include "config/Schema.h"

namespace vgm::config {

class View;

class Config {
public:
    // Loads `path`, expands sub-files, applies `sets` ("a.b.c=VALUE"), validates.
    static Config load(const std::string& path, const std::vector<std::string>& sets = {});
    // Validates an in-memory document; `source` names it in errors.
    static Config fromJson(const Json& doc, const std::string& source,
                           const std::vector<std::string>& sets = {});

    const Json& file() const { return file_; }
    const Json& resolved() const { return resolved_; }
    const std::string& source() const { return source_; }
    std::string name() const;
    std::string hash() const;
    View root() const;

    // The file an element at this JSON pointer came from (main file or a sub-file).
    std::string fileOf(const std::string& pointer) const;

private:
    friend class Loader;
    Json file_;
    Json resolved_;
    std::string source_;
    std::vector<std::pair<std::string, std::string>> origins_;  // pointer prefix -> file
};

// Read access to resolved values; errors raised through a View name the file and path.
class View {
public:
    View(const Config* cfg, const Json* node, std::string pointer)
        : cfg_(cfg), node_(node), pointer_(std::move(pointer)) {}

    int64_t integer(const std::string& key) const;
    uint64_t count(const std::string& key) const;  // an integer declared >= 0
    double real(const std::string& key) const;
    bool boolean(const std::string& key) const;
    std::string str(const std::string& key) const;
    std::vector<int64_t> integers(const std::string& key) const;

    View operator[](const std::string& key) const;
    View at(size_t index) const;
    size_t size() const;
    bool has(const std::string& key) const;
    const Json& json() const { return *node_; }

    std::string path() const { return pointer_.empty() ? "/" : pointer_; }
    std::string path(const std::string& key) const { return pointer_ + "/" + key; }
    // InputError "<file>: <path>/<key>: <message>" for cross-parameter checks.
    [[noreturn]] void fail(const std::string& key, const std::string& message) const;

private:
    const Json& get(const std::string& key) const;
    const Config* cfg_;
    const Json* node_;
    std::string pointer_;
};

}  // namespace vgm::config
