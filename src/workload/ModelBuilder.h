#pragma once
// Small helpers that append operators with consistent tensor sizes.
#include <string>
#include <vector>

#include "workload/TraceSpec.h"

namespace vgm::workload {

struct DiTDims {
    uint64_t hidden = 1152, heads = 16, mlpRatio = 4, depth = 28;
    uint64_t headDim() const { return hidden / heads; }
};

class OpList {
public:
    explicit OpList(BlockTemplate& t) : t_(t) {}
    // [m x k] x [k x n]; the weight is shared by all rows.
    void linear(Role role, uint64_t m, uint64_t k, uint64_t n, const std::string& group = "");
    // batch groups of Q[mq x d] K^T -> softmax over mk -> x V[mk x d].
    void attention(Role role, uint64_t batch, uint64_t mq, uint64_t mk, uint64_t d);
    void rowwise(OpKind kind, Role role, uint64_t rows, uint64_t width);
    void group(const std::string& name, const std::string& window) { t_.groups.push_back({name, window}); }

private:
    BlockTemplate& t_;
};

}  // namespace vgm::workload
