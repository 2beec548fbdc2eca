#pragma once
// Random programs for the machine-vs-reference tests, deadlock-free by
// construction (see RandomProgram.cpp), and the machine layout they run on.
#include <cstdint>
#include <vector>

#include "program/Program.h"

namespace vgm::test {

// The layout program::buildMachine makes, for DSP groups with these precision
// masks: units = the groups, sfu, su, ru, dma_weight, dma_activation; streams
// = the pool "dsp", one per group, then one per other unit, in that order.
program::Machine standardMachine(const std::vector<uint32_t>& groupPrecisions);

// Stream indices in standardMachine's layout for `groups` DSP groups.
struct StandardStreams {
    explicit StandardStreams(uint32_t groups) : groups(groups) {}
    uint32_t groups;
    uint32_t pool() const { return 0; }
    uint32_t group(uint32_t g) const { return 1 + g; }
    uint32_t sfu() const { return groups + 1; }
    uint32_t su() const { return groups + 2; }
    uint32_t ru() const { return groups + 3; }
    uint32_t dmaWeight() const { return groups + 4; }
    uint32_t dmaActivation() const { return groups + 5; }
};

// A random machine (1-4 groups) and 5-60 commands over its streams.
program::Program randomProgram(uint64_t seed);

// The DMA cost the random programs are run with.
inline uint64_t randomDmaCycles(const program::Command& c) { return 1 + c.bytes / 97; }

}  // namespace vgm::test
