// vgmsim check: rerun the golden config x trace pairs; exit 1 if a report moved.
#include <cstdio>
#include <iostream>

#include "app/ArgParse.h"
#include "common/Error.h"
#include "dse/GoldenCheck.h"
#include "dse/SelfExe.h"

namespace vgm::app {

int checkCommand(const Args& args) {
    po::options_description opts("options");
    dse::CheckOptions o;
    opts.add_options()("golden,g", po::value(&o.goldenDir),
                       "golden folder holding manifest.json (default tests/golden)")(
        "update", "rewrite the goldens that moved (on purpose only) and print what changed")(
        "set", po::value(&o.sets)->composing(), "override a config value in every case (what would move?)")(
        "jobs,j", po::value(&o.jobs), "cases run at a time (default 2)");
    po::variables_map vm;
    if (!parseArgs("check", "[--golden DIR] [--update]", args, opts, vm)) return 0;
    o.update = vm.count("update") > 0;
    if (o.update && !o.sets.empty())
        throw InputError("vgmsim check: --update with --set would store overridden goldens; allowed: one of them");
    o.exe = dse::selfExe();
    const dse::CheckOutcome r = dse::runCheck(o);

    char tol[32];
    std::snprintf(tol, sizeof tol, "%g", r.relTol);
    std::cout << "check " << o.goldenDir << ": " << r.cases << " cases; integers and strings exact, floats to " << tol
              << " relative\n";
    for (const auto& [name, err] : r.failed) std::cout << "  " << name << ": FAILED to run: " << err << "\n";
    if (!r.moved.empty()) std::cout << dse::changeTable(r.moved);
    if (o.update) {
        std::cout << (r.moved.empty() ? "check: no golden changed\n"
                                      : "check: rewrote " + std::to_string(r.moved.size()) +
                                            " golden(s); commit them with the reason for the change\n");
        return r.failed.empty() ? 0 : 1;
    }
    if (r.moved.empty() && r.failed.empty()) {
        std::cout << "check: all " << r.cases << " golden reports match\n";
        return 0;
    }
    std::cout << "check: " << r.moved.size() << " of " << r.cases << " cases moved, " << r.failed.size()
              << " failed; if the change is intended, run tools/update_goldens.sh and commit the goldens with a "
                 "reason\n";
    return 1;
}

}  // namespace vgm::app
