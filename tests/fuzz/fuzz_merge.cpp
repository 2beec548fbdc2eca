// sweep-merge inputs: a shard's sweep.json (plan + shard) and a point's
// status.json, split at "\n@@@\n"; merged into a fresh folder each run.
#include <filesystem>

#include "FuzzUtil.h"
#include "common/JsonParse.h"
#include "dse/Merge.h"
#include "dse/Plan.h"
#include "dse/Results.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace vgm;
    namespace fs = std::filesystem;
    const auto p = fuzz::split(std::string_view(reinterpret_cast<const char*>(data), size), "\n@@@\n", 2);
    const std::string in = fuzz::scratch() + "/shard", out = fuzz::scratch() + "/merged";
    fs::remove_all(in);
    fs::remove_all(out);
    fs::create_directories(in);
    fuzz::writeScratch("shard/sweep.json", p[0]);
    // The plan's first points get the status.json (ids are known once it parses).
    if (p.size() > 1) {
        try {
            Json doc = parseJsonInput(p[0], "sweep.json");
            if (doc.is_object()) doc.erase("shard");
            const dse::Plan plan = dse::Plan::fromJson(doc, "sweep.json");
            for (size_t i = 0; i < plan.points.size() && i < 4; ++i) {
                const std::string dir = dse::pointDir(in, plan.points[i]);
                fs::create_directories(dir);
                std::ofstream(dir + "/status.json", std::ios::binary) << p[1];
            }
        } catch (const InputError&) {
        }
    }
    fuzz::expectOnlyInputErrors([&] { (void)dse::mergeShards({in}, out); });
    return 0;
}
