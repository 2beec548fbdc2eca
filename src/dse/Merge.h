#pragma once
// `vgmsim sweep-merge`: joins shard folders of one sweep into one folder
// that is byte-identical to what the unsharded sweep writes.
#include <string>
#include <vector>

namespace vgm::dse {

struct MergeSummary {
    size_t shards = 0, points = 0, copied = 0, missing = 0;
};

// Checks that every input holds the same plan and that together they are
// shards 1..N exactly once; copies each runnable point's folder from the
// shard that owns it; writes sweep.json (shard 1/1) and the results.
MergeSummary mergeShards(const std::vector<std::string>& inputs, const std::string& outDir);

}  // namespace vgm::dse
