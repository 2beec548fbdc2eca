#pragma once
// Typed errors: the CLI maps InputError to exit status 2, anything else to 1.
#include <stdexcept>
#include <string>

namespace vgm {

// A user's input (config, trace, command line) is wrong. what() is one line:
// "<file>: <json path or line>: <problem>; <what is allowed>".
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Formats "file: where: message", leaving out empty parts.
std::string formatLocation(const std::string& file, const std::string& where,
                           const std::string& message);

[[noreturn]] void throwInput(const std::string& file, const std::string& where,
                             const std::string& message);

}  // namespace vgm
