#pragma once
// The memory side as one module, built from a config: NoC + HBM, the NoC's
// NSU ports bound to the HBM. Initiators (DMA, trace player) bind their
// initiator socket to nmu() once per master port:
//     MemorySystem mem("mem", cfg, /*masters*/ 2);
//     dma.socket.bind(mem.nmu());   // master 0, then master 1, ...
#include <memory>
#include <systemc>

#include "config/Config.h"
#include "models/Hbm.h"
#include "models/Noc.h"

namespace vgm::models {

class MemorySystem : public sc_core::sc_module {
public:
    // `masters` > 0 overrides memory.noc.masters. Throws InputError on bad memory parameters.
    MemorySystem(sc_core::sc_module_name name, const config::Config& cfg, uint32_t masters = 0);

    tlm_utils::multi_passthrough_target_socket<Noc>& nmu() { return noc_->nmu; }
    const memory::MemSpec& spec() const { return spec_; }
    const memory::AddressMap& addressMap() const { return map_; }
    const memory::NocSpec& nocSpec() const { return nocSpec_; }
    Hbm& hbm() { return *hbm_; }
    Noc& noc() { return *noc_; }
    // Fills g.hbm.pcN.* and g.noc.{nmu,nsu}N.* (call once, after the simulation).
    void finish(stats::Group& g);

private:
    memory::MemSpec spec_;
    memory::AddressMap map_;
    memory::ControllerPolicy policy_;
    memory::NocSpec nocSpec_;
    std::unique_ptr<Hbm> hbm_;
    std::unique_ptr<Noc> noc_;
};

}  // namespace vgm::models
