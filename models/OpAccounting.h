#pragma once
// Per-operator bookkeeping of a machine run: the operator's row (start, end,
// busy cycles of each unit class inside it) once its last command ends, and
// the event counts the energy model needs (MACs by precision, SFU elements,
// buffer bytes, SU work, look-ahead outcome).
#include <cstdint>
#include <deque>

#include "program/Lowering.h"
#include "stats/RunResult.h"

namespace vgm::models {

class OpAccounting {
public:
    OpAccounting(program::Lowering& lowering, const timing::ComputeSpec& spec, const timing::ScheduleSpec& sched,
                 stats::RunResult& result);
    // An operator was lowered with `commands` commands.
    void lowered(size_t op, uint64_t commands);
    void done(const program::Command& c, program::UnitKind unit, uint64_t start, uint64_t end);

private:
    struct Open {
        uint64_t left = 0, start = UINT64_MAX, end = 0, computeBusy = 0, dmaBusy = 0, sparsityBusy = 0;
        bool any = false;
    };
    void close(size_t op, const Open& o);
    void closeFinished();
    void bufferBytes(const timing::BufferSpec& b, uint64_t read, uint64_t written);

    program::Lowering& lowering_;
    const timing::ComputeSpec& spec_;
    const timing::ScheduleSpec& sched_;
    stats::RunResult& result_;
    std::deque<Open> open_;
    size_t base_ = 0;
    stats::Counter *predictions_, *hits_, *falseSkips_, *missedSkips_, *replays_, *replayCycles_, *rowsSkipped_;
    stats::Counter *suOps_, *suCandidates_, *suRefLoads_, *suMacs_, *suBytes_, *ruRows_, *ruBytes_;
};

}  // namespace vgm::models
