#pragma once
// --shard I/N: the I-th of N deterministic slices of a plan. Runnable points
// are dealt round-robin in plan order, so neighbouring (similarly expensive)
// points spread over all shards; filtered and invalid points belong to every
// shard's results (they cost nothing) and merge back once.
#include <cstdint>
#include <string>
#include <vector>

#include "dse/Plan.h"

namespace vgm::dse {

struct Shard {
    size_t index = 1, count = 1;  // 1-based
    std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// Parses "I/N" (1 <= I <= N); InputError otherwise.
// More shards than this is no longer a sweep on many machines but a typo
// (and sweep-merge sizes its bookkeeping by it).
constexpr uint64_t kMaxShards = 100000;

Shard parseShard(const std::string& text);

// Plan indices of the runnable points in this shard.
std::vector<size_t> shardPoints(const Plan& plan, const Shard& shard);

// Plan indices this shard reports: its runnable points plus every point that
// does not run, in plan order.
std::vector<size_t> shardRows(const Plan& plan, const Shard& shard);

}  // namespace vgm::dse
