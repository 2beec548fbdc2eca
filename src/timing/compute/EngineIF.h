#pragma once
// How a group's DSP units are arranged: an engine turns a batch of GEMMs into
// cycles. One implementation per engine/convention beside this header.
#include <cstdint>
#include <string>

namespace vgm::timing {

// batch independent [m x k] x [k x n] products, run one after another.
struct GemmShape {
    uint64_t m = 1, k = 1, n = 1, batch = 1;
};

// What the unit's current mode gives each processing element.
struct UnitMode {
    uint32_t lanes = 1;  // MACs per unit per cycle: a PE reduces `lanes` K-elements per cycle
    uint32_t depth = 1;  // pipeline depth of the MAC in this mode (1 = result in the same cycle)
};

class EngineIF {
public:
    virtual ~EngineIF() = default;
    // Exact cycles from the first operand entering to the last MAC completing.
    virtual uint64_t gemmCycles(const GemmShape& g, const UnitMode& mode) const = 0;
    virtual uint64_t units() const = 0;  // DSP units (DSP58 sites) one engine instance uses
    uint64_t peakMacsPerCycle(const UnitMode& mode) const { return units() * mode.lanes; }
    virtual std::string describe() const = 0;
};

inline uint64_t ceilDiv(uint64_t a, uint64_t b) { return (a + b - 1) / b; }

}  // namespace vgm::timing
