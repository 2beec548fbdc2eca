#pragma once
// Declarations of the `power` section (EnergyParams.cpp declares it and calls
// this for the per-device subsections in DeviceParams.cpp).
#include "config/Schema.h"

namespace vgm::power {


void declareDevicePowerParams(config::Section& power);

}  // namespace vgm::power
