// Sharded sweeps merge to exactly the unsharded result; a sweep killed or
// damaged midway and resumed gives the same files as one that never stopped.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <thread>

#include "RunVgmsim.h"
#include "SweepFixture.h"

using namespace vgm::test;
namespace fs = std::filesystem;

static const char* kFiles[] = {"sweep.json", "results.csv", "results.json", "pareto.csv"};

static void requireSame(const std::string& a, const std::string& b) {
    for (const char* f : kFiles) {
        INFO(f);
        CHECK(slurpFile(a + "/" + f) == slurpFile(b + "/" + f));
    }
}

TEST_CASE("sweep: shards 1..3 merged equal the unsharded sweep byte for byte", "[cli][sweep][shard]") {
    const std::string dir = scratchDir("sweep-shards");
    const std::string spec = writeTinySpec(dir);
    REQUIRE(runVgmsim("sweep --spec " + spec + " --jobs 2 --out " + dir + "/whole").status == 0);
    std::string shards;
    for (int i = 1; i <= 3; ++i) {
        const std::string out = dir + "/s" + std::to_string(i);
        auto r = runVgmsim("sweep --spec " + spec + " --shard " + std::to_string(i) + "/3 --jobs 2 --out " + out);
        REQUIRE(r.status == 0);
        CHECK(r.out.find("6 in shard " + std::to_string(i) + "/3") != std::string::npos);
        shards += " " + out;
    }
    auto m = runVgmsim("sweep-merge --out " + dir + "/merged" + shards);
    INFO(m.err);
    REQUIRE(m.status == 0);
    CHECK(m.out.find("3 shards, 18 points, 18 point folders copied") != std::string::npos);
    requireSame(dir + "/whole", dir + "/merged");
    // A re-run merge (e.g. a requeued Slurm merge job) refreshes its own output...
    auto again = runVgmsim("sweep-merge --out " + dir + "/merged" + shards);
    INFO(again.err);
    CHECK(again.status == 0);
    requireSame(dir + "/whole", dir + "/merged");
    // ...but never overwrites a different sweep.
    const std::string other = writeTinySpec(dir + "/o", vgm::Json{{"name", "other"}});
    REQUIRE(runVgmsim("sweep --spec " + other + " --jobs 2 --out " + dir + "/o/out").status == 0);
    auto clash = runVgmsim("sweep-merge --out " + dir + "/o/out" + shards);
    CHECK(clash.status == 2);
    CHECK(clash.err.find("already holds a different sweep") != std::string::npos);
    auto missing = runVgmsim("sweep-merge --out " + dir + "/m2 " + dir + "/s1 " + dir + "/s3");
    CHECK(missing.status == 2);
    CHECK(missing.err == "error: sweep-merge: shard(s) 2/3 missing; allowed: all 3 shards of the sweep\n");
}

TEST_CASE("sweep: --resume redoes only incomplete points and gives the same files", "[cli][sweep][resume]") {
    const std::string dir = scratchDir("sweep-resume");
    const std::string spec = writeTinySpec(dir);
    REQUIRE(runVgmsim("sweep --spec " + spec + " --jobs 2 --out " + dir + "/ref").status == 0);
    REQUIRE(runVgmsim("sweep --spec " + spec + " --jobs 2 --out " + dir + "/b").status == 0);
    // Damage b as a kill would: two points lose their report, one keeps only
    // a temp file, and the results were never written.
    size_t damaged = 0;
    for (const auto& e : fs::directory_iterator(dir + "/b/points")) {
        if (damaged == 3) break;
        fs::remove(e.path() / "report.json");
        if (damaged == 2) vgm::writeFileAtomic((e.path() / "report.json.tmp.1").string(), "{\"sche");
        ++damaged;
    }
    for (const char* f : {"results.csv", "results.json", "pareto.csv"}) fs::remove(dir + "/b/" + f);
    auto again = runVgmsim("sweep --spec " + spec + " --out " + dir + "/b");
    CHECK(again.status == 2);
    CHECK(again.err.find("already holds a sweep; pass --resume") != std::string::npos);
    auto r = runVgmsim("sweep --spec " + spec + " --jobs 2 --resume --out " + dir + "/b");
    REQUIRE(r.status == 0);
    CHECK(r.out.find("(15 already complete, 3 run)") != std::string::npos);
    requireSame(dir + "/ref", dir + "/b");
    // A different spec cannot resume into the folder.
    auto other = runVgmsim("sweep --spec " + writeTinySpec(dir, {{"name", "other"}}) + " --resume --out " + dir + "/b");
    CHECK(other.status == 2);
    CHECK(other.err.find("belongs to a different sweep") != std::string::npos);
}

TEST_CASE("sweep: a sweep killed midway and resumed gives the same files", "[cli][sweep][resume]") {
    const std::string dir = scratchDir("sweep-kill");
    const std::string spec = writeTinySpec(dir);
    REQUIRE(runVgmsim("sweep --spec " + spec + " --jobs 2 --out " + dir + "/ref").status == 0);
    const std::string out = dir + "/killed";
    std::vector<std::string> args = {VGMSIM_BIN, "sweep", "--spec", spec, "--jobs", "1", "--out", out};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid;
    REQUIRE(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) == 0);
    // Kill it once the first point is complete (or it may already be done).
    int status = 0;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        bool some = false;
        if (fs::exists(out + "/points"))
            for (const auto& e : fs::directory_iterator(out + "/points"))
                some = some || fs::exists(e.path() / "report.json");
        if (some) {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    auto r = runVgmsim("sweep --spec " + spec + " --jobs 2 --resume --out " + out);
    REQUIRE(r.status == 0);
    requireSame(dir + "/ref", out);
}
