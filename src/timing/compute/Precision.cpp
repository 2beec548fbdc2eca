#include "timing/compute/Precision.h"

namespace vgm::timing {

namespace {
const char* const kNames[] = {"int8", "int16", "fp16", "fp32"};
}

const char* toString(Precision p) { return kNames[static_cast<size_t>(p)]; }

bool parsePrecision(const std::string& s, Precision& out) {
    for (size_t i = 0; i < kPrecisionCount; ++i)
        if (s == kNames[i]) {
            out = static_cast<Precision>(i);
            return true;
        }
    return false;
}

}  // namespace vgm::timing
