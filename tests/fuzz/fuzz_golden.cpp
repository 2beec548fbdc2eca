// Golden manifest (vgmsim check) read from a folder.
#include "FuzzUtil.h"
#include "dse/GoldenCheck.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace vgm;
    fuzz::writeScratch("manifest.json", std::string_view(reinterpret_cast<const char*>(data), size));
    fuzz::expectOnlyInputErrors([&] {
        dse::GoldenManifest m = dse::GoldenManifest::load(fuzz::scratch());
        for (const auto& c : m.cases) (void)m.expectedPath(c);
    });
    return 0;
}
