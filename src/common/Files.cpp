#include "common/Files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "common/Error.h"

namespace vgm {

std::string readTextFile(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throwInput(path, "", "is a directory, expected a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throwInput(path, "", std::string("cannot open: ") + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeFileAtomic(const std::string& path, const std::string& content) {
    namespace fs = std::filesystem;
    fs::path target(path);
    std::error_code ec;
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    if (ec) throwInput(path, "", "cannot create directory: " + ec.message());
    std::string tmp = path + ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throwInput(path, "", std::string("cannot write: ") + std::strerror(errno));
        out << content;
        out.flush();
        if (!out) throwInput(path, "", "write failed (disk full?)");
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        throwInput(path, "", std::string("cannot rename into place: ") + std::strerror(errno));
    }
}

}  // namespace vgm
