#pragma once
// The resolved compute side of a config: DSP unit modes, groups with their
// engines, the precision policy and the SFU. Built once, validated across
// parameters (and against a trace) before any simulation starts.
#include <array>
#include <memory>
#include <string>
#include <vector>

#include "config/Config.h"
#include "timing/compute/DotEngine.h"
#include "timing/compute/EngineIF.h"
#include "timing/compute/Precision.h"
#include "timing/compute/SfuTiming.h"
#include "timing/compute/Systolic.h"
#include "workload/Trace.h"

namespace vgm::timing {

enum class UnitKind : uint8_t { Dsp58, DspE };
enum class EngineKind : uint8_t { Systolic, Dot };

struct UnitSpec {
    std::array<uint32_t, kPrecisionCount> macs{};   // 0 = mode not supported
    std::array<uint32_t, kPrecisionCount> depth{};
    uint64_t modeSwitchCycles = 0;
    uint64_t extraLut = 0, extraFf = 0;
    UnitMode mode(Precision p) const { return {macs[size_t(p)], depth[size_t(p)]}; }
};

struct GroupSpec {
    std::string name;
    size_t index = 0;
    UnitKind unit = UnitKind::DspE;
    EngineKind engineKind = EngineKind::Systolic;
    uint64_t count = 1;
    std::array<bool, kPrecisionCount> allowed{};  // unit supports it and `modes` allows it
    std::shared_ptr<const EngineIF> engine;       // one instance; the group has `count`
    uint64_t dsps() const { return count * engine->units(); }
    bool supports(Precision p) const { return allowed[size_t(p)]; }
};

struct ComputeSpec {
    std::vector<GroupSpec> groups;
    UnitSpec dsp58, dspE;
    std::array<Precision, 14> policy{};  // by policy slot, see policySlot()
    SfuSpec sfu;
    std::array<uint64_t, 9> passes{};    // by workload::OpKind
    double fabricMhz = 300.0;

    static ComputeSpec fromConfig(const config::Config& cfg);

    const UnitSpec& unit(const GroupSpec& g) const { return g.unit == UnitKind::Dsp58 ? dsp58 : dspE; }
    UnitMode mode(const GroupSpec& g, Precision p) const { return unit(g).mode(p); }
    // The config key of the policy entry that decides `op`'s precision.
    static const char* policyKey(const workload::Operator& op);
    Precision precisionOf(const workload::Operator& op) const;
    uint64_t passesOf(workload::OpKind k) const { return passes[size_t(k)]; }
    uint64_t dspCount() const;
    // InputError at /precision/<key> if some GEMM of the trace needs a
    // precision that no group runs.
    void checkTrace(const config::Config& cfg, const workload::Trace& trace) const;
};

// DSP58 sites of a device part (the schema's device.part values).
uint64_t deviceDsp58(const std::string& part);

}  // namespace vgm::timing
