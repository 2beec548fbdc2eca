#include "common/Hash.h"

#include <cstdio>

namespace vgm {

uint64_t fnv1a64(const std::string& data, uint64_t seed) {
    uint64_t h = seed;
    for (unsigned char c : data) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string hashString(const std::string& data) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fnv1a64(data)));
    return std::string("fnv1a64:") + buf;
}

}  // namespace vgm
