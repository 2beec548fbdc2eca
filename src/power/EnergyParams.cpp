#include "config/Components.h"

namespace vgm::config {

void declareEnergyParams(Section& root) {
    Section& e = root.section("energy", "Energy per event and static power (assumed values unless a source is named)");
    e.param("static_w").real().withUnit("W").defaultValue(25.0).atLeast(0).describe(
        "Static power of the device and card (assumed)");
    e.param("mac_int8_pj").real().withUnit("pJ").defaultValue(0.4).atLeast(0).describe(
        "Energy per INT8 MAC on a DSP (assumed)");
    e.param("mac_fp16_pj").real().withUnit("pJ").defaultValue(1.2).atLeast(0).describe(
        "Energy per FP16 MAC on a DSP (assumed)");
}

}  // namespace vgm::config
