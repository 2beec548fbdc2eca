#pragma once
// An OpPlanner built from one config, with the specs it refers to kept alive beside it.
#include "config/Config.h"
#include "timing/schedule/OpPlanner.h"

namespace vgm::test {

struct PlannerFixture {
    timing::ComputeSpec compute;
    timing::SparsitySpec sparsity;
    timing::ScheduleSpec schedule;
    timing::OpPlanner planner;
    // `shape`: OpPlanner's frames, tokens per frame, batch [, token grid].
    template <class... Shape>
    explicit PlannerFixture(const config::Config& c, Shape... shape)
        : compute(timing::ComputeSpec::fromConfig(c)),
          sparsity(timing::SparsitySpec::fromConfig(c)),
          schedule(timing::ScheduleSpec::fromConfig(c)),
          planner(compute, sparsity, schedule, shape...) {}
};

}  // namespace vgm::test
