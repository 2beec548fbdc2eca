// The guarded JSON parse helper and error-line escaping on arbitrary bytes.
#include "FuzzUtil.h"
#include "common/JsonParse.h"
#include "common/Text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    vgm::fuzz::expectOnlyInputErrors([&] { (void)vgm::parseJsonInput(text, "f.json"); });
    const std::string line = vgm::escapeLine(text);
    for (char c : line)
        if (c == '\n' || c == '\r' || (unsigned char)c < 0x20) std::abort();
    if (!vgm::isValidUtf8(line)) std::abort();
    return 0;
}
