#pragma once
// Decides before anything runs whether a point may run: "fits" asks the
// resource estimator, an expression is evaluated over the point's axis values,
// resources.* and any numeric value of the resolved config. A point whose
// config does not load is left to run, so that its own process records the
// error exactly as `vgmsim run` words it.
#include "dse/Plan.h"
#include "dse/SweepSpec.h"

namespace vgm::dse {

ConstraintCheck makeConstraintCheck(const SweepSpec& spec);

// The number at a dotted path of a JSON tree (array items by index;
// booleans as 0/1), if there is one.
std::optional<double> numberAt(const Json& root, const std::string& dotted);

}  // namespace vgm::dse
