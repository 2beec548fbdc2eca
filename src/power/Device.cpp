#include "power/Device.h"

#include <stdexcept>

namespace vgm::power {

const Device& deviceByPart(const std::string& part) {
    // AMD Alveo V80 and Versal VN1752 totals, from FACTS.md.
    static const Device kDevices[] = {
        {"xcv80", 10848, 2574208, 5148416, 3741, 1925},
        {"vn1752", 3964, 1592000, 3184000, 2688, 960},
    };
    for (const auto& d : kDevices)
        if (d.part == part) return d;
    throw std::logic_error("unknown device part '" + part + "'");
}

}  // namespace vgm::power
