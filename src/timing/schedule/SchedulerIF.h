#pragma once
// Zero-skipping scheduler (ZSS) policy: assigns the surviving row tiles of one
// operator to DSP groups. One implementation per file beside this header.
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace vgm::timing {

// A dense row tile x column tile of a GEMM; `rows` = rows of it that survive
// sparsity (a tile with 0 rows is never issued). `work` = surviving MACs, the
// priority of dynamic-static scheduling.
struct Tile {
    uint32_t rowTile = 0, colTile = 0;
    uint64_t rows = 0, work = 0;
};

constexpr uint64_t kIneligible = std::numeric_limits<uint64_t>::max();

struct ScheduleInput {
    std::vector<Tile> tiles;  // dense order
    size_t groups = 1;
    // Cycles of a tile on a group; kIneligible if the group cannot run it.
    std::function<uint64_t(const Tile&, size_t group)> cost;
    uint64_t weightSwitchCycles = 0;  // paid when a group changes column tile without preloading
    std::vector<uint64_t> ready;      // per group: first free cycle (e.g. after a mode switch); empty = all 0
};

struct Placement {
    size_t tile = 0;  // index into ScheduleInput::tiles
    uint32_t group = 0;
    uint64_t start = 0, end = 0;  // relative to the operator's start
};

struct ScheduleResult {
    std::vector<Placement> placements;  // issue order
    std::vector<uint64_t> groupBusy;    // cycles, incl. weight switches
    uint64_t makespan = 0;
    uint64_t weightSwitches = 0;
    uint64_t issued = 0;  // tiles with surviving rows
};

class SchedulerIF {
public:
    virtual ~SchedulerIF() = default;
    virtual ScheduleResult schedule(const ScheduleInput& in) const = 0;
    virtual const char* name() const = 0;
};

// "static", "dynamic" or "dynamic-static"; std::invalid_argument otherwise.
std::unique_ptr<SchedulerIF> makeScheduler(const std::string& policy);
std::vector<std::string> schedulerNames();

}  // namespace vgm::timing
