#pragma once
// Open buffer holds by the index of the command that acquired them: an
// open-addressing hash table (linear probing, backward-shift deletion) that
// allocates only when it grows, where std::unordered_map allocates a node per
// hold (one per GEMM tile on the default video).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace vgm::program {

template <class V>
class HoldTable {
public:
    HoldTable() { slots_.resize(64); }
    size_t size() const { return size_; }
    V* find(uint64_t key) {
        for (size_t i = hash(key);; i = (i + 1) & mask()) {
            if (slots_[i].key == kEmpty) return nullptr;
            if (slots_[i].key == key) return &slots_[i].value;
        }
    }
    void insert(uint64_t key, const V& v) {
        if (2 * (size_ + 1) > slots_.size()) rehash(slots_.size() * 2);
        size_t i = hash(key);
        while (slots_[i].key != kEmpty && slots_[i].key != key) i = (i + 1) & mask();
        if (slots_[i].key == kEmpty) ++size_;
        slots_[i] = Slot{key, v};
    }
    // Removes the entry `v` points at (from find()).
    void erase(V* v) {
        size_t i = size_t(reinterpret_cast<Slot*>(reinterpret_cast<char*>(v) - offsetof(Slot, value)) - slots_.data());
        slots_[i].key = kEmpty;
        --size_;
        // Shift later members of the probe run back into the hole.
        for (size_t j = (i + 1) & mask(); slots_[j].key != kEmpty; j = (j + 1) & mask()) {
            const size_t home = hash(slots_[j].key);
            // Movable when its home is not in the cyclic range (i, j].
            if (((j - home) & mask()) >= ((j - i) & mask())) {
                slots_[i] = slots_[j];
                slots_[j].key = kEmpty;
                i = j;
            }
        }
    }

private:
    static constexpr uint64_t kEmpty = ~uint64_t(0);
    struct Slot {
        uint64_t key = kEmpty;
        V value{};
    };
    size_t mask() const { return slots_.size() - 1; }
    size_t hash(uint64_t k) const { return size_t((k * 0x9E3779B97F4A7C15ull) >> 17) & mask(); }
    void rehash(size_t cap) {
        std::vector<Slot> old(cap);
        old.swap(slots_);
        size_ = 0;
        for (const Slot& s : old)
            if (s.key != kEmpty) insert(s.key, s.value);
    }
    std::vector<Slot> slots_;
    size_t size_ = 0;
};

}  // namespace vgm::program
