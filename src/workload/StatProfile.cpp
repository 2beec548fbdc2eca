#include "common/Error.h"
#include "workload/Sparsity.h"

namespace vgm::workload {
void applyStat(TraceSpec&, const std::string&, uint64_t) { throw InputError("vgmsim trace: stat: not yet"); }
}  // namespace vgm::workload
