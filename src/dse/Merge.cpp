#include "dse/Merge.h"

#include <filesystem>

#include "common/Error.h"
#include "common/Files.h"
#include "dse/JsonIn.h"
#include "dse/Results.h"
#include "dse/Shard.h"
#include "dse/SweepRunner.h"

namespace vgm::dse {

namespace fs = std::filesystem;

MergeSummary mergeShards(const std::vector<std::string>& inputs, const std::string& outDir) {
    if (inputs.empty()) throw InputError("sweep-merge: no input folders; allowed: one or more shard folders");
    const std::string outAbs = fs::absolute(outDir).lexically_normal().string();
    Json planJson;
    std::vector<std::string> byShard;  // shard index - 1 -> folder
    size_t count = 0;
    for (const auto& in : inputs) {
        if (fs::absolute(in).lexically_normal() == outAbs)
            throwInput(in, "", "is also the --out folder; allowed: a new folder");
        const std::string file = in + "/sweep.json";
        Json doc = JsonIn::parseFile(file);
        JsonIn j(doc, file);
        Shard sh;
        try {
            sh = parseShard(j["shard"].str());
        } catch (const InputError& e) {
            j["shard"].fail(e.what());
        }
        doc.erase("shard");
        if (planJson.is_null()) {
            planJson = doc;
            count = sh.count;
            byShard.assign(count, "");
        } else if (doc != planJson) {
            throwInput(file, "",
                       "holds a different sweep than " + inputs.front() +
                           " (spec, base config or traces differ); allowed: shards of one sweep");
        } else if (sh.count != count) {
            throwInput(file, "/shard",
                       "is " + sh.text() + " but " + inputs.front() + " has " + std::to_string(count) + " shards");
        }
        if (!byShard[sh.index - 1].empty())
            throwInput(file, "/shard", sh.text() + " is also in " + byShard[sh.index - 1]);
        byShard[sh.index - 1] = in;
    }
    std::string absent;
    size_t nAbsent = 0;
    for (size_t i = 0; i < count; ++i)
        if (byShard[i].empty() && ++nAbsent <= 10)  // the first ten name them; the rest are counted
            absent += (absent.empty() ? "" : ", ") + std::to_string(i + 1) + "/" + std::to_string(count);
    if (nAbsent > 10) absent += " and " + std::to_string(nAbsent - 10) + " more";
    if (!absent.empty())
        throw InputError("sweep-merge: shard(s) " + absent + " missing; allowed: all " + std::to_string(count) +
                         " shards of the sweep");

    const Plan plan = Plan::fromJson(planJson, inputs.front() + "/sweep.json");
    const Shard whole;
    if (fs::exists(outAbs + "/sweep.json")) {  // a re-run merge may refresh its own earlier output
        Json prev = JsonIn::parseFile(outAbs + "/sweep.json");
        prev.erase("shard");
        if (prev != planJson)
            throwInput(outDir, "", "already holds a different sweep; allowed: a new folder or a merge of this sweep");
    }
    MergeSummary sum;
    sum.shards = count;
    sum.points = plan.points.size();
    for (size_t s = 0; s < count; ++s) {
        for (size_t i : shardPoints(plan, Shard{s + 1, count})) {
            const fs::path from = pointDir(byShard[s], plan.points[i]);
            const fs::path to = pointDir(outAbs, plan.points[i]);
            if (!fs::exists(from)) {
                ++sum.missing;
                continue;
            }
            fs::create_directories(to);
            fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
            ++sum.copied;
        }
    }
    writeFileAtomic(outAbs + "/sweep.json", dumpJson(sweepJson(plan, whole)));
    std::vector<size_t> all;
    for (const auto& p : plan.points) all.push_back(p.index);
    writeResults(outAbs, plan, all);
    return sum;
}

}  // namespace vgm::dse
