#include "workload/TraceGeometry.h"

namespace vgm::workload {

bool gridFromHeader(const Json& header, TokenGrid& grid, uint64_t& batch) {
    auto video = header.find("video");
    auto b = header.find("batch");
    if (video == header.end() || b == header.end() || !b->is_number_unsigned() || !video->is_object()) return false;
    auto latent = video->find("latent");
    if (latent == video->end() || !latent->is_array() || latent->size() != 3) return false;
    for (const auto& v : *latent)
        if (!v.is_number_unsigned() || v.get<uint64_t>() == 0 || v.get<uint64_t>() > 100000) return false;
    grid.frames = (*latent)[0].get<uint32_t>();
    grid.height = (*latent)[1].get<uint32_t>();
    grid.width = (*latent)[2].get<uint32_t>();
    batch = b->get<uint64_t>();
    return batch > 0;
}

}  // namespace vgm::workload
