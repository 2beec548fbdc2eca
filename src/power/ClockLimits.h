#pragma once
// Clock limits: the fabric clock against the DSP58 Fmax of the modes the
// design runs (integer / floating point, at the part's speed grade, from
// power.<part>). A design above them is flagged in the report; `run --strict`
// refuses it.
#include <string>
#include <vector>

#include "config/Config.h"

namespace vgm::power {

struct ClockCheck {
    double fabricMhz = 0, intFmaxMhz = 0, fpFmaxMhz = 0;
    bool usesInt = false, usesFp = false;  // some unit runs DSP58 integer / floating-point modes
    std::vector<std::string> violations;   // one sentence each; empty = within limits
};

ClockCheck checkClockLimits(const config::Config& cfg);

}  // namespace vgm::power
