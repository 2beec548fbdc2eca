#pragma once
// Chooses design points as index tuples into the axes' value lists.
#include <cstdint>
#include <string>
#include <vector>

namespace vgm::dse {

enum class Mode { Grid, Random, Lhs };

using IndexTuple = std::vector<size_t>;

// Every combination, first axis outermost.
std::vector<IndexTuple> gridPoints(const std::vector<size_t>& sizes);

// `samples` distinct grid points drawn uniformly without replacement, listed
// in grid order; the whole grid when samples >= its size.
std::vector<IndexTuple> randomPoints(const std::vector<size_t>& sizes, size_t samples, uint64_t seed);

// Latin hypercube: each axis is cut into `samples` equal strata, each stratum
// used once, mapped onto the axis' values. Duplicate tuples (possible when an
// axis has fewer values than samples) are dropped, keeping the first.
std::vector<IndexTuple> lhsPoints(const std::vector<size_t>& sizes, size_t samples, uint64_t seed);

// Product of sizes, or SIZE_MAX when it exceeds `cap`.
size_t gridSize(const std::vector<size_t>& sizes, size_t cap);

inline constexpr size_t kMaxPoints = 1000000;

}  // namespace vgm::dse
