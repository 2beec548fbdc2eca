#include "workload/TraceTotals.h"

namespace vgm::workload {

TraceTotals computeTotals(const Trace& trace) {
    TraceTotals t;
    std::vector<RoleTotals> byRole(static_cast<size_t>(Role::Other) + 1);
    for (const Operator& op : trace.ops) {
        RoleTotals& r = byRole[static_cast<size_t>(op.role)];
        r.role = op.role;
        ++r.ops;
        r.denseMacs += op.denseMacs();
        r.skippableMacs += op.skippedMacs();
        r.skippedRows += op.skippedRows();
        ++t.ops;
        t.denseMacs += op.denseMacs();
        t.skippableMacs += op.skippedMacs();
        if (op.step == 0) t.perForwardMacs += op.denseMacs();
    }
    for (const auto& r : byRole)
        if (r.ops) t.roles.push_back(r);
    return t;
}

Json totalsJson(const TraceTotals& t) {
    Json j = Json::object();
    j["operators"] = t.ops;
    j["macs"] = Json{{"dense", t.denseMacs},
                     {"per_forward", t.perForwardMacs},
                     {"skippable", t.skippableMacs},
                     {"after_skipping", t.denseMacs - t.skippableMacs}};
    Json roles = Json::object();
    for (const auto& r : t.roles)
        roles[toString(r.role)] = Json{{"operators", r.ops},
                                       {"macs", {{"dense", r.denseMacs}, {"skippable", r.skippableMacs}}},
                                       {"skipped_rows", r.skippedRows}};
    j["roles"] = roles;
    return j;
}

}  // namespace vgm::workload
