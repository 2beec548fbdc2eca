#include "common/JsonParse.h"

#include "common/Error.h"

namespace vgm {

int jsonNestingDepth(std::string_view text, int limit, size_t& at) {
    int depth = 0, deepest = 0;
    bool inString = false, escaped = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') inString = false;
            continue;
        }
        if (c == '"') inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > deepest) deepest = depth;
            if (depth > limit) {
                at = i;
                return depth;
            }
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

namespace {
std::string position(std::string_view text, size_t byte, const JsonWhere& where) {
    if (where.bytes) return "byte " + std::to_string(where.byteBase + byte);
    size_t line = 1, col = 1;
    for (size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else {
            ++col;
        }
    }
    return "line " + std::to_string(line) + " column " + std::to_string(col);
}

// The library's message without its "[json.exception...] parse error at line 1, column 2: " prefix.
std::string reason(const std::string& what) {
    for (const char* key : {"syntax error", "number overflow", "invalid string", "invalid number", "invalid literal"}) {
        auto pos = what.find(key);
        if (pos != std::string::npos) return what.substr(pos);
    }
    auto cut = what.find("] ");
    return cut == std::string::npos ? what : what.substr(cut + 2);
}
}  // namespace

Json parseJsonInput(std::string_view text, const std::string& file, JsonWhere where) {
    size_t at = 0;
    if (jsonNestingDepth(text, kMaxJsonDepth, at) > kMaxJsonDepth)
        throwInput(file, position(text, at, where),
                   "invalid JSON: nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels; allowed: at most " +
                       std::to_string(kMaxJsonDepth));
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        throwInput(file, position(text, e.byte ? e.byte - 1 : 0, where), "invalid JSON: " + reason(e.what()));
    } catch (const Json::out_of_range& e) {  // a number beyond a double's range (1e309)
        throwInput(file, where.bytes ? "byte " + std::to_string(where.byteBase) : "",
                   "invalid JSON: " + reason(e.what()) + "; allowed: numbers within +-1.7e308");
    } catch (const Json::exception& e) {
        throwInput(file, "", "invalid JSON: " + reason(e.what()));
    }
}

}  // namespace vgm
