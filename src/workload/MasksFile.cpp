#include "common/Error.h"
#include "workload/Sparsity.h"

namespace vgm::workload {
void applyMasks(TraceSpec&, const std::string&) { throw InputError("vgmsim trace: masks: not yet"); }
}  // namespace vgm::workload
