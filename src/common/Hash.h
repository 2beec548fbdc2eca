#pragma once
#include <cstdint>
#include <string>

namespace vgm {

// FNV-1a 64-bit: stable across machines and runs, enough to tell inputs apart.
uint64_t fnv1a64(const std::string& data, uint64_t seed = 0xcbf29ce484222325ULL);

// "fnv1a64:" + 16 lowercase hex digits.
std::string hashString(const std::string& data);

}  // namespace vgm
