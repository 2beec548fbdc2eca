// The analytical GPU model: limits (never faster than peak), monotonicity
// (more work never takes less time), bandwidth scaling of memory-bound
// kernels, and the kernel anchors of the reference data within the errors
// recorded in src/gpu/README.md.
#include <catch2/catch.hpp>
#include <cmath>

#include "common/Error.h"
#include "gpu/GpuEstimate.h"
#include "gpu/GpuKernels.h"
#include "workload/Models.h"
#include "workload/TraceSpec.h"

using namespace vgm;
using namespace vgm::gpu;

namespace {
const std::string kGpuDir = std::string(VGMSIM_SOURCE_DIR) + "/configs/gpu/";

GpuSpec a100() {
    return loadGpu(kGpuDir + "a100_80gb_sxm.json");
}

KernelWork gemmWork(uint64_t m, uint64_t k, uint64_t n, uint64_t batch = 1) {
    KernelWork w;
    w.kind = KernelKind::Gemm;
    w.m = m, w.k = k, w.n = n, w.batch = batch;
    w.bytes = 2.0 * double(batch) * double(m * k + k * n + m * n);
    return w;
}

KernelWork attnWork(uint64_t batch, uint64_t mq, uint64_t mk, uint64_t d) {
    KernelWork w;
    w.kind = KernelKind::Attention;
    w.batch = batch, w.m = mq, w.n = mk, w.k = d;
    w.bytes = 2.0 * double(batch) * double(d) * double(2 * mq + 2 * mk);
    return w;
}

KernelWork streamWork(KernelKind kind, double bytes) {
    KernelWork w;
    w.kind = kind;
    w.bytes = bytes;
    return w;
}

double relErr(double model, double measured) {
    return (model - measured) / measured;
}

workload::Trace makeTrace(const workload::ModelOptions& o) {
    const std::string bytes = workload::encodeTrace(workload::buildModel(o));
    return workload::expandTrace(workload::decodeTrace(bytes, "mem.vgmt"), "mem.vgmt");
}
}  // namespace

TEST_CASE("gpu: every preset loads and is a distinct GPU", "[gpu]") {
    for (const char* name : {"rtx3090", "rtx4090", "a100_80gb_sxm", "a100_80gb_pcie", "h100_sxm", "h200_sxm"}) {
        const GpuSpec g = loadGpu(kGpuDir + name + ".json");
        CHECK(g.name == name);
        CHECK(g.tensorTflops > 0);
        CHECK(g.idlePowerW < g.boardPowerW);
        CHECK(!g.basis.empty());
    }
    CHECK(loadGpu(kGpuDir + "rtx3090.json").tensorTflops == 71.0);  // FP32 accumulate, as PyTorch runs it
    CHECK(loadGpu(kGpuDir + "h200_sxm.json").bandwidthGBs == 4800.0);
}

TEST_CASE("gpu: no kernel beats the peaks", "[gpu]") {
    for (const char* name : {"rtx3090", "a100_80gb_sxm", "h100_sxm"}) {
        const GpuSpec g = loadGpu(kGpuDir + name + ".json");
        const double peak = g.tensorTflops * 1e12, bw = g.bandwidthGBs * 1e9;
        for (uint64_t m : {1, 64, 1000, 8192, 30000})
            for (uint64_t k : {16, 72, 1152, 4608})
                for (uint64_t n : {8, 128, 1152, 3456}) {
                    const Kernel kg = costKernel(gemmWork(m, k, n), g);
                    CHECK(kg.flops / kg.timeS <= peak);
                    CHECK(kg.work.bytes / kg.timeS <= bw);
                    CHECK(kg.computeS >= kg.flops / peak);
                    CHECK(kg.powerW <= g.boardPowerW);
                    CHECK(kg.powerW >= g.idlePowerW);
                }
        for (uint64_t len : {15, 120, 405, 1590, 8192}) {
            const Kernel ka = costKernel(attnWork(32, len, len, 72), g);
            CHECK(ka.flops / ka.timeS <= peak * g.attentionEfficiency);
            CHECK(ka.work.bytes / ka.timeS <= bw);
        }
        const Kernel ks = costKernel(streamWork(KernelKind::Norm, 1e9), g);
        CHECK(ks.work.bytes / ks.timeS <= bw * g.memoryEfficiency);
    }
}

TEST_CASE("gpu: time grows with work", "[gpu]") {
    const GpuSpec g = a100();
    double last = 0;
    for (uint64_t m = 1; m <= 40000; m = m * 3 + 7) {
        const double t = costKernel(gemmWork(m, 1152, 4608), g).timeS;
        CHECK(t >= last);
        last = t;
    }
    last = 0;
    for (uint64_t k = 8; k <= 20000; k = k * 2 + 3) {
        const double t = costKernel(gemmWork(4096, k, 1152), g).timeS;
        CHECK(t >= last);
        last = t;
    }
    last = 0;
    for (uint64_t len = 1; len <= 30000; len = len * 2 + 1) {
        const double t = costKernel(attnWork(16, len, len, 72), g).timeS;
        CHECK(t >= last);
        last = t;
    }
    last = 0;
    for (double bytes = 1e3; bytes <= 1e11; bytes *= 3) {
        const double t = costKernel(streamWork(KernelKind::Elementwise, bytes), g).timeS;
        CHECK(t > last);
        last = t;
    }
    // A whole trace: more frames, more steps -> longer.
    workload::ModelOptions o;
    o.model = "stdit3-xl-2", o.steps = 1, o.frames = 17;
    const double t17 = estimateGpu(g, makeTrace(o), StageSet::Dit).ditLatencyS;
    o.frames = 34;
    const double t34 = estimateGpu(g, makeTrace(o), StageSet::Dit).ditLatencyS;
    o.steps = 2;
    const double t34x2 = estimateGpu(g, makeTrace(o), StageSet::Dit).ditLatencyS;
    CHECK(t34 > t17);
    CHECK(t34x2 == Approx(2 * t34).epsilon(1e-9));
}

TEST_CASE("gpu: memory-bound kernels scale with bandwidth, compute-bound ones do not", "[gpu]") {
    GpuSpec g = a100();
    GpuSpec fast = g;
    fast.bandwidthGBs *= 2;
    const Kernel slowLn = costKernel(streamWork(KernelKind::Norm, 5e8), g);
    const Kernel fastLn = costKernel(streamWork(KernelKind::Norm, 5e8), fast);
    CHECK(fastLn.memoryS == Approx(slowLn.memoryS / 2));
    CHECK(fastLn.timeS - fastLn.fixedS == Approx((slowLn.timeS - slowLn.fixedS) / 2));
    const Kernel gemv = costKernel(gemmWork(64, 12288, 12288), g);  // weight streaming
    REQUIRE(gemv.memoryBound());
    CHECK(costKernel(gemmWork(64, 12288, 12288), fast).memoryS == Approx(gemv.memoryS / 2));
    const Kernel big = costKernel(gemmWork(8192, 4096, 4096), g);
    REQUIRE(!big.memoryBound());
    CHECK(costKernel(gemmWork(8192, 4096, 4096), fast).timeS == Approx(big.timeS));
    // The H200 is an H100 with more bandwidth: a DiT is no slower on it.
    workload::ModelOptions o;
    o.model = "stdit3-xl-2", o.steps = 1, o.frames = 17;
    const auto tr = makeTrace(o);
    const double h100 = estimateGpu(loadGpu(kGpuDir + "h100_sxm.json"), tr, StageSet::Dit).ditLatencyS;
    const double h200 = estimateGpu(loadGpu(kGpuDir + "h200_sxm.json"), tr, StageSet::Dit).ditLatencyS;
    CHECK(h200 <= h100);
}

// Kernel anchors of the reference data (A100 80GB, PyTorch fp16). Each check's
// bound is the error recorded for that anchor in src/gpu/README.md, rounded up.
TEST_CASE("gpu: A100 kernel anchors within the recorded errors", "[gpu][anchors]") {
    const GpuSpec g = a100();
    struct GemmAnchor {
        uint64_t m, k, n;
        double tflops, bound;
    };
    for (const GemmAnchor& a : {GemmAnchor{8192, 1024, 1024, 185.2, 0.09}, GemmAnchor{8192, 2048, 2048, 243.8, 0.015},
                                GemmAnchor{8192, 4096, 4096, 269.2, 0.02}, GemmAnchor{4096, 12288, 12288, 277.5, 0.015},
                                GemmAnchor{64, 12288, 12288, 101.7, 0.05}}) {
        const Kernel k = costKernel(gemmWork(a.m, a.k, a.n), g);
        INFO(a.m << "x" << a.k << "x" << a.n << ": model " << k.flops / k.timeS / 1e12 << " TFLOPS");
        CHECK(std::abs(relErr(k.flops / k.timeS / 1e12, a.tflops)) <= a.bound);
    }
    struct StreamAnchor {
        KernelKind kind;
        double bytes, fractionOfBw, bound;
    };
    const double bw = g.bandwidthGBs * 1e9;
    for (const StreamAnchor& a : {StreamAnchor{KernelKind::Norm, 2.0 * 2 * 32768 * 4096, 0.76, 0.035},
                                  StreamAnchor{KernelKind::Norm, 2.0 * 2 * 4096 * 4096, 0.41, 0.05},
                                  StreamAnchor{KernelKind::Elementwise, 2.0 * 2 * double(1ull << 29), 0.77, 0.055}}) {
        const Kernel k = costKernel(streamWork(a.kind, a.bytes), g);
        INFO(toString(a.kind) << " " << a.bytes << " B: model " << a.bytes / k.timeS / bw);
        CHECK(std::abs(relErr(a.bytes / k.timeS / bw, a.fractionOfBw)) <= a.bound);
    }
    // FlashAttention-2 on long sequences: 50-73% of peak with a full head dim (128).
    const Kernel fa = costKernel(attnWork(32, 4096, 4096, 128), g);
    const double faFrac = fa.flops / fa.timeS / (g.tensorTflops * 1e12);
    CHECK(faFrac >= 0.50);
    CHECK(faFrac <= 0.73);
    // Head dim 72 runs in the 96-wide kernel: at most 75% of that.
    const Kernel fa72 = costKernel(attnWork(32, 4096, 4096, 72), g);
    CHECK(fa72.flops / fa72.timeS <= 0.75 * fa.flops / fa.timeS * 1.0001);
}

TEST_CASE("gpu: epilogue fusion removes element-wise kernels and their time", "[gpu]") {
    workload::ModelOptions o;
    o.model = "stdit3-xl-2", o.steps = 1, o.frames = 17;
    const auto tr = makeTrace(o);
    GpuSpec g = a100();
    const auto eager = estimateGpu(g, tr, StageSet::Dit);
    g.fuseElementwise = true;
    const auto fused = estimateGpu(g, tr, StageSet::Dit);
    CHECK(fused.stage("dit").kernels.size() < eager.stage("dit").kernels.size());
    CHECK(fused.ditLatencyS < eager.ditLatencyS);
    size_t ops = 0;
    for (const auto& k : fused.stage("dit").kernels) ops += k.work.ops;
    CHECK(ops == tr.ops.size());  // every trace operator is in exactly one kernel
    g.fuseElementwise = false;
    g.fusedAttention = false;
    const auto unfused = estimateGpu(g, tr, StageSet::Dit);
    CHECK(unfused.ditLatencyS > eager.ditLatencyS);  // S = QK^T goes through DRAM
}

TEST_CASE("gpu: stages are reported separately and only included ones count", "[gpu]") {
    workload::ModelOptions o;
    o.model = "stdit3-xl-2", o.steps = 2, o.frames = 17;
    const auto tr = makeTrace(o);
    const GpuSpec g = loadGpu(kGpuDir + "rtx3090.json");
    const auto dit = estimateGpu(g, tr, StageSet::Dit);
    const auto all = estimateGpu(g, tr, StageSet::All);
    CHECK(dit.included() == std::vector<std::string>{"dit"});
    CHECK(all.included() == std::vector<std::string>{"text_encoder", "dit", "vae_decode"});
    CHECK(dit.totalLatencyS == dit.ditLatencyS);
    const double te = all.stage("text_encoder").latencyS, vae = all.stage("vae_decode").latencyS;
    CHECK(te > 0);
    CHECK(vae > 0);
    CHECK(all.totalLatencyS == Approx(dit.ditLatencyS + te + vae));
    CHECK(all.averagePowerW > g.idlePowerW);
    CHECK(all.averagePowerW < g.boardPowerW);
    // A class-conditional DiT has no text encoder: left out, said so.
    o = {};
    o.model = "dit-xl-2", o.steps = 1;
    const auto img = estimateGpu(g, makeTrace(o), StageSet::All);
    CHECK(img.stage("text_encoder").kernels.empty());
    CHECK(!img.stage("text_encoder").included);
    CHECK(img.stage("text_encoder").note.find("not part of dit-xl-2") != std::string::npos);
}

TEST_CASE("gpu: a bad preset is a one-line error naming file, path, value and what is allowed", "[gpu]") {
    auto err = [](const Json& doc) {
        try {
            gpuFromJson(doc, "bad.json");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    CHECK(err(Json{{"compute", {{"tensor_tflop", 71}}}}) ==
          "bad.json: /compute/tensor_tflop: unknown key 'tensor_tflop'; did you mean 'tensor_tflops'?; allowed: "
          "tensor_tflops, int8_tops, sms");
    CHECK(err(Json{{"memory", {{"bandwidth_gbs", -3}}}}).find("bad.json: /memory/bandwidth_gbs: -3") == 0);
    CHECK(err(Json{{"kernels", {{"linear_precision", "fp8"}}}}).find("allowed: one of fp16, int8") !=
          std::string::npos);
    CHECK(err(Json{{"power", {{"idle_w", 500}}}}).find("/power/idle_w") != std::string::npos);
    CHECK(err(Json::array()).find("bad.json: /: ") == 0);
    for (const std::string& e : {err(Json{{"x", 1}}), err(Json{{"power", {{"board_w", "a lot"}}}})})
        CHECK(e.find('\n') == std::string::npos);
}

// End-to-end calibration points (measured per video on an A800 = A100 compute and
// memory). Checked, never fitted: the model is a kernel-level lower bound and the
// real PyTorch code is much slower; the bounds are the errors recorded in
// src/gpu/README.md, rounded up, so the gap cannot grow unnoticed.
TEST_CASE("gpu: end-to-end calibration points within the recorded errors", "[gpu][anchors]") {
    const GpuSpec g = a100();
    workload::ModelOptions os;
    os.model = "stdit3-xl-2", os.resolution = "480p", os.frames = 51;
    const GpuEstimate o = estimateGpu(g, makeTrace(os), StageSet::All);
    INFO("OpenSora 1.2 480p 51f: model " << o.totalLatencyS << " s (DiT " << o.ditLatencyS << " s)");
    CHECK(o.totalLatencyS < 44.56);
    CHECK(std::abs(relErr(o.totalLatencyS, 44.56)) <= 0.56);
    workload::ModelOptions la;
    la.model = "latte-xl-2", la.resolution = "512", la.frames = 16;
    const GpuEstimate l = estimateGpu(g, makeTrace(la), StageSet::All);
    INFO("Latte 512 16f: model " << l.totalLatencyS << " s (DiT " << l.ditLatencyS << " s)");
    CHECK(l.totalLatencyS < 26.90);
    CHECK(std::abs(relErr(l.totalLatencyS, 26.90)) <= 0.68);
}
