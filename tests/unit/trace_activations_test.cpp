// The optional activation block: round trip, and clean one-line errors for a
// malformed block.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iterator>

#include "timing/sparsity/TokenSimilarity.h"
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

namespace {
// Skips detected (paper detector) on step `s` of a multi-step gemm trace carrying activations.
std::vector<uint32_t> stepSkips(const Trace& t, uint64_t s, double threshold) {
    const vgm::timing::TokenLayout lay{1, 6, 64};
    return vgm::timing::detectSkips(lay, 64, *t.ops[s].acts, 3, 4, threshold).skip.rows;
}
double overlap(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    std::vector<uint32_t> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
    return a.empty() ? 0.0 : double(both.size()) / double(a.size());
}
Trace driftTrace(double drift) {
    ModelOptions o;
    o.model = "gemm";
    o.m = 6 * 64, o.k = 64, o.n = 8, o.steps = 3;
    o.gemmRole = Role::Qkv;
    TraceSpec spec = buildModel(o);
    addActivations(spec, "random:5:0.81", 6, drift);
    return readTrace(writeTmp("act_drift.vgmt", encodeTrace(spec)));
}
}  // namespace

TEST_CASE("trace_activations: steps drift from the previous step instead of fresh draws", "[trace]") {
    const Trace still = driftTrace(1.0), slow = driftTrace(0.95), fresh = driftTrace(0.0);
    REQUIRE(slow.ops.size() == 3);
    for (const Trace* t : {&still, &slow, &fresh})
        for (const auto& op : t->ops) REQUIRE(op.acts);
    // Step 0 is the one-step block; drift 1 repeats it; drift 0 draws anew.
    CHECK(*slow.ops[0].acts == makeActivations(6, 64, 64, 5, 0.81));
    CHECK(*still.ops[2].acts == *still.ops[0].acts);
    CHECK(*fresh.ops[1].acts != *fresh.ops[0].acts);
    CHECK(slow.ops[2].step == 2);
    // A token's skip decision persists far more often with slow drift than with fresh draws.
    const double thr = 0.948;
    const auto s1 = stepSkips(slow, 1, thr), s2 = stepSkips(slow, 2, thr);
    const auto f1 = stepSkips(fresh, 1, thr), f2 = stepSkips(fresh, 2, thr);
    REQUIRE(s1.size() > 20);
    REQUIRE(f1.size() > 20);
    CHECK(stepSkips(still, 1, thr) == stepSkips(still, 0, thr));
    CHECK(overlap(s1, s2) > overlap(f1, f2) + 0.15);
    // A drift outside [0, 1] is refused.
    ModelOptions o;
    o.model = "gemm";
    o.m = 8, o.k = 4, o.n = 2;
    TraceSpec spec = buildModel(o);
    CHECK_THROWS_WITH(addActivations(spec, "random:3:0.8", 2, 1.5), Catch::Contains("drift"));
}
