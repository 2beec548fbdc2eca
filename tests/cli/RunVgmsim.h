#pragma once
// Runs the built vgmsim binary and captures exit status, stdout and stderr.
#include <string>

namespace vgm::test {

struct ProcResult {
    int status = -1;
    std::string out, err;
};

// args is appended to the binary path as-is (shell words; quote as needed).
ProcResult runVgmsim(const std::string& args);

// The whole file as text ("" if it cannot be read).
std::string slurp(const std::string& path);

// A fresh empty directory under /tmp for this test process.
std::string scratchDir(const std::string& name);

}  // namespace vgm::test
