// Compute config: defaults, precision policy, and every bad-input error with
// its JSON path, raised before any simulation starts.
#include <catch2/catch.hpp>

#include "common/Error.h"
#include "timing/compute/ComputeSpec.h"

using namespace vgm;
using timing::ComputeSpec;
using timing::Precision;

namespace {

config::Config load(const Json& doc) { return config::Config::fromJson(doc, "configs/x.json"); }

std::string errorOf(const Json& doc) {
    try {
        ComputeSpec::fromConfig(load(doc));
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

workload::Trace oneOp(workload::OpKind kind, workload::Role role) {
    workload::Trace t;
    t.name = "t";
    workload::Operator op;
    op.kind = kind;
    op.role = role;
    op.m = op.k = op.n = 8;
    t.ops.push_back(op);
    return t;
}

Json groups(Json list, Json extra = Json::object()) {
    Json dsp = extra;
    dsp["groups"] = std::move(list);
    return Json{{"dsp", dsp}};
}

}  // namespace

TEST_CASE("compute config: defaults are one 32x32 DSP-E systolic group", "[compute][config]") {
    const ComputeSpec s = ComputeSpec::fromConfig(load(Json::object()));
    REQUIRE(s.groups.size() == 1);
    CHECK(s.dspCount() == 1024);
    CHECK(s.groups[0].supports(Precision::Int8));
    CHECK(s.groups[0].supports(Precision::Fp16));
    CHECK(s.mode(s.groups[0], Precision::Int8).lanes == 4);
    CHECK(s.mode(s.groups[0], Precision::Fp16).lanes == 2);
    CHECK(s.dsp58.macs[size_t(Precision::Int8)] == 3);
    CHECK(s.sfu.elementsPerCycle == 16);
    CHECK(s.passesOf(workload::OpKind::Softmax) == 2);
}

TEST_CASE("compute config: precision policy per role", "[compute][config]") {
    const ComputeSpec s = ComputeSpec::fromConfig(load(Json{{"precision", Json{{"fc2", "fp16"}}}}));
    workload::Operator op;
    op.kind = workload::OpKind::Linear;
    op.role = workload::Role::Qkv;
    CHECK(s.precisionOf(op) == Precision::Int8);
    op.role = workload::Role::Fc2;
    CHECK(s.precisionOf(op) == Precision::Fp16);
    op.kind = workload::OpKind::AttentionQK;
    op.role = workload::Role::SelfAttention;
    CHECK(s.precisionOf(op) == Precision::Fp16);
    CHECK(std::string(ComputeSpec::policyKey(op)) == "attention");
}

TEST_CASE("compute config: too many DSPs for the device", "[compute][config][error]") {
    const Json doc = groups(Json::array({Json{{"name", "a"}, {"rows", 64}, {"cols", 128}},
                                         Json{{"name", "b"}, {"rows", 64}, {"cols", 64}}}));
    CHECK(errorOf(doc) ==
          "configs/x.json: /dsp/groups/1/rows: group 'b' needs 4096 DSPs (1 x systolic 64x64 os pipelined), "
          "bringing the array to 12288; the xcv80 has 10848 DSP58");
    Json vn = groups(Json::array({Json{{"name", "d"}, {"engine", "dot"}, {"count", 2}}}));
    vn["device"] = Json{{"part", "vn1752"}};
    CHECK(errorOf(vn) ==
          "configs/x.json: /dsp/groups/0/dot_m: group 'd' needs 8192 DSPs (2 x dot 128x16x2), bringing the "
          "array to 8192; the vn1752 has 3964 DSP58");
}

TEST_CASE("compute config: zero and negative sizes, unknown engine and dataflow", "[compute][config][error]") {
    auto err = [](const Json& group) {
        try {
            load(groups(Json::array({group})));
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(err({{"rows", 0}}).find("/dsp/groups/0/rows") != std::string::npos);
    CHECK(err({{"cols", -3}}).find("/dsp/groups/0/cols") != std::string::npos);
    CHECK(err({{"dot_k", 0}}).find("/dsp/groups/0/dot_k") != std::string::npos);
    CHECK(err({{"engine", "mesh"}}).find("/dsp/groups/0/engine") != std::string::npos);
    CHECK(err({{"dataflow", "rs"}}).find("/dsp/groups/0/dataflow") != std::string::npos);
    CHECK(err({{"convention", "exact"}}).find("/dsp/groups/0/convention") != std::string::npos);
    CHECK(err({{"unit", "dsp48"}}).find("/dsp/groups/0/unit") != std::string::npos);
}

TEST_CASE("compute config: modes a unit cannot run, unknown modes, duplicate names", "[compute][config][error]") {
    CHECK(errorOf(groups(Json::array({Json{{"unit", "dsp-e"}, {"modes", "int8,fp64"}}}))) ==
          "configs/x.json: /dsp/groups/0/modes: unknown precision \"fp64\" in \"int8,fp64\"; allowed: all, or a "
          "comma list of int8,int16,fp16,fp32");
    CHECK(errorOf(groups(Json::array({Json{{"unit", "dsp-e"}, {"modes", "fp32"}}}),
                         Json{{"dsp_e", Json{{"fp32_macs", 0}}}})) ==
          "configs/x.json: /dsp/groups/0/modes: fp32 is not a mode of dsp-e (its modes with MACs > 0: "
          "int8,int16,fp16)");
    CHECK(errorOf(groups(Json::array({Json{{"name", "a"}}, Json{{"name", "a"}}}))) ==
          "configs/x.json: /dsp/groups/1/name: \"a\" is already the name of group 0; group names must be unique");
}

TEST_CASE("compute config: a precision no group runs for an operator of the trace", "[compute][config][error]") {
    const config::Config cfg =
        load(groups(Json::array({Json{{"name", "lin"}, {"unit", "dsp-e"}, {"modes", "int8"}}})));
    const ComputeSpec s = ComputeSpec::fromConfig(cfg);
    CHECK_NOTHROW(s.checkTrace(cfg, oneOp(workload::OpKind::Linear, workload::Role::Fc1)));
    CHECK_NOTHROW(s.checkTrace(cfg, oneOp(workload::OpKind::Softmax, workload::Role::SelfAttention)));
    try {
        s.checkTrace(cfg, oneOp(workload::OpKind::AttentionQK, workload::Role::SelfAttention));
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()) ==
              "configs/x.json: /precision/attention: fp16 is run by no DSP group (lin:int8), but trace t "
              "operator 0 (s0.b0.self_attention) needs it");
    }
}
