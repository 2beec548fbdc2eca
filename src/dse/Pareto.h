#pragma once
// Pareto fronts over the sweep results: for each objective set and each
// trace (points of different workloads are not comparable), the ok points
// that no other point beats in every objective.
#include <string>
#include <vector>

#include "dse/Results.h"

namespace vgm::dse {

// Indices of the non-dominated rows of `values` (all minimized after sign
// flips for maximized objectives), sorted by the objectives then by index.
// Equal points do not dominate each other: all copies stay on the front.
std::vector<size_t> paretoFront(const std::vector<std::vector<double>>& values, const std::vector<bool>& maximize);

// pareto.csv: front,trace,id,<objective metrics>,<axis paths>.
std::string paretoCsv(const Plan& plan, const Results& r);

// "latency_s|energy_j"
std::string frontName(const std::vector<std::string>& objectives);

}  // namespace vgm::dse
