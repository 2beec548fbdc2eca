// The one explicit list of components that declare config parameters.
// Each declare* function lives beside the component that uses the values.
#include "config/Components.h"
#include "config/Schema.h"

namespace vgm::config {

const Section& configSchema() {
    static const Section root = [] {
        Section s;
        s.desc = "vgmsim hardware config";
        declareGeneralParams(s);
        declareComputeParams(s);
        declareMemoryParams(s);
        declareSparsityParams(s);
        declareSchedulerParams(s);
        declareBufferParams(s);
        declareEnergyParams(s);
        declareResourceParams(s);
        return s;
    }();
    return root;
}

}  // namespace vgm::config
