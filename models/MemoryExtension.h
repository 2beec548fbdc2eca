#pragma once
// Payload extension for memory traffic: who asked (layer, tile, master) and
// the skip mask, so that memory statistics can be split per layer/tile.
#include <cstdint>
#include <tlm>

namespace vgm::models {

class MemoryExtension : public tlm::tlm_extension<MemoryExtension> {
public:
    uint32_t layer = 0, tile = 0;
    uint32_t master = 0;    // set by the NoC: the NMU port it entered on
    uint64_t skipMask = 0;  // rows skipped by the sparsity unit (bit per row of the tile)

    tlm::tlm_extension_base* clone() const override { return new MemoryExtension(*this); }
    void copy_from(const tlm::tlm_extension_base& other) override {
        *this = static_cast<const MemoryExtension&>(other);
    }

    // The extension of `t`, or nullptr.
    static MemoryExtension* get(const tlm::tlm_generic_payload& t) {
        MemoryExtension* e = nullptr;
        t.get_extension(e);
        return e;
    }
    // The extension of `t`, created (and owned by `t`, freed on reset()) if absent.
    static MemoryExtension& getOrCreate(tlm::tlm_generic_payload& t) {
        MemoryExtension* e = get(t);
        if (!e) {
            e = new MemoryExtension;
            if (t.has_mm())
                t.set_auto_extension(e);
            else
                t.set_extension(e);
        }
        return *e;
    }
    static void set(tlm::tlm_generic_payload& t, uint32_t layer, uint32_t tile, uint64_t skipMask = 0) {
        MemoryExtension& e = getOrCreate(t);
        e.layer = layer;
        e.tile = tile;
        e.skipMask = skipMask;
    }
};

}  // namespace vgm::models
