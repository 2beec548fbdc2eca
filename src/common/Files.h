#pragma once
#include <cstdint>
#include <string>

namespace vgm {

// Inputs larger than this are refused: no shipped or generated input comes
// near it, and reading more would take minutes before failing anyway.
constexpr uint64_t kMaxInputBytes = uint64_t(1) << 30;

// Whole file as a string; InputError naming the file when it cannot be read,
// is not a regular file (FIFO, device) or is larger than maxBytes.
std::string readTextFile(const std::string& path, uint64_t maxBytes = kMaxInputBytes);

// Writes via a temp file in the same directory and rename(), so a reader never
// sees half a file. Creates parent directories. Throws InputError on failure.
void writeFileAtomic(const std::string& path, const std::string& content);

}  // namespace vgm
