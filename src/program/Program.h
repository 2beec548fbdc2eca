#pragma once
// A program for the FlightVGM machine: tile-level commands per hardware unit
// with explicit dependencies and buffer needs, lowered from a trace
// (Lowering.h). Plain C++; models/ executes it, tests/ re-executes it with a
// clock-stepped reference. The execution rules, shared by both:
//
// Streams. Every command belongs to one stream: a fixed unit, or the DSP pool
// (any DSP group that supports the command's precision). Commands of a stream
// are dispatched in program order (an instruction queue per stream).
// Window: at cycle t the ZSS sees only commands of operators up to
// lookaheadOps past the operator of the oldest command not yet retired
// (after step 1's retirements); later commands are invisible until then.
// Each cycle t, in this order:
//  1. Completions: each unit whose command ends at t retires it (done at t);
//     the buffer bytes it frees return to their buffer.
//  2. Dispatch (the ZSS), streams in index order; per stream, repeatedly: the
//     head is dispatched when every dependency is done (done cycle <= t), its
//     acquire fits in its buffer (capacity - used >= bytes), and a target unit
//     has room (dispatched - retired < queue_depth + 1). The pool picks, among
//     eligible groups with room, the one with the fewest outstanding commands,
//     then the lowest index; with Machine::balanceWork, the one whose queued
//     work plus the command's own work on it is least (the earliest finish by
//     post-sparsity work: nominalCycles() of its outstanding commands, the
//     running one counted whole), then the fewest outstanding, then the
//     lowest index. Dispatch acquires the buffer bytes.
//  3. Starts: each unit that is free with a non-empty queue starts its head at
//     t; it ends at t + duration (unitCycles()), never less than 1 cycle later.
// A cycle in which a unit runs a command is busy. A free unit is, by its
// stream's undispatched head (pool: only groups eligible for it): none ->
// idle; a dependency not done -> stall_input; its acquire does not fit ->
// stall_output (buffer Output) or stall_buffer (Weight/Activation). A unit
// that two streams feed (a DSP group: the pool and its own stream) takes the
// first stream in index order that has a visible head eligible for it.
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "program/DepList.h"
#include "timing/compute/Precision.h"

namespace vgm::program {

enum class CmdKind : uint8_t { LoadWeight, LoadAct, StoreAct, Gemm, Sfu, SuExamine, RuCopy, Replay };
enum class UnitKind : uint8_t { DspGroup, Sfu, Su, Ru, DmaWeight, DmaActivation };
enum class Buffer : uint8_t { None, Weight, Activation, Output };
constexpr size_t kBufferCount = 4;

const char* toString(CmdKind k);
const char* toString(UnitKind k);
const char* toString(Buffer b);

// Cycles of a GEMM on each DSP group, shared by the commands of one shape
// (an operator has a few tile shapes and thousands of tiles). Points straight
// at the values (one indirection: the pool reads them for every command).
class GroupCycles {
public:
    GroupCycles() = default;
    GroupCycles(std::initializer_list<uint64_t> v) : GroupCycles(std::vector<uint64_t>(v)) {}
    explicit GroupCycles(std::vector<uint64_t> v) {
        auto owner = std::make_shared<const std::vector<uint64_t>>(std::move(v));
        n_ = owner->size();
        p_ = std::shared_ptr<const uint64_t>(owner, owner->data());  // aliasing: owns the vector
    }
    bool empty() const { return n_ == 0; }
    size_t size() const { return n_; }
    uint64_t operator[](size_t g) const { return p_.get()[g]; }
    std::vector<uint64_t> values() const { return n_ ? std::vector<uint64_t>(p_.get(), p_.get() + n_) : std::vector<uint64_t>{}; }

private:
    std::shared_ptr<const uint64_t> p_;
    size_t n_ = 0;
};

struct Command {
    CmdKind kind = CmdKind::Gemm;
    uint32_t stream = 0;   // index into Machine::streams
    uint32_t op = 0;       // first trace operator of its lowering group (the window's unit)
    uint32_t layer = 0;    // trace operator it belongs to (reports)
    uint32_t piece = 0;    // tile / chunk number within the operator
    timing::Precision precision = timing::Precision::Fp16;  // Gemm/Replay: DSP mode
    uint64_t weightTag = 0;  // Gemm: weight chunk id, 0 = no weights (a change costs weight_switch_cycles)
    // Duration in fabric cycles of the work itself (>= 1); for DMA commands
    // the DMA unit's cost model gives it from `bytes`.
    uint64_t cycles = 1;
    // Gemm: cycles per group (index = group); empty: `cycles` on every group.
    GroupCycles groupCycles;
    uint64_t bytes = 0, address = 0;  // DMA
    uint64_t macs = 0;                // Gemm/Replay: MACs executed
    Buffer acquire = Buffer::None;
    uint64_t acquireBytes = 0;
    uint32_t users = 0;  // commands whose `frees` names this one
    DepList deps;  // DepRange: DepList.h
};

struct UnitDesc {
    std::string name;  // "dspe0", "sfu", "su", "ru", "dma_weight", "dma_activation"
    UnitKind kind = UnitKind::DspGroup;
    uint32_t group = 0;  // DspGroup: index into ComputeSpec::groups
};

struct StreamDesc {
    std::string name;            // "dsp" (pool), a unit's name otherwise
    std::vector<uint32_t> units;  // candidate units; one for fixed streams
};

// The machine a program runs on: units, streams, queues, buffers.
struct Machine {
    std::vector<UnitDesc> units;
    std::vector<StreamDesc> streams;
    uint64_t queueDepth = 4;                  // commands waiting per unit besides the running one
    uint64_t lookaheadOps = 8;                // the ZSS's window, in operators
    uint64_t bufferBytes[kBufferCount] = {};  // capacity per Buffer
    uint64_t modeSwitchCycles[2] = {};        // per DSP unit kind (timing::UnitKind)
    std::vector<uint8_t> groupUnitKind;       // per DSP group: timing::UnitKind
    std::vector<uint32_t> groupPrecisions;    // per DSP group: bit p set = supports Precision p
    uint64_t weightSwitchCycles = 0;          // paid on a weightTag change (no preloading), 0 = never
    bool balanceWork = false;                 // pool: earliest finish by queued work, not fewest commands

    uint32_t streamOf(const std::string& name) const;  // throws std::out_of_range
    bool eligible(uint32_t unit, const Command& c) const { return eligible(unit, c.precision); }
    bool eligible(uint32_t unit, timing::Precision p) const {
        return units[unit].kind != UnitKind::DspGroup || ((groupPrecisions[units[unit].group] >> unsigned(p)) & 1u);
    }
};

// Per-unit state the duration rule needs (mode, last weight chunk).
struct UnitState {
    bool hasMode = false;
    timing::Precision mode = timing::Precision::Fp16;
    bool hasWeight = false;
    uint64_t weightTag = 0;
};

// How long `c` runs on `unit` (>= 1 cycle) and the unit's state afterwards;
// `dmaCycles` = the DMA cost model's answer for DMA commands. `switched`
// reports a mode switch and `switchCycles` its cost (part of the duration).
struct UnitCost {
    uint64_t cycles = 1;
    bool modeSwitch = false;
    uint64_t switchCycles = 0;
    bool weightSwitch = false;
};
UnitCost unitCycles(const Machine& m, uint32_t unit, UnitState& state, const Command& c, uint64_t dmaCycles);
// The work of `c` on DSP group unit `unit` after skipping (its tile's cycles there, no switch costs).
inline uint64_t nominalCycles(const Machine& m, uint32_t unit, const Command& c) {
    return c.groupCycles.empty() ? c.cycles : c.groupCycles[m.units[unit].group];
}

// A whole program, materialised (tests, `vgmsim program`); the machine also
// takes it operator by operator from a Lowering.
struct Program {
    Machine machine;
    std::vector<Command> commands;
    std::vector<std::string> opLabels;  // per trace operator
};

}  // namespace vgm::program
