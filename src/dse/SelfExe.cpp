#include "dse/SelfExe.h"

#include <filesystem>
#include <stdexcept>

namespace vgm::dse {

std::string selfExe() {
    std::error_code ec;
    auto p = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) throw std::runtime_error("cannot read /proc/self/exe: " + ec.message());
    return p.string();
}

}  // namespace vgm::dse
