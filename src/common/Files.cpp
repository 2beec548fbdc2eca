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

std::string readTextFile(const std::string& path, uint64_t maxBytes) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (fs::is_directory(st)) throwInput(path, "", "is a directory, expected a file");
    // A FIFO, socket or device (/dev/zero) would block or never end.
    if (fs::exists(st) && !fs::is_regular_file(st))
        throwInput(path, "", "is not a regular file (a device, FIFO or socket); allowed: a regular file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throwInput(path, "", std::string("cannot open: ") + std::strerror(errno));
    const uint64_t size = fs::file_size(path, ec);
    if (!ec && size > maxBytes)
        throwInput(path, "", std::to_string(size) + " bytes is too large; allowed: at most " +
                                 std::to_string(maxBytes) + " bytes");
    std::string out;
    char buf[1 << 16];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        out.append(buf, size_t(in.gcount()));
        if (out.size() > maxBytes)  // the file grew while we read it
            throwInput(path, "", "larger than " + std::to_string(maxBytes) + " bytes; allowed: at most that");
    }
    return out;
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
