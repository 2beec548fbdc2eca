// vgmsim compare RUN_DIR RUN_DIR... : several runs' headline figures side by
// side (ratios to the first) and per-operator-kind deltas.
#include <iostream>

#include "app/ArgParse.h"
#include "app/Commands.h"
#include "common/Error.h"
#include "report/Compare.h"

namespace vgm::app {

int compareCommand(const Args& args) {
    po::options_description opts("options");
    std::vector<std::string> dirs, metrics;
    opts.add_options()("metric,m", po::value(&metrics)->composing(),
                       "compare only this figure (repeatable): a numeric report path such as cycles.total, "
                       "energy.sfu or stats.sparsity.rows_skipped, busy.<unit> (busy share) or bandwidth_gbs")(
        "transpose", "text with one row per run (and no per-kind table): for many runs")(
        "markdown", "like --transpose, as a Markdown table")(
        "csv", "print CSV (section,name,unit,run,value,ratio_to_first)")("json", "print JSON")(
        "dirs", po::value(&dirs)->required(), "run folders (vgmsim run --out, or sweep points/<id>)");
    po::positional_options_description pos;
    pos.add("dirs", -1);
    po::variables_map vm;
    if (!parseArgs("compare", "RUN_DIR RUN_DIR... [--metric NAME]... [--transpose | --markdown | --csv | --json]", args, opts, vm, &pos))
        return 0;
    if (vm.count("csv") + vm.count("json") + vm.count("markdown") + vm.count("transpose") > 1)
        throw InputError("vgmsim compare: more than one of --transpose, --markdown, --csv, --json; allowed: one");
    const report::Comparison c = report::compareRuns(dirs, metrics);
    if (vm.count("csv"))
        std::cout << report::compareCsv(c);
    else if (vm.count("json"))
        std::cout << dumpJson(report::compareJson(c));
    else if (vm.count("markdown"))
        std::cout << report::compareMarkdown(c);
    else if (vm.count("transpose"))
        std::cout << report::compareTextByRun(c);
    else
        std::cout << report::compareText(c);
    return 0;
}

}  // namespace vgm::app
