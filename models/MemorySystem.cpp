#include "models/MemorySystem.h"

namespace vgm::models {

namespace {
memory::NocSpec nocFrom(const config::Config& cfg, uint32_t pcs, uint32_t masters) {
    memory::NocSpec s = memory::NocSpec::fromConfig(cfg.root()["memory"]["noc"], pcs);
    if (masters) s.masters = masters;
    return s;
}
}  // namespace

MemorySystem::MemorySystem(sc_core::sc_module_name name, const config::Config& cfg, uint32_t masters)
    : sc_module(name),
      spec_(memory::MemSpec::fromConfig(cfg.root()["memory"]["hbm"])),
      map_(memory::AddressMap::fromConfig(spec_, cfg.root()["memory"]["hbm"]["address_map"])),
      policy_(memory::ControllerPolicy::fromConfig(cfg.root()["memory"]["hbm"]["controller"])),
      nocSpec_(nocFrom(cfg, spec_.totalPcs(), masters)) {
    hbm_ = std::make_unique<Hbm>("hbm", spec_, map_, policy_);
    noc_ = std::make_unique<Noc>("noc", nocSpec_, map_, spec_.totalPcs());
    for (uint32_t p = 0; p < nocSpec_.ports; ++p) noc_->nsu.bind(hbm_->socket);
}

void MemorySystem::finish(stats::Group& g) {
    hbm_->finish(g.group("hbm", "HBM pseudo-channels"));
    noc_->finish(g.group("noc", "NoC links"));
}

}  // namespace vgm::models
