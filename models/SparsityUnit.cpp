#include "models/SparsityUnit.h"

namespace vgm::models {

SparsityUnit::SparsityUnit(stats::Group& root) {
    stats::Group& g = root.group("su", "Sparsification unit: cosine similarity against reference tokens");
    busy_ = &g.counter("busy_cycles", "cycle", "Cycles the SU examined tokens");
    ops_ = &g.counter("ops", "count", "Operators whose tokens the SU examined");
    refLoads_ = &g.counter("reference_loads", "token", "Reference tokens loaded into the reference register");
    candidates_ = &g.counter("candidates", "token", "Tokens compared with a reference (3d MACs each)");
    macs_ = &g.counter("macs", "MAC", "Multiply-adds of the similarity computation");
    bytes_ = &g.counter("bytes_read", "B", "Activation bytes the SU read from its buffer");
}

uint64_t SparsityUnit::run(const timing::OpPlan& p, uint64_t earliest) {
    if (!p.examined || p.suCycles == 0) return earliest;
    const uint64_t start = std::max(earliest, freeAt_);
    freeAt_ = start + p.suCycles;
    busy_->add(p.suCycles);
    ops_->add();
    refLoads_->add(p.su.refLoads);
    candidates_->add(p.su.candidates);
    macs_->add(p.suMacs);
    bytes_->add(p.suBytes);
    return freeAt_;
}

RecoveryUnit::RecoveryUnit(stats::Group& root) {
    stats::Group& g = root.group("ru", "Recovery unit: copies reference output rows to skipped rows");
    busy_ = &g.counter("busy_cycles", "cycle", "Cycles the RU copied rows");
    rows_ = &g.counter("rows", "row", "Output rows copied");
    bytes_ = &g.counter("bytes", "B", "Output buffer bytes read and written by the copies");
}

uint64_t RecoveryUnit::run(const timing::OpPlan& p, uint64_t start) {
    busy_->add(p.ruCycles);
    rows_->add(p.ruRows);
    bytes_->add(p.ruBytes);
    return start + p.ruCycles;
}

}  // namespace vgm::models
