#pragma once
// The analytical GPU kernel model: trace operators -> the kernels PyTorch
// launches for them (FlashAttention fuses QK^T/softmax/AV; optional GEMM
// epilogue fusion) -> time = max(compute, memory) + fixed cost, and energy.
#include <string>
#include <vector>

#include "gpu/GpuSpec.h"
#include "workload/Operator.h"

namespace vgm::gpu {

enum class KernelKind { Gemm, Attention, Softmax, Norm, Elementwise };
const char* toString(KernelKind k);

// What one kernel does, before costing.
struct KernelWork {
    KernelKind kind = KernelKind::Gemm;
    std::string name;
    uint32_t ops = 1;  // trace operators it covers
    // Gemm: batch x [m x k] x [k x n]. Attention: batch groups, m = query rows, n = key rows, k = head dim.
    uint64_t m = 0, k = 0, n = 0, batch = 1;
    bool int8 = false;  // a linear layer at linear_precision = int8
    double bytes = 0;   // DRAM traffic
};

struct Kernel {
    KernelWork work;
    double flops = 0;  // useful (unpadded) FLOPs
    double computeS = 0, memoryS = 0, fixedS = 0;
    double timeS = 0;   // max(compute, memory) + fixed
    double powerW = 0;  // while the kernel runs (fixed cost at idle power)
    double energyJ = 0;
    bool memoryBound() const { return memoryS > computeS; }
};

// The kernels for an operator sequence, in order.
std::vector<KernelWork> planKernels(const std::vector<workload::Operator>& ops, const GpuSpec& gpu);

// Time and energy of one kernel.
Kernel costKernel(const KernelWork& w, const GpuSpec& gpu);

}  // namespace vgm::gpu
