#include "workload/ModelBuilder.h"

namespace vgm::workload {

void OpList::linear(Role role, uint64_t m, uint64_t k, uint64_t n, const std::string& group) {
    OpTemplate op;
    op.kind = OpKind::Linear;
    op.role = role;
    op.precision = PrecisionClass::Int8Capable;
    op.m = m, op.k = k, op.n = n;
    op.inputElems = m * k, op.weightElems = k * n, op.outputElems = m * n;
    op.skipGroup = group;
    t_.ops.push_back(op);
}

void OpList::attention(Role role, uint64_t batch, uint64_t mq, uint64_t mk, uint64_t d) {
    OpTemplate qk;
    qk.kind = OpKind::AttentionQK;
    qk.role = role;
    qk.m = mq, qk.k = d, qk.n = mk, qk.batch = batch;
    qk.inputElems = batch * (mq + mk) * d, qk.outputElems = batch * mq * mk;
    t_.ops.push_back(qk);
    rowwise(OpKind::Softmax, role, batch * mq, mk);
    OpTemplate av;
    av.kind = OpKind::AttentionAV;
    av.role = role;
    av.m = mq, av.k = mk, av.n = d, av.batch = batch;
    av.inputElems = batch * mq * mk + batch * mk * d, av.outputElems = batch * mq * d;
    t_.ops.push_back(av);
}

void OpList::rowwise(OpKind kind, Role role, uint64_t rows, uint64_t width) {
    OpTemplate op;
    op.kind = kind;
    op.role = role;
    op.m = rows, op.k = 1, op.n = width;
    // A residual add reads two tensors; the others read one (plus tiny parameters).
    op.inputElems = rows * width * (kind == OpKind::Residual ? 2 : 1);
    op.outputElems = rows * width;
    t_.ops.push_back(op);
}

}  // namespace vgm::workload
