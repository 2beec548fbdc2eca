#pragma once
// Runs child processes N at a time (SystemC allows one simulation per
// process). Each job has its own stdout/stderr files and a time limit; a job
// that fails, crashes or times out is reported and the others continue.
#include <csignal>
#include <functional>
#include <string>
#include <vector>

namespace vgm::dse {

struct Job {
    std::vector<std::string> argv;  // argv[0] is the executable path
    std::string stdoutPath = "/dev/null", stderrPath = "/dev/null";
    std::string cwd;      // "" keeps ours
    double timeoutS = 0;  // 0: no limit
    size_t tag = 0;       // caller's id, handed back in JobResult
};

struct JobResult {
    size_t tag = 0;
    int exitCode = -1;  // when the child exited
    int signal = 0;     // when it was killed (SIGKILL after a time-out)
    bool timedOut = false;
    bool spawnFailed = false;
    double wallS = 0;
    bool ok() const { return exitCode == 0 && signal == 0 && !timedOut && !spawnFailed; }
};

class ProcessPool {
public:
    explicit ProcessPool(unsigned parallel) : parallel_(parallel ? parallel : 1) {}

    // Runs every job; onDone is called once per job as it ends, onTick about
    // every 200 ms. If `*stop` becomes non-zero (a signal), running children are
    // killed and run() returns early.
    void run(const std::vector<Job>& jobs, const std::function<void(const JobResult&)>& onDone,
             const std::function<void(size_t running)>& onTick = nullptr,
             const volatile std::sig_atomic_t* stop = nullptr);

private:
    unsigned parallel_;
};

// SIGINT/SIGTERM set the returned flag instead of killing the process, so a
// sweep can stop its children and leave complete points behind.
const volatile std::sig_atomic_t* installStopFlag();

}  // namespace vgm::dse
