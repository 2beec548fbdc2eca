#pragma once
// One operator instance of an inference: what it computes (kind, GEMM shape),
// which layer it belongs to (role, step, block) and which rows it may skip.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vgm::workload {

enum class OpKind : uint8_t { Linear, AttentionQK, Softmax, AttentionAV, LayerNorm, Gelu, Modulate, Residual, Embed };
enum class Role : uint8_t {
    Qkv,
    OutProj,
    CrossQ,
    CrossKv,
    CrossOut,
    Fc1,
    Fc2,
    Adaln,
    TBlock,
    Embed,
    Final,
    SelfAttention,
    CrossAttention,
    Norm,
    Activation,
    Other
};
// Linear layers may run in INT8; attention stays FP16 unless the config says otherwise.
enum class PrecisionClass : uint8_t { Int8Capable, Fp16 };

const char* toString(OpKind k);
const char* toString(Role r);
const char* toString(PrecisionClass p);
bool parseOpKind(const std::string& s, OpKind& out);
bool parseRole(const std::string& s, Role& out);
bool parsePrecisionClass(const std::string& s, PrecisionClass& out);
bool isGemm(OpKind k);  // Linear, AttentionQK, AttentionAV

enum class WindowKind : uint8_t;  // Windows.h

// Rows of an operator's M dimension that the sparsity unit skips; each skipped
// row's output is copied from refs[i], a row that is not itself skipped.
struct SkipSet {
    std::vector<uint32_t> rows;  // ascending
    std::vector<uint32_t> refs;  // same length as rows
};

struct Operator {
    OpKind kind = OpKind::Linear;
    Role role = Role::Other;
    PrecisionClass precision = PrecisionClass::Fp16;
    uint32_t step = 0;
    uint32_t block = 0;
    // GEMM: batch independent [m x k] x [k x n] products (batch = heads x groups).
    // Element-wise and normalisation ops: m rows of n elements, k = 1.
    uint64_t m = 0, k = 0, n = 0, batch = 1;
    // Tensor sizes in elements, for the memory model.
    uint64_t inputElems = 0, weightElems = 0, outputElems = 0;
    std::shared_ptr<const SkipSet> skip;  // null: dense
    // The window unit of the skip group its trace mask belongs to (frame, position or
    // whole video; Windows.h): the artifact detector's SU cost depends on it.
    std::optional<WindowKind> skipWindow;
    // Input rows (m x k) from the trace's activation block: the SU detects online.
    std::shared_ptr<const std::vector<float>> acts;

    uint64_t denseMacs() const { return isGemm(kind) ? m * k * n * batch : 0; }
    uint64_t skippedRows() const { return skip ? skip->rows.size() : 0; }
    // MACs removed by skipping: a skipped row of a batched GEMM is skipped in each batch.
    uint64_t skippedMacs() const { return isGemm(kind) ? skippedRows() * k * n * batch : 0; }
    std::string label() const;  // "s3.b12.qkv"
};

}  // namespace vgm::workload
