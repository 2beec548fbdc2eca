#pragma once
// DRAM commands issued by a pseudo-channel controller.
#include <cstdint>

#include "timing/memory/MemSpec.h"

namespace vgm::memory {

enum class Command : uint8_t { ACT, PRE, PREA, RD, WR, REFab, REFpb, Count };
constexpr int kCommands = int(Command::Count);

inline const char* commandName(Command c) {
    static const char* names[] = {"ACT", "PRE", "PREA", "RD", "WR", "REFab", "REFpb"};
    return names[int(c)];
}
// Row commands and column commands travel on separate HBM buses: at most one of each per tCK.
inline bool isColumn(Command c) {
    return c == Command::RD || c == Command::WR;
}

struct IssuedCommand {
    Cycle cycle;
    Command cmd;
    uint32_t bank;  // ignored for PREA and REFab
    bool autoPrecharge = false;
    bool operator==(const IssuedCommand& o) const {
        return cycle == o.cycle && cmd == o.cmd && autoPrecharge == o.autoPrecharge &&
               (bank == o.bank || cmd == Command::PREA || cmd == Command::REFab);
    }
};

}  // namespace vgm::memory
