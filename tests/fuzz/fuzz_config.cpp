// Config loader: top file, one sub-file it may name ("sub.json"), and --set
// assignments (one per line), split at "\n@@@\n".
#include "FuzzUtil.h"
#include "config/Config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace vgm;
    const auto parts = fuzz::split(std::string_view(reinterpret_cast<const char*>(data), size), "\n@@@\n", 3);
    const std::string top = fuzz::writeScratch("top.json", parts[0]);
    fuzz::writeScratch("sub.json", parts.size() > 1 ? parts[1] : "{}");
    std::vector<std::string> sets;
    if (parts.size() > 2)
        for (const auto& s : fuzz::split(parts[2], "\n", 16)) sets.push_back(s);
    fuzz::expectOnlyInputErrors([&] {
        config::Config c = config::Config::load(top, sets);
        (void)c.hash();
        (void)c.name();
    });
    return 0;
}
