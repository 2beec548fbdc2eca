#pragma once
// The one way untrusted JSON text becomes a Json value. Every failure is an
// InputError naming the file and where: bad syntax, nesting deeper than
// kMaxJsonDepth (checked before the library builds anything, so neither its
// parser nor our recursive walks can run out of stack), numbers beyond the
// range of a double (1e309), invalid UTF-8.
#include <cstddef>
#include <string>
#include <string_view>

#include "common/Json.h"

namespace vgm {

// Deep enough for every file vgmsim reads or writes (they nest < 10 levels).
constexpr int kMaxJsonDepth = 128;

// How a failure's position is named: "line L column C" (text files), or
// "byte N" counted from `byteBase` (JSON embedded in a binary container).
struct JsonWhere {
    bool bytes = false;
    size_t byteBase = 0;
};

Json parseJsonInput(std::string_view text, const std::string& file, JsonWhere where = {});

// Nesting depth of JSON text ([ and { outside strings); stops counting past `limit`
// and reports the byte offset where the limit was exceeded in `at`.
int jsonNestingDepth(std::string_view text, int limit, size_t& at);

}  // namespace vgm
