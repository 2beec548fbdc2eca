#pragma once
// Resource totals of the devices vgmsim knows (FACTS.md).
#include <cstdint>
#include <string>

namespace vgm::power {

struct Device {
    std::string part;
    uint64_t dsp58, lut, ff, bram36, uram;
};

// Throws std::logic_error for a part the config schema should have rejected.
const Device& deviceByPart(const std::string& part);

}  // namespace vgm::power
