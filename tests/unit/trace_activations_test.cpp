// The optional activation block: round trip, and clean one-line errors for a
// malformed block.
#include <catch2/catch.hpp>

#include "trace_test_util.h"
#include "workload/Activations.h"

using namespace vgm::workload;
using tracetest::readError;
using tracetest::writeTmp;

namespace {
TraceSpec gemmSpec() {
    ModelOptions o;
    o.model = "gemm";
    o.m = 8, o.k = 4, o.n = 2;
    o.gemmRole = Role::Qkv;
    TraceSpec spec = buildModel(o);
    addActivations(spec, "random:3:0.8", 2);
    return spec;
}

// The JSON part of an encoded trace (between the header line and the binary part).
std::string jsonPart(const std::string& bytes) {
    const size_t nl = bytes.find('\n'), at = bytes.find("json=") + 5;
    return bytes.substr(nl + 1, std::stoull(bytes.substr(at)));
}
}  // namespace

TEST_CASE("trace_activations: round trip and the header line", "[trace]") {
    const TraceSpec spec = gemmSpec();
    const std::string bytes = encodeTrace(spec);
    CHECK(bytes.find(" act=128 hash=") != std::string::npos);  // 8 x 4 float32
    const Trace t = readTrace(writeTmp("act_ok.vgmt", bytes));
    REQUIRE(t.ops.size() == 1);
    REQUIRE(t.ops[0].acts);
    CHECK(*t.ops[0].acts == makeActivations(2, 4, 4, 3, 0.8));
    CHECK(t.header.fields["activations"]["tokens_per_frame"] == 4);
    // Without --activations the file is what it always was.
    ModelOptions o;
    o.model = "gemm";
    o.m = 8, o.k = 4, o.n = 2;
    CHECK(encodeTrace(buildModel(o)).find("act=") == std::string::npos);
    CHECK(!readTrace(writeTmp("act_none.vgmt", encodeTrace(buildModel(o)))).ops[0].acts);
}

TEST_CASE("trace_activations: malformed blocks name file, operator and byte", "[trace]") {
    const TraceSpec spec = gemmSpec();
    const std::string json = jsonPart(encodeTrace(spec));
    const size_t begin = encodeTrace(spec).size() - spec.actBytes.size();

    const std::string shortPath = writeTmp("act_short.vgmt", sealTrace(json, "", spec.actBytes.substr(0, 100)));
    const std::string e1 = readError(shortPath);
    CHECK(e1.find(shortPath + ": byte " + std::to_string(begin)) != std::string::npos);
    CHECK(e1.find("operator 0 (s0.b0.qkv): activation block needs 128 bytes") != std::string::npos);
    CHECK(e1.find('\n') == std::string::npos);

    const std::string e2 = readError(writeTmp("act_long.vgmt", sealTrace(json, "", spec.actBytes + "abcd")));
    CHECK(e2.find("4 activation bytes left over") != std::string::npos);

    std::string noEntry = jsonPart(encodeTrace(buildModel([] {
        ModelOptions o;
        o.model = "gemm";
        o.m = 8, o.k = 4, o.n = 2;
        o.gemmRole = Role::Qkv;
        return o;
    }())));
    CHECK(readError(writeTmp("act_orphan.vgmt", sealTrace(noEntry, "", spec.actBytes)))
              .find("activation section present but no \"activations\" entry") != std::string::npos);

    std::string bad = spec.actBytes;
    bad.replace(8, 4, std::string("\x00\x00\xc0\x7f", 4));  // NaN
    CHECK(readError(writeTmp("act_nan.vgmt", sealTrace(json, "", bad))).find("activation is not finite") !=
          std::string::npos);

    const std::string badOp =
        json.substr(0, json.find("\"ops\":[0]")) + "\"ops\":[1]" + json.substr(json.find("\"ops\":[0]") + 9);
    CHECK(readError(writeTmp("act_op.vgmt", sealTrace(badOp, "", spec.actBytes)))
              .find("activations.ops[0]: expected an operator index below 1") != std::string::npos);
}
