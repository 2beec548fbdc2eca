#include "timing/memory/AddressMap.h"

#include <functional>

#include "common/Bits.h"

namespace vgm::memory {

const char* AddressMap::fieldKey(Field f) {
    static const char* keys[] = {"stack_bits", "channel_bits", "pseudo_channel_bits", "bank_group_bits",
                                 "bank_bits",  "row_bits",     "column_bits",         "byte_bits"};
    return keys[f];
}

template <class Fail>
AddressMap::AddressMap(const MemSpec& spec, std::array<std::vector<int>, NumFields> bits, Fail fail)
    : bits_(std::move(bits)) {
    const uint64_t sizes[] = {spec.stacks,          spec.channels, spec.pseudoChannels, spec.bankGroups,
                              spec.banksPerGroup(), spec.rows,     spec.columns,        spec.columnBytes()};
    std::vector<int> owner(64, -1);
    for (int f = 0; f < NumFields; ++f) {
        int want = ceilLog2(sizes[f]);
        if (int(bits_[f].size()) != want)
            fail(Field(f), "has " + std::to_string(bits_[f].size()) + " bits but the organisation needs " +
                               std::to_string(want) + " (for " + std::to_string(sizes[f]) + ")");
        for (int b : bits_[f]) {
            if (b < 0 || b > 63) {
                fail(Field(f), "bit " + std::to_string(b) + " out of range; allowed: 0..63");
                continue;
            }
            if (owner[b] >= 0)
                fail(Field(f), "bit " + std::to_string(b) + " is also in " + fieldKey(Field(owner[b])) +
                                   "; each address bit must belong to one field");
            owner[b] = f;
        }
        totalBits_ += int(bits_[f].size());
    }
    for (int b = 0; b < totalBits_; ++b)
        if (owner[b] < 0)
            fail(Row, "address bit " + std::to_string(b) + " is not assigned to any field; bits 0.." +
                          std::to_string(totalBits_ - 1) + " must all be used");
    for (int f = 0; f < NumFields; ++f)
        for (size_t i = 0; i < bits_[f].size(); ++i) {
            auto& runs = runs_[f];
            if (!runs.empty() && runs.back().src + runs.back().len == bits_[f][i])
                ++runs.back().len;
            else
                runs.push_back(Run{uint8_t(bits_[f][i]), 1, uint8_t(i)});
        }
    banksPerGroup_ = spec.banksPerGroup();
    channels_ = spec.channels;
    pcs_ = spec.pseudoChannels;
}

std::array<std::vector<int>, AddressMap::NumFields> AddressMap::pcInterleave(const MemSpec& spec,
                                                                             uint64_t interleaveBytes,
                                                                             std::string& problem) {
    std::array<std::vector<int>, NumFields> f;
    int next = 0;
    auto take = [&](Field fld, int n) {
        for (int i = 0; i < n; ++i) f[fld].push_back(next++);
    };
    int byteBits = ceilLog2(spec.columnBytes()), colBits = ceilLog2(spec.columns);
    int lowBits = ceilLog2(interleaveBytes);
    if ((uint64_t(1) << lowBits) != interleaveBytes || lowBits < byteBits || lowBits > byteBits + colBits) {
        problem = std::to_string(interleaveBytes) + " must be a power of two between one column (" +
                  std::to_string(spec.columnBytes()) + " B) and one row (" +
                  std::to_string(spec.columnBytes() * spec.columns) + " B)";
        return f;
    }
    take(Byte, byteBits);
    take(Column, lowBits - byteBits);
    take(PseudoChannel, ceilLog2(spec.pseudoChannels));
    take(Channel, ceilLog2(spec.channels));
    take(Stack, ceilLog2(spec.stacks));
    take(BankGroup, ceilLog2(spec.bankGroups));  // streams rotate bank groups: tCCDS, not tCCDL
    take(Column, colBits - (lowBits - byteBits));
    take(Bank, ceilLog2(spec.banksPerGroup()));
    take(Row, ceilLog2(spec.rows));
    return f;
}

AddressMap AddressMap::fromConfig(const MemSpec& spec, const config::View& map) {
    std::array<std::vector<int>, NumFields> bits;
    std::string preset = map.str("preset");
    if (preset == "pc_interleave") {
        std::string problem;
        bits = pcInterleave(spec, map.count("interleave_bytes"), problem);
        if (!problem.empty()) map.fail("interleave_bytes", problem);
    } else {
        for (int f = 0; f < NumFields; ++f)
            for (int64_t b : map.integers(fieldKey(Field(f)))) bits[f].push_back(int(b));
    }
    std::string where = preset == "custom" ? "" : " (preset " + preset + ")";
    return AddressMap(spec, std::move(bits),
                      [&](Field f, const std::string& msg) { map.fail(fieldKey(f), msg + where); });
}

uint32_t AddressMap::extract(uint64_t addr, Field f) const {
    uint32_t v = 0;
    for (const Run& r : runs_[f]) v |= uint32_t((addr >> r.src) & ((uint64_t(1) << r.len) - 1)) << r.dst;
    return v;
}

DramAddress AddressMap::decode(uint64_t addr) const {
    DramAddress a;
    a.pc = (extract(addr, Stack) * channels_ + extract(addr, Channel)) * pcs_ + extract(addr, PseudoChannel);
    a.bankGroup = extract(addr, BankGroup);
    a.bank = a.bankGroup * banksPerGroup_ + extract(addr, Bank);
    a.row = extract(addr, Row);
    a.column = extract(addr, Column);
    a.byte = extract(addr, Byte);
    return a;
}

uint64_t AddressMap::encode(const DramAddress& a) const {
    uint32_t vals[NumFields] = {a.pc / pcs_ / channels_,
                                (a.pc / pcs_) % channels_,
                                a.pc % pcs_,
                                a.bankGroup,
                                a.bank % banksPerGroup_,
                                a.row,
                                a.column,
                                a.byte};
    uint64_t addr = 0;
    for (int f = 0; f < NumFields; ++f)
        for (size_t i = 0; i < bits_[f].size(); ++i) addr |= uint64_t((vals[f] >> i) & 1) << bits_[f][i];
    return addr;
}

// The only instantiation needed outside this file: tests build maps directly.
template AddressMap::AddressMap(const MemSpec&, std::array<std::vector<int>, NumFields>,
                                std::function<void(Field, const std::string&)>);

}  // namespace vgm::memory
