#include "config/Components.h"

namespace vgm::config {

void declareGeneralParams(Section& root) {
    root.param("name").string().defaultValue("").describe(
        "Config name used in reports and output folders; empty means the file name");
    root.param("description").string().defaultValue("").describe(
        "Free text: what this design is and which values are assumed");
    Section& dev = root.section("device", "Target FPGA device; totals come from the built-in device table");
    dev.param("part").oneOf({"xcv80", "vn1752"}).defaultValue("xcv80").describe(
        "Device: xcv80 = AMD Alveo V80 (xcv80-lsva4737-2MHP-e-S), vn1752 = Versal VN1752");
    Section& clk = root.section("clock", "Clock domains");
    clk.param("fabric_mhz").real().withUnit("MHz").defaultValue(300.0).range(1, 1000).describe(
        "Accelerator kernel clock (assumed 300 MHz: FlightVGM does not publish it for the V80)");
}

}  // namespace vgm::config
