#pragma once
// FPGA resource estimate of a config against its device's totals: compute
// units (from the compute spec), SFU, SU, RU, ZSS, DMA, buffers, shell.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "config/Config.h"
#include "power/Device.h"

namespace vgm::power {

struct Usage {
    uint64_t dsp = 0, lut = 0, ff = 0, bram36 = 0, uram = 0;
    Usage& operator+=(const Usage& o) {
        dsp += o.dsp, lut += o.lut, ff += o.ff, bram36 += o.bram36, uram += o.uram;
        return *this;
    }
};

struct ResourceEstimate {
    uint64_t dsp = 0, lut = 0, ff = 0, bram36 = 0, uram = 0;
    Device device;
    std::vector<std::pair<std::string, Usage>> parts;  // report order; sums to the totals
    bool fits() const {
        return dsp <= device.dsp58 && lut <= device.lut && ff <= device.ff && bram36 <= device.bram36 &&
               uram <= device.uram;
    }
};

ResourceEstimate estimateResources(const config::Config& cfg);

}  // namespace vgm::power
