#pragma once
// Gives a test case its own SystemC kernel context, so that a test binary run
// by hand with several cases does not reuse an elaborated/finished kernel.
// (CTest already runs one case per process; this makes that not required.)
#include <systemc>

namespace vgm::test {

class FreshKernel {
public:
    FreshKernel() {
        // The previous context is leaked on purpose: deleting a finished
        // simulation context is not supported by SystemC 2.3.
        sc_core::sc_curr_simcontext = new sc_core::sc_simcontext;
        sc_core::sc_default_global_context = sc_core::sc_curr_simcontext;
    }
};

}  // namespace vgm::test
