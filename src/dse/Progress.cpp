#include "dse/Progress.h"

#include <cstdio>

namespace vgm::dse {

Progress::Progress(size_t total, bool enabled)
    : total_(total), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

std::string formatDuration(double seconds) {
    long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

std::string Progress::line(size_t done, size_t failed, size_t running, size_t total, double elapsedS) {
    std::string s = "sweep: " + std::to_string(done) + "/" + std::to_string(total) + " done";
    if (failed) s += ", " + std::to_string(failed) + " failed";
    s += ", " + std::to_string(running) + " running, " + formatDuration(elapsedS) + " elapsed";
    // Estimate from the mean time per finished point so far.
    if (done > 0 && done < total) s += ", ~" + formatDuration(elapsedS / double(done) * double(total - done)) + " left";
    return s;
}

void Progress::update(size_t done, size_t failed, size_t running) {
    if (!enabled_) return;
    double el = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::fprintf(stderr, "\r%s\033[K", line(done, failed, running, total_, el).c_str());
    std::fflush(stderr);
    drawn_ = true;
}

void Progress::finish() {
    if (enabled_ && drawn_) std::fprintf(stderr, "\n");
    drawn_ = false;
}

}  // namespace vgm::dse
