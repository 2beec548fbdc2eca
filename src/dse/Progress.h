#pragma once
// The one-line sweep progress on stderr, redrawn in place; only when stderr
// is a terminal, so logs and CI output stay clean.
#include <chrono>
#include <cstddef>
#include <string>

namespace vgm::dse {

class Progress {
public:
    Progress(size_t total, bool enabled);
    void update(size_t done, size_t failed, size_t running);
    void finish();  // ends the line

    // "12/64 done, 1 failed, 2 running, 0:42 elapsed, ~1:30 left"
    static std::string line(size_t done, size_t failed, size_t running, size_t total, double elapsedS);

private:
    size_t total_;
    bool enabled_, drawn_ = false;
    std::chrono::steady_clock::time_point start_;
};

std::string formatDuration(double seconds);  // "1:05", "2:03:04"

}  // namespace vgm::dse
