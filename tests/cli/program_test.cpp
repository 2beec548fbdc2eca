// `vgmsim program`: the machine, the lowered commands, slices by operator,
// JSON, one-line errors, determinism.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <sstream>

#include "RunVgmsim.h"
#include "common/Json.h"

using vgm::Json;
using vgm::test::runVgmsim;

namespace {
const std::string kSrc = VGMSIM_SOURCE_DIR;
const std::string kBase = "program --config " + kSrc + "/configs/flightvgm_v80.json --trace " + kSrc +
                          "/tests/golden/traces/dit-xl-2_256_2steps.vgmt";

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

// The command lines ("#<index> ...") of a text listing.
std::vector<std::string> commandLines(const std::string& s) {
    std::vector<std::string> out;
    for (const auto& l : lines(s))
        if (!l.empty() && l[0] == '#') out.push_back(l);
    return out;
}

// "#index stream kind op N label ..." -> label
std::string labelOf(const std::string& line) {
    std::istringstream in(line);
    std::string w[6];
    for (auto& x : w) in >> x;
    return w[5];
}

// "counts: N commands; ..." -> N
uint64_t countLine(const std::string& out) {
    std::smatch m;
    REQUIRE(std::regex_search(out, m, std::regex("\ncounts: ([0-9]+) commands")));
    return std::stoull(m[1]);
}

size_t lineCount(const std::string& s) { return size_t(std::count(s.begin(), s.end(), '\n')); }
}  // namespace

TEST_CASE("program: prints the machine's units and streams, then the first 200 commands", "[cli][program]") {
    auto r = runVgmsim(kBase);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    for (const char* unit : {"dspe0", "dspe3", "dsp58", "sfu", "su", "ru", "dma_weight", "dma_activation"})
        CHECK(std::regex_search(r.out, std::regex(std::string("\n +[0-9]+ +") + unit + " +[a-z_]+")));
    // Replays of verified false positives come first: they are dispatched ahead of new tiles.
    CHECK(std::regex_search(r.out, std::regex("\n +0 +dsp\\.replay +units dspe0 dspe1 dspe2 dspe3 dsp58\n")));
    CHECK(std::regex_search(r.out, std::regex("\n +1 +dsp +units dspe0 dspe1 dspe2 dspe3 dsp58\n")));
    CHECK(r.out.find("queue_depth ") != std::string::npos);
    CHECK(r.out.find("lookahead_ops ") != std::string::npos);
    CHECK(std::regex_search(r.out, std::regex("buffers: weight [0-9]+ B activation [0-9]+ B output [0-9]+ B")));
    const auto cmds = commandLines(r.out);
    CHECK(cmds.size() == 200);
    CHECK(cmds.front().rfind("#0 ", 0) == 0);
    CHECK(countLine(r.out) == 200);
    CHECK(std::regex_search(r.out, std::regex("\n\\.\\.\\. [0-9]+ more commands not shown")));
    CHECK(lines(r.out).back().rfind("counts: ", 0) == 0);
}

TEST_CASE("program: GEMM lines show a precision, DMA lines bytes, deps as ranges", "[cli][program]") {
    auto r = runVgmsim(kBase + " --ops 0:12");
    REQUIRE(r.status == 0);
    size_t gemms = 0, loads = 0;
    for (const auto& l : commandLines(r.out)) {
        if (l.find(" gemm ") != std::string::npos) {
            ++gemms;
            CHECK(std::regex_search(l, std::regex(" cycles [0-9/-]+ (int8|int16|fp16|fp32)( |$)")));
        }
        if (l.find(" load_weight ") != std::string::npos) {
            ++loads;
            CHECK(std::regex_search(l, std::regex(" bytes [0-9]+  acquire weight [0-9]+ B users [0-9]+")));
        }
    }
    CHECK(gemms > 0);
    CHECK(loads > 0);
    CHECK(std::regex_search(r.out, std::regex("deps #[0-9]+\\*")));      // a free
    CHECK(std::regex_search(r.out, std::regex("deps( #[0-9]+\\*?)* #[0-9]+-[0-9]+")));  // a range
}

TEST_CASE("program: --op lists only that operator's commands, as in the whole listing", "[cli][program]") {
    auto one = runVgmsim(kBase + " --op s0.b3.qkv");
    REQUIRE(one.status == 0);
    const auto sel = commandLines(one.out);
    REQUIRE(!sel.empty());
    for (const auto& l : sel) CHECK(labelOf(l) == "s0.b3.qkv");
    CHECK(countLine(one.out) == sel.size());
    CHECK(one.out.find("more commands") == std::string::npos);

    auto all = runVgmsim(kBase + " --limit 0");
    REQUIRE(all.status == 0);
    std::vector<std::string> expect;
    for (const auto& l : commandLines(all.out))
        if (labelOf(l) == "s0.b3.qkv") expect.push_back(l);
    CHECK(sel == expect);  // same program indices and dependencies as the unsliced program

    auto range = runVgmsim(kBase + " --ops 30:40 --limit 5");
    REQUIRE(range.status == 0);
    CHECK(commandLines(range.out).size() == 5);
    CHECK(range.out.find("more commands not shown") != std::string::npos);
}

TEST_CASE("program: --json parses and its commands match the counts", "[cli][program]") {
    auto j = runVgmsim(kBase + " --json --ops 7:12");
    REQUIRE(j.status == 0);
    Json doc = Json::parse(j.out);
    REQUIRE(doc["commands"].is_array());
    const uint64_t n = doc["commands"].size();
    CHECK(n > 0);
    CHECK(doc["counts"]["commands"] == n);
    uint64_t byStream = 0, byKind = 0;
    for (const auto& [k, v] : doc["counts"]["streams"].items()) byStream += v.get<uint64_t>();
    for (const auto& [k, v] : doc["counts"]["kinds"].items()) byKind += v.get<uint64_t>();
    CHECK(byStream == n);
    CHECK(byKind == n);
    CHECK(doc["machine"]["units"].size() == 10);
    for (const auto& c : doc["commands"]) {
        CHECK(c["op"].get<uint64_t>() >= 7);
        CHECK(c["op"].get<uint64_t>() < 12);
        if (c["kind"] == "gemm") CHECK(c.contains("precision"));
    }
    auto t = runVgmsim(kBase + " --ops 7:12");
    REQUIRE(t.status == 0);
    CHECK(countLine(t.out) == n);
    CHECK(commandLines(t.out).size() == n);
}

TEST_CASE("program: bad arguments are one-line errors with status 2", "[cli][program][errors]") {
    auto r = runVgmsim(kBase + " --op s9.b99.qkv");
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(lineCount(r.err) == 1);
    CHECK(r.err.find("vgmsim program: --op s9.b99.qkv: no operator with that name in ") != std::string::npos);
    CHECK(r.err.find("(operators are named like s0.b0.") != std::string::npos);
    for (const char* bad : {" --ops 5:3", " --ops 1:99999", " --ops x", " --limit -1", " --op s0.b0.qkv --ops 0:1",
                            " --bogus"}) {
        INFO(bad);
        auto b = runVgmsim(kBase + bad);
        CHECK(b.status == 2);
        CHECK(lineCount(b.err) == 1);
        CHECK(b.err.rfind("error: vgmsim program: ", 0) == 0);
    }
    auto m = runVgmsim("program --config " + kSrc + "/configs/flightvgm_v80.json");
    CHECK(m.status == 2);
    CHECK(m.err.find("'--trace' is required") != std::string::npos);
    auto h = runVgmsim("program --help");
    CHECK(h.status == 0);
    CHECK(h.out.find("--ops") != std::string::npos);
}

TEST_CASE("program: two runs print byte-identical output", "[cli][program]") {
    for (const char* extra : {" --limit 0", " --json --limit 0"}) {
        INFO(extra);
        auto a = runVgmsim(kBase + extra);
        auto b = runVgmsim(kBase + extra);
        REQUIRE(a.status == 0);
        CHECK(a.out == b.out);
    }
}
