// Write -> read -> write gives identical bytes and identical operators.
#include <catch2/catch.hpp>

#include "trace_test_util.h"
#include "workload/SkipCodec.h"
#include "workload/Sparsity.h"

using namespace vgm::workload;

namespace {
void requireSameOps(const Trace& a, const Trace& b) {
    REQUIRE(a.ops.size() == b.ops.size());
    for (size_t i = 0; i < a.ops.size(); ++i) {
        const Operator &x = a.ops[i], &y = b.ops[i];
        INFO("operator " << i);
        REQUIRE(x.kind == y.kind);
        REQUIRE(x.role == y.role);
        REQUIRE((x.step == y.step && x.block == y.block && x.m == y.m && x.k == y.k && x.n == y.n));
        REQUIRE((x.batch == y.batch && x.inputElems == y.inputElems && x.outputElems == y.outputElems));
        REQUIRE(bool(x.skip) == bool(y.skip));
        if (x.skip) {
            REQUIRE(x.skip->rows == y.skip->rows);
            REQUIRE(x.skip->refs == y.skip->refs);
        }
    }
}
}  // namespace

TEST_CASE("trace_format: gemm trace round-trips byte for byte", "[trace]") {
    ModelOptions o;
    o.model = "gemm";
    o.m = 100, o.k = 64, o.n = 48;
    o.precision = PrecisionClass::Fp16;
    std::string bytes = encodeTrace(buildModel(o));
    CHECK(bytes.rfind("vgmsim-trace 1 json=", 0) == 0);
    std::string path = tracetest::writeTmp("gemm.vgmt", bytes);
    Trace t = readTrace(path);
    REQUIRE(t.ops.size() == 1);
    CHECK(t.ops[0].denseMacs() == 100u * 64 * 48);
    CHECK(t.ops[0].precision == PrecisionClass::Fp16);
    CHECK(t.name == "gemm");
    CHECK(encodeTrace(decodeTrace(bytes, path)) == bytes);
}

TEST_CASE("trace_format: measured sparsity round-trips and is deterministic", "[trace]") {
    TraceSpec spec = tracetest::model("stdit3-xl-2", 30, true, 64);
    applySparsity(spec, "measured:" + tracetest::log(), 1, 7);
    std::string bytes = encodeTrace(spec);
    TraceSpec again = tracetest::model("stdit3-xl-2", 30, true, 64);
    applySparsity(again, "measured:" + tracetest::log(), 1, 7);
    CHECK(encodeTrace(again) == bytes);  // same options, same bytes
    std::string path = tracetest::writeTmp("measured.vgmt", bytes);
    TraceSpec decoded = decodeTrace(bytes, path);
    CHECK(encodeTrace(decoded) == bytes);
    Trace read = readTrace(path);
    requireSameOps(read, expandTrace(spec, path));
    // readTrace's expansion drops the spec's repeated bases as it goes (same operators).
    size_t repeated = 0;
    for (const auto& r : decoded.skips) repeated += r.kind == SkipRecord::Kind::Explicit && r.repeat != 1;
    CHECK(repeated > 0);
    requireSameOps(read, expandTraceReleasing(decoded, path));
    for (const auto& r : decoded.skips)
        if (r.kind == SkipRecord::Kind::Explicit && r.repeat != 1) CHECK(!r.base);
    CHECK(read.header.provenance == "measured");
    // fc1 and fc2 share the MLP skip set (one SkipSet in memory).
    for (size_t i = 0; i + 2 < read.ops.size(); ++i)
        if (read.ops[i].role == Role::Fc1 && read.ops[i].skip) {
            CHECK(read.ops[i + 2].role == Role::Fc2);
            CHECK(read.ops[i].skip == read.ops[i + 2].skip);
            break;
        }
}

TEST_CASE("trace_format: skip codec picks bitmap or gaps and decodes exactly", "[trace]") {
    for (uint32_t stride : {1u, 2u, 37u}) {
        auto set = std::make_shared<SkipSet>();
        for (uint32_t r = 1; r < 1000; r += stride + 1) {
            set->rows.push_back(r);
            set->refs.push_back(r - 1);
        }
        SkipRecord rec;
        rec.kind = SkipRecord::Kind::Explicit;
        rec.base = set;
        rec.period = 1000;
        rec.repeat = 2;
        std::string bytes;
        encodeSkipRecord(rec, bytes);
        ByteReader r(bytes, 0, bytes.size());
        SkipRecord back;
        CHECK(decodeSkipRecord(r, back) == -1);
        CHECK(r.atEnd());
        CHECK(back.base->rows == set->rows);
        CHECK(back.base->refs == set->refs);
        CHECK(back.repeat == 2);
    }
}

TEST_CASE("trace_format: a dense DiT trace expands every step", "[trace]") {
    TraceSpec spec = tracetest::model("dit-xl-2", 3);
    std::string path = tracetest::writeTmp("dit3.vgmt", encodeTrace(spec));
    Trace t = readTrace(path);
    CHECK(t.steps == 3);
    CHECK(t.ops.size() == 3 * (4 + 28 * 15 + 4));
    CHECK(t.ops.back().step == 2);
    CHECK(t.ops.back().role == Role::Final);
    CHECK(t.ops[4].block == 0);
    CHECK(t.ops[4 + 15].block == 1);
    for (const auto& op : t.ops) CHECK_FALSE(op.skip);
}
