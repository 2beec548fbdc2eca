#pragma once
// Safe echoing of untrusted text: error messages stay one printable line.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vgm {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or bytes past U+10FFFF).
bool isValidUtf8(std::string_view s);

// `s` as one printable line: \n \r \t as escapes, \xNN for other
// control bytes, DEL and bytes that are not part of valid UTF-8; valid
// multi-byte characters pass through.
std::string escapeLine(std::string_view s);

// A plain decimal number (digits only, no sign or space) no larger than `max`;
// nullopt otherwise. For list indices and counts read from paths and files.
std::optional<uint64_t> parseDecimal(std::string_view s, uint64_t max);

// One number printed with a printf format such as "%.1f" (for summary lines).
std::string formatNumber(const char* format, double v);

}  // namespace vgm
