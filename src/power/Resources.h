#pragma once
// FPGA resource estimate of a config against its device's totals.
#include <cstdint>

#include "config/Config.h"
#include "power/Device.h"

namespace vgm::power {

struct ResourceEstimate {
    uint64_t dsp = 0, lut = 0, ff = 0, bram36 = 0, uram = 0;
    Device device;
    bool fits() const {
        return dsp <= device.dsp58 && lut <= device.lut && ff <= device.ff && bram36 <= device.bram36 &&
               uram <= device.uram;
    }
};

ResourceEstimate estimateResources(const config::Config& cfg);

}  // namespace vgm::power
