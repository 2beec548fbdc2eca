#pragma once
// Lowers a trace into a Program for the machine, one operator at a time (so a
// whole video never sits in memory): weight/activation DMA chunks, GEMM tiles
// of surviving rows, attention chunks (QK^T -> softmax -> AV with the score
// tile on chip), SFU passes per row tile where fused, SU examine and RU copy
// pieces, replays. Dependencies follow the data: a piece of an operator waits
// for the pieces of the previous operator that produce its rows when both are
// row-parallel with the same rows, else for the whole previous operator.
#include <cstdint>
#include <memory>
#include <vector>

#include "program/DmaPlan.h"
#include "program/Produced.h"
#include "program/SparsityPieces.h"
#include "program/Program.h"
#include "timing/compute/ComputeSpec.h"
#include "timing/schedule/ScheduleSpec.h"
#include "timing/sparsity/SparsitySpec.h"
#include "workload/Trace.h"

namespace vgm::program {

// The machine for a config: units, streams, queues and buffers.
Machine buildMachine(const timing::ComputeSpec& compute, const timing::ScheduleSpec& sched);

class Lowering {
public:
    Lowering(const workload::Trace& trace, const timing::ComputeSpec& compute, const timing::SparsitySpec& sparsity,
             const timing::ScheduleSpec& sched, uint64_t memoryCapacity);
    const Machine& machine() const { return machine_; }
    size_t ops() const { return trace_.ops.size(); }
    size_t lowered() const { return next_; }
    // Appends the next lowering group's commands to `out` (one operator, or
    // QK^T + softmax + AV with online softmax); `base` = program index of
    // out[0]. Returns the group's first operator; lowered() is one past its last.
    size_t lowerNext(std::vector<Command>& out, uint64_t base);
    // The plan of a lowered operator still in the window (accounting).
    const OpWork& work(size_t op) { return plan_.at(op); }
    void release(size_t op) { plan_.release(op); }
    // Every command of a whole trace (tests, `vgmsim program`).
    static Program lowerAll(const workload::Trace& trace, const timing::ComputeSpec& compute,
                            const timing::SparsitySpec& sparsity, const timing::ScheduleSpec& sched,
                            uint64_t memoryCapacity);

private:
    // The commands that produce an operator's output rows, by dense row piece.
    struct Ctx;  // one operator being lowered
    void lowerLinear(Ctx& c);
    void lowerArraySplit(Ctx& c);
    void lowerFlash(Ctx& c);  // QK^T, softmax and AV interleaved per chunk (advances next_ by 2)
    void lowerSfu(Ctx& c);
    // SU pieces over dense row pieces (kNone where nothing is examined).
    std::vector<uint64_t> suPieces(Ctx& c, uint64_t pieces, uint64_t pieceRows);
    // RU pieces behind the output pieces `out` (each appended to its piece); with `storeAddr`
    // (a spilled output) the copied rows are then stored there too.
    void ruPieces(Ctx& c, std::vector<DepList>& out, const std::vector<uint64_t>& su,
                  uint64_t pieceRows, const SkipView& skip, uint64_t storeAddr = kNone);
    // Replays of the false positives for weight chunk `chunk` (`cols` columns), after
    // verification, gathered over consecutive row pieces (scheduler.replay_batch_rows);
    // each is appended to out[piece] of every piece it covers.
    void replay(Ctx& c, uint64_t chunk, uint64_t cols, uint64_t weightLoad, uint64_t tag,
                const std::vector<uint64_t>& su, bool storeOut, std::vector<DepList>& out);
    DepList inputDeps(const Ctx& c, uint64_t rowBegin, uint64_t rowEnd) const;
    uint64_t emit(Ctx& c, Command&& cmd);
    // A DMA command: loads hold their bytes in the weight/activation buffer (capped at its size).
    Command transfer(CmdKind kind, uint64_t bytes, uint64_t address, uint32_t piece,
                     DepList deps) const;
    // Operator i is lowered in row pieces (row tiles or fused SFU pieces).
    bool rowPieces(size_t i) const;
    // Operator i's output streams piece by piece into operator i + 1.
    bool streamsOut(size_t i) const;

    const workload::Trace& trace_;
    const timing::ComputeSpec& compute_;
    const timing::SparsitySpec& sparsity_;
    const timing::ScheduleSpec& sched_;
    Machine machine_;
    DmaPlan plan_;
    size_t next_ = 0;
    Produced prev_;
    uint64_t weightTag_ = 0;
    // Half a buffer with double buffering, the whole one without: what one load or store group may take.
    uint64_t actHalf_ = 1, outHalf_ = 1;
    bool packed_ = true;   // surviving rows packed into tiles on the DSP pool (not static)
    bool preload_ = true;  // weights load ahead of need (dynamic-static)
    uint32_t dspStream_ = 0, replayStream_ = 0, sfuStream_ = 0, suStream_ = 0, ruStream_ = 0, wStream_ = 0, aStream_ = 0;
    std::vector<uint32_t> groupStream_;
};

}  // namespace vgm::program
