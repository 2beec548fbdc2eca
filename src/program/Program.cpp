#include "program/Program.h"

#include <algorithm>
#include <stdexcept>

namespace vgm::program {

const char* toString(CmdKind k) {
    switch (k) {
    case CmdKind::LoadWeight: return "load_weight";
    case CmdKind::LoadAct: return "load_act";
    case CmdKind::StoreAct: return "store_act";
    case CmdKind::Gemm: return "gemm";
    case CmdKind::Sfu: return "sfu";
    case CmdKind::SuExamine: return "su_examine";
    case CmdKind::RuCopy: return "ru_copy";
    case CmdKind::Replay: return "replay";
    }
    return "?";
}

const char* toString(UnitKind k) {
    switch (k) {
    case UnitKind::DspGroup: return "dsp_group";
    case UnitKind::Sfu: return "sfu";
    case UnitKind::Su: return "su";
    case UnitKind::Ru: return "ru";
    case UnitKind::DmaWeight: return "dma_weight";
    case UnitKind::DmaActivation: return "dma_activation";
    }
    return "?";
}

const char* toString(Buffer b) {
    switch (b) {
    case Buffer::None: return "none";
    case Buffer::Weight: return "weight";
    case Buffer::Activation: return "activation";
    case Buffer::Output: return "output";
    }
    return "?";
}

uint32_t Machine::streamOf(const std::string& name) const {
    for (size_t i = 0; i < streams.size(); ++i)
        if (streams[i].name == name) return uint32_t(i);
    throw std::out_of_range("program: no stream named " + name);
}

UnitCost unitCycles(const Machine& m, uint32_t unit, UnitState& st, const Command& c, uint64_t dmaCycles) {
    UnitCost r;
    const UnitDesc& u = m.units[unit];
    uint64_t work = c.cycles;
    if (u.kind == UnitKind::DmaWeight || u.kind == UnitKind::DmaActivation) work = dmaCycles;
    if (u.kind == UnitKind::DspGroup) {
        if (!c.groupCycles.empty()) work = c.groupCycles[u.group];
        if (st.hasMode && st.mode != c.precision) {
            r.modeSwitch = true;
            r.switchCycles = m.modeSwitchCycles[m.groupUnitKind[u.group]];
        }
        st.hasMode = true;
        st.mode = c.precision;
        if (c.kind == CmdKind::Gemm && m.weightSwitchCycles > 0 && c.weightTag != 0) {
            if (st.hasWeight && st.weightTag != c.weightTag) {
                r.weightSwitch = true;
                work += m.weightSwitchCycles;
            }
            st.hasWeight = true;
            st.weightTag = c.weightTag;
        }
    }
    r.cycles = std::max<uint64_t>(1, work + r.switchCycles);
    return r;
}

}  // namespace vgm::program
