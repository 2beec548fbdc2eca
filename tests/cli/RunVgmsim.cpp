#include "RunVgmsim.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vgm::test {

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string scratchDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("vgmsim-test-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

ProcResult runVgmsim(const std::string& args) {
    std::string dir = scratchDir("proc");
    std::string cmd = std::string(VGMSIM_BIN) + " " + args + " >" + dir + "/out 2>" + dir + "/err";
    int raw = std::system(cmd.c_str());
    ProcResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    r.out = slurp(dir + "/out");
    r.err = slurp(dir + "/err");
    std::filesystem::remove_all(dir);
    return r;
}

}  // namespace vgm::test
