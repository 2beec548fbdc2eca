// DRAMSys STL trace reader (membench --stl). Byte 0 picks the clock.
#include <cmath>
#include <limits>

#include "FuzzUtil.h"
#include "timing/memory/Traffic.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace vgm;
    if (size == 0) return 0;
    static const double clocks[] = {1000.0, 300.0, 0.001, 1e9, std::nan(""), std::numeric_limits<double>::infinity(),
                                    -5.0, 0.0};
    const std::string path =
        fuzz::writeScratch("t.stl", std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    fuzz::expectOnlyInputErrors([&] { (void)memory::readStl(path, clocks[data[0] % 8], 32, uint64_t(1) << 33); });
    return 0;
}
