#include "dse/ProcessPool.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <thread>

extern char** environ;

namespace vgm::dse {

namespace {

volatile std::sig_atomic_t gStop = 0;
extern "C" void onStopSignal(int) {
    gStop = 1;
}

using Clock = std::chrono::steady_clock;

struct Running {
    pid_t pid;
    const Job* job;
    Clock::time_point start;
};

double seconds(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

// posix_spawn with stdout/stderr redirected to the job's files.
pid_t spawn(const Job& job) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, job.stdoutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, job.stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (!job.cwd.empty()) posix_spawn_file_actions_addchdir_np(&fa, job.cwd.c_str());
    std::vector<char*> argv;
    for (const auto& a : job.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    return rc == 0 ? pid : -1;
}

JobResult finished(const Running& r, int status, Clock::time_point now) {
    JobResult res;
    res.tag = r.job->tag;
    res.wallS = seconds(r.start, now);
    if (WIFEXITED(status)) res.exitCode = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) res.signal = WTERMSIG(status);
    return res;
}

}  // namespace

const volatile std::sig_atomic_t* installStopFlag() {
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_handler = onStopSignal;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    return &gStop;
}

void ProcessPool::run(const std::vector<Job>& jobs, const std::function<void(const JobResult&)>& onDone,
                      const std::function<void(size_t)>& onTick, const volatile std::sig_atomic_t* stop) {
    std::vector<Running> running;
    size_t next = 0;
    auto lastTick = Clock::now();
    while (next < jobs.size() || !running.empty()) {
        if (stop && *stop) {
            for (auto& r : running) {
                ::kill(r.pid, SIGKILL);
                int st;
                ::waitpid(r.pid, &st, 0);
            }
            return;
        }
        while (running.size() < parallel_ && next < jobs.size()) {
            const Job& job = jobs[next++];
            pid_t pid = spawn(job);
            if (pid < 0) {
                JobResult res;
                res.tag = job.tag;
                res.spawnFailed = true;
                onDone(res);
                continue;
            }
            running.push_back({pid, &job, Clock::now()});
        }
        bool reaped = false;
        const auto now = Clock::now();
        for (size_t i = 0; i < running.size();) {
            Running& r = running[i];
            int status = 0;
            pid_t got = ::waitpid(r.pid, &status, WNOHANG);
            bool late = r.job->timeoutS > 0 && seconds(r.start, now) > r.job->timeoutS;
            if (got == 0 && late) {
                ::kill(r.pid, SIGKILL);
                ::waitpid(r.pid, &status, 0);
                got = r.pid;
            }
            if (got == r.pid) {
                JobResult res = finished(r, status, now);
                res.timedOut = late;
                running.erase(running.begin() + static_cast<long>(i));
                onDone(res);
                reaped = true;
            } else {
                ++i;
            }
        }
        if (onTick && seconds(lastTick, Clock::now()) >= 0.2) {
            lastTick = Clock::now();
            onTick(running.size());
        }
        // Poll: children of short points end in milliseconds, long ones in
        // minutes; 5 ms keeps the pool busy without burning a core.
        if (!reaped) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace vgm::dse
