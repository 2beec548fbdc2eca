#include "workload/TraceBounds.h"

#include "common/Error.h"

namespace vgm::workload {

namespace {
using u128 = unsigned __int128;

std::string u128Text(u128 v) {
    if (v == 0) return "0";
    std::string s;
    for (; v; v /= 10) s.insert(s.begin(), char('0' + int(v % 10)));
    return s;
}

// m x k x n x batch of one operator, computed without wrapping.
u128 opWork(const OpTemplate& op) { return u128(op.m) * op.k * op.n * op.batch; }
}  // namespace

void checkTraceBounds(const TraceSpec& spec, const std::string& file) {
    for (const auto& t : spec.templates)
        for (size_t i = 0; i < t.ops.size(); ++i) {
            const OpTemplate& op = t.ops[i];
            const std::string where = "templates." + t.name + ".ops[" + std::to_string(i) + "]";
            const std::pair<const char*, uint64_t> dims[] = {{"m", op.m}, {"k", op.k}, {"n", op.n}, {"batch", op.batch}};
            for (const auto& [key, v] : dims)
                if (v > kMaxOpDim)
                    throwInput(file, where + "." + key,
                               std::to_string(v) + " is too large; allowed: at most 2^31 = " + std::to_string(kMaxOpDim));
            const std::pair<const char*, uint64_t> elems[] = {
                {"in", op.inputElems}, {"w", op.weightElems}, {"out", op.outputElems}};
            for (const auto& [key, v] : elems)
                if (v > kMaxOpElems)
                    throwInput(file, where + "." + key,
                               std::to_string(v) + " elements is too many; allowed: at most 2^40 = " +
                                   std::to_string(kMaxOpElems));
            if (opWork(op) > kMaxTraceMacs)
                throwInput(file, where,
                           "m x k x n x batch = " + u128Text(opWork(op)) +
                               " MACs is too much work; allowed: at most 2^60 = " + std::to_string(kMaxTraceMacs));
        }
    u128 work = 0, ops = 0;
    for (const auto& e : spec.sequence) {
        const BlockTemplate* t = spec.findTemplate(e.tmpl);
        if (!t) continue;  // reported by the structure checks
        ops += t->ops.size();
        for (const auto& op : t->ops) work += opWork(op);  // each < 2^60, at most 2^40 of them: no wrap
    }
    work *= spec.steps;
    ops *= spec.steps;
    if (ops > kMaxTraceOps)
        throwInput(file, "sequence",
                   u128Text(ops) + " operators over " + std::to_string(spec.steps) +
                       " steps are too many; allowed: at most " + std::to_string(kMaxTraceOps));
    if (work > kMaxTraceMacs)
        throwInput(file, "sequence",
                   u128Text(work) + " MACs over " + std::to_string(spec.steps) +
                       " steps is more work than the simulator's 64-bit counters take; allowed: at most 2^60 = " +
                       std::to_string(kMaxTraceMacs));
}

}  // namespace vgm::workload
