#pragma once
// Builds a Config: parse, expand sub-files, apply --set, validate, resolve.
#include <string>
#include <vector>

#include "config/Config.h"

namespace vgm::config {

class Loader {
public:
    static Config loadFile(const std::string& path, const std::vector<std::string>& sets);
    static Config loadJson(const Json& doc, const std::string& source, const std::vector<std::string>& sets);

private:
    explicit Loader(Config& cfg) : cfg_(cfg) {}
    void finish(const std::vector<std::string>& sets);
    Json expand(const Section& sec, const Json& value, const std::string& pointer,
                const std::string& file, int depth);
    Json expandArray(const Section& sec, const Json& value, const std::string& pointer,
                     const std::string& file, int depth);
    void applySet(const std::string& assignment);
    Json resolveSection(const Section& sec, const Json& given, const std::string& pointer);
    [[noreturn]] void fail(const std::string& pointer, const std::string& message) const;

    Config& cfg_;
};

// Parses JSON text; InputError "<file>: line L column C: <reason>" on bad syntax.
Json parseJsonText(const std::string& text, const std::string& file);

}  // namespace vgm::config
