#include "dse/Shard.h"

#include <cstdlib>

#include "common/Error.h"
#include "common/Text.h"

namespace vgm::dse {

Shard parseShard(const std::string& text) {
    const std::string allowed = "; allowed: I/N with 1 <= I <= N, e.g. 2/8";
    auto slash = text.find('/');
    if (slash == std::string::npos) throw InputError("--shard: '" + text + "' is not I/N" + allowed);
    auto num = [&](const std::string& s) -> size_t {
        const std::optional<uint64_t> v = parseDecimal(s, kMaxShards);
        if (!v && s.find_first_not_of("0123456789") == std::string::npos && !s.empty())
            throw InputError("--shard: " + text + " is out of range; allowed: at most " + std::to_string(kMaxShards) +
                             " shards");
        if (!v) throw InputError("--shard: '" + text + "' is not I/N" + allowed);
        return size_t(*v);
    };
    Shard sh{num(text.substr(0, slash)), num(text.substr(slash + 1))};
    if (sh.count == 0 || sh.index == 0 || sh.index > sh.count)
        throw InputError("--shard: " + text + " is out of range" + allowed);
    return sh;
}

std::vector<size_t> shardPoints(const Plan& plan, const Shard& shard) {
    std::vector<size_t> out;
    size_t rank = 0;
    for (const auto& p : plan.points) {
        if (p.state != PointState::Run) continue;
        if (rank++ % shard.count == shard.index - 1) out.push_back(p.index);
    }
    return out;
}

std::vector<size_t> shardRows(const Plan& plan, const Shard& shard) {
    std::vector<size_t> out;
    size_t rank = 0;
    for (const auto& p : plan.points) {
        if (p.state != PointState::Run || rank++ % shard.count == shard.index - 1) out.push_back(p.index);
    }
    return out;
}

}  // namespace vgm::dse
