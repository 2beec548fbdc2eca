#pragma once
// Physical address <-> DRAM coordinates, configured bit by bit (the form of
// DRAMSys address maps) or from a preset that interleaves pseudo-channels.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "config/Config.h"
#include "timing/memory/MemSpec.h"

namespace vgm::memory {

struct DramAddress {
    uint32_t pc = 0;                   // global pseudo-channel: (stack x channels + channel) x pseudo_channels + pc
    uint32_t bankGroup = 0, bank = 0;  // bank is 0..banks-1 within the pseudo-channel
    uint32_t row = 0, column = 0, byte = 0;
};

class AddressMap {
public:
    enum Field { Stack, Channel, PseudoChannel, BankGroup, Bank, Row, Column, Byte, NumFields };
    static const char* fieldKey(Field f);  // "stack_bits", ...

    AddressMap() = default;
    // Bits per field, LSB first; validated against spec (exact cover of 0..N-1, widths match).
    // `fail(field, message)` reports a bad map (throws).
    template <class Fail>
    AddressMap(const MemSpec& spec, std::array<std::vector<int>, NumFields> bits, Fail fail);

    static AddressMap fromConfig(const MemSpec& spec, const config::View& map);
    // byte | column below `interleaveBytes` | pc, channel, stack | bank group | column | bank | row
    static std::array<std::vector<int>, NumFields> pcInterleave(const MemSpec& spec, uint64_t interleaveBytes,
                                                                std::string& problem);

    DramAddress decode(uint64_t addr) const;
    uint64_t encode(const DramAddress& a) const;
    uint64_t capacity() const { return uint64_t(1) << totalBits_; }
    int totalBits() const { return totalBits_; }
    const std::vector<int>& bits(Field f) const { return bits_[f]; }

private:
    uint32_t extract(uint64_t addr, Field f) const;
    struct Run {  // field bits [dst, dst+len) = address bits [src, src+len)
        uint8_t src, len, dst;
    };
    std::array<std::vector<int>, NumFields> bits_;
    std::array<std::vector<Run>, NumFields> runs_;
    int totalBits_ = 0;
    uint32_t banksPerGroup_ = 1, channels_ = 1, pcs_ = 1;
};

}  // namespace vgm::memory
