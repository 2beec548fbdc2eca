#pragma once
// The full expansion of a sweep spec: every design point x trace, its
// deterministic id, and whether constraints let it run. Every shard computes
// the same plan and stores it in DIR/sweep.json, so shards and resumes can
// prove they belong to the same sweep.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "common/Json.h"
#include "dse/SweepSpec.h"

namespace vgm::dse {

enum class PointState { Run, Filtered };

struct Point {
    size_t index = 0;
    std::string id;                                  // "p0007-1a2b3c4d": index + hash of trace and settings
    std::string trace;                               // as written in the spec
    std::vector<std::pair<std::string, Json>> sets;  // axis member path -> value
    PointState state = PointState::Run;
    std::string note;  // why it was filtered

    std::vector<std::string> setArgs() const;  // "path=value" for --set
};

struct Plan {
    std::string name, specHash, baseHash;
    std::vector<std::string> traceHashes;
    Mode mode = Mode::Grid;
    std::vector<std::string> columns;  // axis member paths, in axis order
    std::vector<std::vector<std::string>> objectives;
    std::vector<Point> points;

    Json toJson() const;
    static Plan fromJson(const Json& j, const std::string& file);
};

// Expands axes and traces, filters by constraints. `checker` decides each
// point's state; without one, every point runs.
using ConstraintCheck = std::function<void(Point&)>;
Plan expandPoints(const SweepSpec& spec, const ConstraintCheck& checker = nullptr);

// "p" + index (at least 4 digits) + "-" + 8 hex digits of the content hash.
std::string pointId(size_t index, size_t total, const std::string& trace,
                    const std::vector<std::pair<std::string, Json>>& sets);

std::string stateName(PointState s);

}  // namespace vgm::dse
