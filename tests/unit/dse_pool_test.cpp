// The process pool: exit statuses, time-outs, the parallel limit, and that one
// failure does not stop the others. Uses /bin/sh as a stand-in simulator.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "common/Files.h"
#include "dse/ProcessPool.h"

using namespace vgm::dse;
namespace fs = std::filesystem;

static Job sh(const std::string& script, size_t tag, double timeout = 0) {
    Job j;
    j.argv = {"/bin/sh", "-c", script};
    j.tag = tag;
    j.timeoutS = timeout;
    return j;
}

TEST_CASE("dse pool: statuses of exited, failed, killed and timed-out jobs", "[dse][pool]") {
    std::vector<Job> jobs = {sh("exit 0", 0), sh("exit 3", 1), sh("kill -SEGV $$", 2), sh("sleep 30", 3, 0.3),
                             sh("exit 0", 4)};
    std::map<size_t, JobResult> got;
    ProcessPool(2).run(jobs, [&](const JobResult& r) { got[r.tag] = r; });
    REQUIRE(got.size() == 5);
    CHECK(got[0].ok());
    CHECK(got[1].exitCode == 3);
    CHECK_FALSE(got[1].ok());
    CHECK(got[2].signal == SIGSEGV);
    CHECK(got[3].timedOut);
    CHECK(got[3].signal == SIGKILL);
    CHECK(got[4].ok());
}

TEST_CASE("dse pool: never more than N at a time; output files and cwd", "[dse][pool]") {
    const auto dir = fs::temp_directory_path() / ("vgmsim-pool-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    // Each job takes a slot file with mkdir (atomic); a third concurrent job
    // would find both slots taken and record an overflow.
    const std::string script =
        "if mkdir slot1 2>/dev/null; then s=slot1; elif mkdir slot2 2>/dev/null; then s=slot2; "
        "else touch overflow; exit 1; fi; sleep 0.05; rmdir $s; echo done; echo warn >&2";
    std::vector<Job> jobs;
    for (size_t i = 0; i < 8; ++i) {
        Job j = sh(script, i);
        j.cwd = dir.string();
        j.stdoutPath = (dir / ("out" + std::to_string(i))).string();
        j.stderrPath = (dir / ("err" + std::to_string(i))).string();
        jobs.push_back(j);
    }
    size_t ok = 0;
    ProcessPool(2).run(jobs, [&](const JobResult& r) { ok += r.ok(); });
    CHECK(ok == 8);
    CHECK_FALSE(fs::exists(dir / "overflow"));
    CHECK(vgm::readTextFile((dir / "out3").string()) == "done\n");
    CHECK(vgm::readTextFile((dir / "err3").string()) == "warn\n");
    fs::remove_all(dir);
}

TEST_CASE("dse pool: a missing executable is a recorded failure", "[dse][pool]") {
    Job j;
    j.argv = {"/nonexistent/vgmsim"};
    JobResult got;
    ProcessPool(1).run({j}, [&](const JobResult& r) { got = r; });
    CHECK_FALSE(got.ok());
}
