// The exit-status contract over the CLI (README "Exit status"): 0 ok, 2 bad
// input with exactly one printable line on stderr, 1 only for an internal
// error, never a signal. Each hostile case here broke it before issue 15.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "RunVgmsim.h"

using vgm::test::runVgmsim;
using vgm::test::scratchDir;

namespace {
// One line, "error: " first, nothing unprintable.
bool oneCleanLine(const std::string& err) {
    if (err.rfind("error: ", 0) != 0 || err.empty() || err.back() != '\n') return false;
    for (size_t i = 0; i + 1 < err.size(); ++i)
        if (static_cast<unsigned char>(err[i]) < 0x20 || err[i] == 0x7f) return false;
    return true;
}

std::string write(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

const std::string kData = std::string(VGMSIM_SOURCE_DIR) + "/tests/unit/data/config/";
const std::string kTop = kData + "top.json";
const std::string kTrace = std::string(VGMSIM_SOURCE_DIR) + "/traces/tiny/gemm_64x128x32_int8.vgmt";
}  // namespace

TEST_CASE("exit status: no arguments is a one-line usage error on stderr", "[cli][errors][hostile]") {
    auto r = runVgmsim("");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "error: no command given; usage: vgmsim <command> [options] (vgmsim --help lists the commands)\n");
}

TEST_CASE("exit status: hostile inputs are status 2 with one clean line", "[cli][errors][hostile]") {
    const std::string d = scratchDir("hostile");
    const std::string fifo = d + "/fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const std::string big = write(d + "/big.json", "{\"clock\": {\"fabric_mhz\": 1e309}}");
    const std::string deep = write(d + "/deep.json", std::string(100000, '['));
    write(d + "/bad.json", "{\"cases\": [{\"name\": \"..\", \"config\": \"c.json\", \"trace\": \"t.vgmt\"}]}");
    std::rename((d + "/bad.json").c_str(), (d + "/manifest.json").c_str());
    const std::vector<std::string> cases = {
        "run --config /dev/zero --trace " + kTrace,
        "run --config " + fifo + " --trace " + kTrace,
        "run --config " + big + " --trace " + kTrace,
        "run --config " + deep + " --trace " + kTrace,
        "run --config " + kTop + " --trace " + kTrace + " --set 'clock.fabric_mhz=1e309'",
        "run --config " + kTop + " --trace " + kTrace + " --set 'dsp.groups.99999999999999999999.rows=1'",
        "run --config " + kTop + " --trace " + kTrace + " --set \"$(printf 'clock.fab\\nric=1')\"",
        "run --config " + kTop + " --trace " + kTrace + " --set \"$(printf 'name=\\377\\033[2J')\"",
        "run --config \"$(printf '\\377.json')\" --trace " + kTrace,
        "trace gemm --m 64 --k 4611686018427387904 --n 64 -o " + d + "/t.vgmt",
        "trace gemm --m 64 --k 64 --n 4611686018427387904 -o " + d + "/t.vgmt",
        "sweep --spec " + deep + " --out " + d + "/sw",
        "check --golden " + d,
        "sweep-merge --out " + d + "/m " + d,
    };
    for (const auto& c : cases) {
        INFO(c);
        auto r = runVgmsim(c);
        CHECK(r.status == 2);
        CHECK(oneCleanLine(r.err));
    }
}

TEST_CASE("exit status: a bad --set value is blamed on the command line", "[cli][errors][hostile]") {
    auto r = runVgmsim("run --config " + kTop + " --trace " + kTrace + " --set clock.fabric_mhz=5000");
    CHECK(r.status == 2);
    CHECK(r.err == "error: --set: /clock/fabric_mhz: 5000 exceeds the maximum; allowed: a number in [1, 1000]\n");
    auto g = runVgmsim("run --config " + kTop + " --trace " + kTrace + " --set dsp.groups.5.unit=dsp58");
    CHECK(g.status == 2);
    CHECK(g.err.find("index 5 out of range") != std::string::npos);
}
