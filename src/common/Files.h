#pragma once
#include <string>

namespace vgm {

// Whole file as a string; InputError naming the file when it cannot be read.
std::string readTextFile(const std::string& path);

// Writes via a temp file in the same directory and rename(), so a reader never
// sees half a file. Creates parent directories. Throws InputError on failure.
void writeFileAtomic(const std::string& path, const std::string& content);

}  // namespace vgm
