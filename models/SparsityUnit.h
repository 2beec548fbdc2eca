#pragma once
// The SU and RU as resources on the fabric timeline: each keeps the cycle it
// is next free and its counters; their costs come from src/timing/sparsity.
#include <algorithm>
#include <cstdint>

#include "stats/StatGroup.h"
#include "timing/schedule/OpPlanner.h"

namespace vgm::models {

class SparsityUnit {
public:
    explicit SparsityUnit(stats::Group& root);
    // The SU pass of `p`, starting no earlier than `earliest`; returns its end cycle.
    uint64_t run(const timing::OpPlan& p, uint64_t earliest);
    uint64_t cycles() const { return busy_->value; }

private:
    uint64_t freeAt_ = 0;
    stats::Counter *busy_, *ops_, *refLoads_, *candidates_, *macs_, *bytes_;
};

class RecoveryUnit {
public:
    explicit RecoveryUnit(stats::Group& root);
    // Copies the skipped rows of `p` alongside the operator from `start`; returns its end cycle.
    uint64_t run(const timing::OpPlan& p, uint64_t start);
    uint64_t cycles() const { return busy_->value; }

private:
    stats::Counter *busy_, *rows_, *bytes_;
};

}  // namespace vgm::models
