#pragma once
// Special-function unit: softmax, LayerNorm/RMSNorm, GELU/SiLU, modulate,
// residual add and embedding adds, one operator at a time.
#include <systemc>

#include "stats/StatGroup.h"
#include "timing/compute/ComputeSpec.h"
#include "workload/Operator.h"

namespace vgm::models {

class Sfu : public sc_core::sc_module {
public:
    Sfu(sc_core::sc_module_name name, const timing::ComputeSpec& spec, stats::Group& stats);
    // Cycles `op` takes on the SFU (plain C++).
    uint64_t cycles(const workload::Operator& op) const;
    // Runs `op` from startCycle; waits until it is done. Call from a thread.
    uint64_t execute(const workload::Operator& op, uint64_t startCycle);
    void accountIdle(uint64_t c) { idle_->add(c); }

private:
    const timing::ComputeSpec& spec_;
    stats::Counter *busy_, *idle_, *elements_, *ops_;
};

}  // namespace vgm::models
