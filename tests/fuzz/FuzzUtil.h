#pragma once
// Shared by the libFuzzer harnesses: a scratch folder per process, input
// splitting, and the rule every harness checks — a parser may reject its
// input only with an InputError (exit status 2); any other exception, crash,
// hang or sanitizer report is a finding.
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include "common/Error.h"

namespace vgm::fuzz {

inline const std::string& scratch() {
    static const std::string dir = [] {
        std::string d = "/tmp/vgmsim-fuzz-" + std::to_string(::getpid());
        std::string cmd = "mkdir -p " + d;
        if (std::system(cmd.c_str()) != 0) std::abort();
        return d;
    }();
    return dir;
}

inline std::string writeScratch(const std::string& name, std::string_view bytes) {
    const std::string path = scratch() + "/" + name;
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), std::streamsize(bytes.size()));
    return path;
}

// Splits at every occurrence of `sep` (the seed corpora use the same separator).
inline std::vector<std::string> split(std::string_view s, std::string_view sep, size_t maxParts) {
    std::vector<std::string> parts;
    while (parts.size() + 1 < maxParts) {
        const size_t at = s.find(sep);
        if (at == std::string_view::npos) break;
        parts.emplace_back(s.substr(0, at));
        s.remove_prefix(at + sep.size());
    }
    parts.emplace_back(s);
    return parts;
}

// Runs f; an InputError is the expected way to refuse; everything else aborts.
template <class F>
void expectOnlyInputErrors(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        const std::string w = e.what();
        if (w.empty()) std::abort();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "not an InputError: %s\n", e.what());
        std::abort();
    }
}

}  // namespace vgm::fuzz
