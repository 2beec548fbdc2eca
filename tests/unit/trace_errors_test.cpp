// Every malformed trace gives one clean line naming file, location and problem.
#include <catch2/catch.hpp>

#include "common/Hash.h"
#include "trace_test_util.h"

using namespace vgm::workload;
using tracetest::readError;
using tracetest::writeTmp;

namespace {
std::string gemmBytes() {
    ModelOptions o;
    o.model = "gemm";
    o.m = 64, o.k = 128, o.n = 32;
    return encodeTrace(buildModel(o));
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

// DiT-XL/2 256, one step, CFG off; record `index` holds `set`, all others dense.
std::string ditWithSkip(size_t index, std::shared_ptr<SkipSet> set) {
    TraceSpec spec = tracetest::model("dit-xl-2", 1);
    spec.header["sparsity"] = vgm::Json{{"source", "masks"}};
    spec.skips.resize(spec.groupsPerStep());
    SkipRecord& r = spec.skips[index];
    r.kind = SkipRecord::Kind::Explicit;
    r.base = std::move(set);
    r.period = 256;
    return encodeTrace(spec);
}

size_t skipBegin(const std::string& bytes) {
    return bytes.size() - tracetest::skipPart(bytes).size();
}
}  // namespace

TEST_CASE("trace_errors: container defects", "[trace]") {
    std::string good = gemmBytes();
    std::string p = writeTmp("trunc.vgmt", good.substr(0, good.size() - 10));
    CHECK(readError(p) == p + ": byte " + std::to_string(good.size() - 10) + ": truncated: header announces " +
                              std::to_string(good.size()) + " bytes, file has " + std::to_string(good.size() - 10));
    p = writeTmp("extra.vgmt", good + "xx");
    CHECK(readError(p) ==
          p + ": byte " + std::to_string(good.size()) + ": 2 unexpected bytes after the announced end of the trace");
    p = writeTmp("version.vgmt", replaced(good, "vgmsim-trace 1", "vgmsim-trace 2"));
    CHECK(readError(p) == p + ": byte 13: unsupported trace format version '2'; this vgmsim reads version 1 "
                              "(regenerate the trace with vgmsim trace)");
    p = writeTmp("notrace.vgmt", "{\"hello\": 1}\n");
    CHECK(readError(p) == p + ": byte 0: not a vgmsim trace: first line must start with 'vgmsim-trace 1'");
    p = writeTmp("empty.vgmt", "");
    CHECK(readError(p) == p + ": byte 0: not a vgmsim trace: first line must start with 'vgmsim-trace 1'");
    std::string corrupt = replaced(good, "\"m\":64", "\"m\":65");
    size_t nl = corrupt.find('\n');
    p = writeTmp("corrupt.vgmt", corrupt);
    CHECK(readError(p) == p + ": byte " + std::to_string(nl + 1) + ": content hash mismatch: header says " +
                              vgm::hashString(tracetest::jsonPart(good)) + ", content hashes to " +
                              vgm::hashString(corrupt.substr(nl + 1)) + " (file corrupted or edited)");
}

TEST_CASE("trace_errors: JSON defects name the byte or the path", "[trace]") {
    std::string json = tracetest::jsonPart(gemmBytes());
    std::string bad = replaced(json, "\"batch\": 1,", "\"batch\": 1,,");
    std::string sealed = sealTrace(bad, "");
    std::string p = writeTmp("syntax.vgmt", sealed);
    CHECK(readError(p) == p + ": byte " + std::to_string(sealed.find('\n') + 1 + bad.find(",,") + 1) +
                              ": invalid JSON: syntax error while parsing object "
                              "key - unexpected ','; expected string literal");
    p = writeTmp("key.vgmt", sealTrace(replaced(json, "\"batch\":1,", "\"batch\":1,\"bach\":1,"), ""));
    CHECK(readError(p) == p + ": templates[0].ops[0].bach: unknown key; did you mean 'batch'?; allowed: kind, role, "
                              "precision, m, k, n, batch, in, w, out, skip");
    p = writeTmp("kind.vgmt", sealTrace(replaced(json, "\"kind\":\"linear\"", "\"kind\":\"conv\""), ""));
    CHECK(readError(p) == p + ": templates[0].ops[0].kind: unknown operator kind 'conv'");
    p = writeTmp("zero.vgmt",
                 sealTrace(replaced(json, "\"k\":128,\"n\":32,\"batch\"", "\"k\":0,\"n\":32,\"batch\""), ""));
    CHECK(readError(p) == p + ": templates[0].ops[0].k: expected an integer >= 1, got 0");
    p = writeTmp("densebytes.vgmt", sealTrace(json, std::string(1, '\0')));
    CHECK(readError(p) == p + ": byte " + std::to_string(json.size() + (gemmBytes().find('\n') + 1)) +
                              ": a dense trace (sparsity.source \"dense\") must have an empty skip section");
}

TEST_CASE("trace_errors: shapes inconsistent with the header", "[trace]") {
    std::string json = tracetest::jsonPart(gemmBytes());
    std::string p = writeTmp("gemmshape.vgmt", sealTrace(replaced(json, "\"m\":64,\"k\":128,\"n\":32,\"batch\"",
                                                                  "\"m\":65,\"k\":128,\"n\":32,\"batch\""),
                                                         ""));
    CHECK(readError(p) == p + ": operator 0 (s0.b0.other): m = 65 inconsistent with the header, which implies 64");
    std::string dit = tracetest::jsonPart(encodeTrace(tracetest::model("dit-xl-2", 1)));
    p = writeTmp("ditshape.vgmt", sealTrace(replaced(dit, "\"role\":\"qkv\",\"precision\":\"int8\",\"m\":256",
                                                     "\"role\":\"qkv\",\"precision\":\"int8\",\"m\":255"),
                                            ""));
    CHECK(readError(p) == p + ": operator 7 (s0.b0.qkv): m = 255 inconsistent with the header, which implies 256");
    p = writeTmp("dittokens.vgmt", sealTrace(replaced(dit, "\"tokens\":256", "\"tokens\":255"), ""));
    CHECK(readError(p) == p + ": video: value {\"resolution\":\"256\",\"frames\":1,\"latent\":[1,16,16],\"tokens... "
                              "inconsistent with the rest of the header (model dit-xl-2), which implies "
                              "{\"resolution\":\"256\",\"frames\":1,\"latent\":[1,16,16],\"tokens...");
    p = writeTmp("ditres.vgmt", sealTrace(replaced(dit, "\"resolution\":\"256\"", "\"resolution\":\"1024\""), ""));
    CHECK(readError(p) == p + ": header: --resolution '1024' not supported by dit-xl-2; allowed: 256, 512");
}

TEST_CASE("trace_errors: skip records", "[trace]") {
    auto set = [](std::vector<uint32_t> rows, std::vector<uint32_t> refs) {
        auto s = std::make_shared<SkipSet>();
        s->rows = std::move(rows);
        s->refs = std::move(refs);
        return s;
    };
    // Record 0 is block 0's qkv group: operator 7 (embed has 4 ops, qkv is op 3 of the block).
    std::string bytes = ditWithSkip(0, set({1, 2}, {0, 1}));
    std::string p = writeTmp("refskipped.vgmt", bytes);
    size_t at = skipBegin(bytes) + 10;  // tag, period(2), repeat, count, encoding, 2 gaps, palette size, entry
    CHECK(readError(p) == p + ": byte " + std::to_string(at) +
                              ": skip record 0 (operator 7, s0.b0.qkv): reference 1 of row 2 is itself skipped");
    bytes = ditWithSkip(5, set({5}, {300}));  // record 5: block 1's out group
    p = writeTmp("refrange.vgmt", bytes);
    CHECK(readError(p).find(": skip record 5 (operator 26, s0.b1.out_proj): reference 300 of row 5 out of range; "
                            "allowed 0..255") != std::string::npos);
    bytes = ditWithSkip(2, set({300}, {0}));
    p = writeTmp("rowrange.vgmt", bytes);
    CHECK(readError(p) == p + ": byte " + std::to_string(skipBegin(bytes) + 2 + 6) +
                              ": skip record 2 (operator 15, s0.b0.fc1): row 300 out of range; allowed 0..255");
    bytes = ditWithSkip(0, set({1}, {0}));
    std::string json = tracetest::jsonPart(bytes), skip = tracetest::skipPart(bytes);
    p = writeTmp("skiptrunc.vgmt", sealTrace(json, skip.substr(0, skip.size() - 1)));
    CHECK(readError(p) == p + ": byte " + std::to_string(skipBegin(bytes) + skip.size() - 1) +
                              ": skip record 111 (operator 422, s0.b27.fc2): truncated skip section: 112 records "
                              "expected (1 steps x 112 skip groups), found 111");
    p = writeTmp("skiptag.vgmt", sealTrace(json, std::string(1, '\x09') + skip.substr(1)));
    CHECK(readError(p) == p + ": byte " + std::to_string(skipBegin(bytes)) +
                              ": skip record 0 (operator 7, s0.b0.qkv): unknown skip record tag 9; allowed 0-3");
}
