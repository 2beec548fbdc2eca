// vgmsim sweep-merge: join the folders of a sharded sweep into one.
#include <iostream>

#include "app/ArgParse.h"
#include "dse/Merge.h"

namespace vgm::app {

int sweepMergeCommand(const Args& args) {
    po::options_description opts("options");
    std::vector<std::string> inputs;
    std::string out;
    opts.add_options()("out,o", po::value(&out)->required(), "merged output folder (new, or an earlier merge of this sweep)")(
        "inputs", po::value(&inputs)->required(), "shard folders");
    po::positional_options_description pos;
    pos.add("inputs", -1);
    po::variables_map vm;
    if (!parseArgs("sweep-merge", "--out DIR SHARD_DIR...", args, opts, vm, &pos)) return 0;
    const dse::MergeSummary s = dse::mergeShards(inputs, out);
    std::cout << "sweep-merge " << out << ": " << s.shards << " shards, " << s.points << " points, " << s.copied
              << " point folders copied";
    if (s.missing) std::cout << ", " << s.missing << " never ran";
    std::cout << "\n";
    return 0;
}

}  // namespace vgm::app
