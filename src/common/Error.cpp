#include "common/Error.h"

namespace vgm {

std::string formatLocation(const std::string& file, const std::string& where,
                           const std::string& message) {
    std::string out;
    if (!file.empty()) out += file + ": ";
    if (!where.empty()) out += where + ": ";
    return out + message;
}

void throwInput(const std::string& file, const std::string& where, const std::string& message) {
    throw InputError(formatLocation(file, where, message));
}

}  // namespace vgm
