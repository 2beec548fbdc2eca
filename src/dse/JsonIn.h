#pragma once
// Strict reading of a JSON input file (sweep spec, golden manifest): every
// access knows its file and JSON pointer, so each error is one line naming
// both, and unknown keys are rejected with the closest valid name.
#include <cstdint>
#include <string>
#include <vector>

#include "common/Json.h"

namespace vgm::dse {

class JsonIn {
public:
    JsonIn(const Json& node, std::string file, std::string pointer = "")
        : node_(&node), file_(std::move(file)), pointer_(std::move(pointer)) {}

    // Loads and parses a file (syntax errors carry line and column).
    static Json parseFile(const std::string& path);

    const Json& json() const { return *node_; }
    const std::string& file() const { return file_; }
    std::string path() const { return pointer_.empty() ? "/" : pointer_; }

    // Requires an object whose keys are all in `allowed`.
    void expectKeys(const std::vector<std::string>& allowed) const;
    void expectArray(size_t minItems = 0) const;

    bool has(const std::string& key) const;
    JsonIn operator[](const std::string& key) const;  // key must exist
    JsonIn at(size_t i) const;
    size_t size() const;

    std::string str() const;
    double number() const;
    int64_t integer() const;
    bool boolean() const;
    std::vector<std::string> strings() const;

    std::string str(const std::string& key, const std::string& def) const;
    double number(const std::string& key, double def) const;
    int64_t integer(const std::string& key, int64_t def) const;

    [[noreturn]] void fail(const std::string& message) const;

private:
    const Json* node_;
    std::string file_;
    std::string pointer_;
};

}  // namespace vgm::dse
