// Masks written by tools/extract_sparsity.py: explicit skip sets per
// (step, block, skip group) over the operator's m = batch x tokens rows.
#include <map>
#include <tuple>
#include <vector>

#include "common/Error.h"
#include "common/Files.h"
#include "common/Hash.h"
#include "common/JsonParse.h"
#include "workload/JsonFields.h"
#include "workload/Sparsity.h"
#include "workload/TraceGeometry.h"

namespace vgm::workload {

void applyMasks(TraceSpec& spec, const std::string& path, const std::string& detector) {
    std::string text = readTextFile(path);
    Json doc = parseJsonInput(text, path);
    JsonFields f(path);
    f.objectKeys(doc, "",
                 {"format", "version", "model", "tokens", "batch", "steps", "thresholds", "detector", "masks"});
    if (f.str(doc, "format", "") != "vgmsim-masks") f.fail("format", "expected \"vgmsim-masks\"");
    if (f.uint(doc, "version", "") != 1) f.fail("version", "unsupported masks version; this vgmsim reads 1");
    TokenGrid grid;
    uint64_t batch = 0;
    gridFromHeader(spec.header, grid, batch);
    std::string model = spec.header["model"];
    auto expect = [&](const char* key, const Json& want) {
        if (doc[key] != want)
            f.fail(key, "masks are for " + jsonBrief(doc[key]) + " but the trace has " + jsonBrief(want) +
                            "; generate the trace with matching options");
    };
    f.str(doc, "model", "");
    f.uint(doc, "tokens", "", 1);
    f.uint(doc, "batch", "", 1);
    f.uint(doc, "steps", "", 1);
    expect("model", model);
    expect("tokens", grid.tokens());
    expect("batch", batch);
    expect("steps", spec.steps);
    // The model the masks were measured on must have the trace's blocks (a 2-block test model's
    // masks do not describe DiT-XL/2's 28).
    uint64_t blocks = 0;  // sequence entries with skip groups (not the embedder or final layer)
    for (const auto& e : spec.sequence) blocks += spec.findTemplate(e.tmpl)->groups.empty() ? 0 : 1;
    if (doc.contains("detector") && doc["detector"].is_object() && doc["detector"].contains("depth") &&
        doc["detector"]["depth"] != Json(blocks))
        f.fail("detector.depth", "masks were measured on " + model + " with " + jsonBrief(doc["detector"]["depth"]) +
                                     " blocks x " + std::to_string(grid.tokens()) + " tokens but the trace has " +
                                     std::to_string(blocks) + " blocks x " + std::to_string(grid.tokens()) +
                                     " tokens; extract with --depth " + std::to_string(blocks));
    // The masks' detector (extract_sparsity.py runs the paper's; older files do not say).
    std::string algorithm = "paper";
    if (doc.contains("detector") && doc["detector"].is_object() && doc["detector"].contains("algorithm"))
        algorithm = f.str(doc["detector"], "algorithm", "detector");
    if (algorithm != detector)
        f.fail("detector.algorithm", "masks were found by the '" + algorithm + "' detector but --detector is '" +
                                         detector + "'; allowed: --detector " + algorithm);
    uint64_t m = grid.tokens() * batch;
    std::map<std::tuple<uint64_t, uint64_t, std::string>, std::shared_ptr<SkipSet>> byKey;
    const Json& masks = f.array(doc, "masks", "");
    std::vector<uint8_t> skipped(m);
    for (size_t i = 0; i < masks.size(); ++i) {
        std::string p = "masks[" + std::to_string(i) + "]";
        f.objectKeys(masks[i], p, {"step", "block", "group", "rows", "refs"});
        uint64_t step = f.uint(masks[i], "step", p), block = f.uint(masks[i], "block", p);
        std::string group = f.str(masks[i], "group", p);
        const Json &rows = f.array(masks[i], "rows", p), &refs = f.array(masks[i], "refs", p);
        if (rows.size() != refs.size()) f.fail(p, "rows and refs differ in length");
        auto set = std::make_shared<SkipSet>();
        std::fill(skipped.begin(), skipped.end(), 0);
        for (size_t k = 0; k < rows.size(); ++k) {
            std::string rp = p + ".rows[" + std::to_string(k) + "]";
            if (!rows[k].is_number_unsigned() || rows[k].get<uint64_t>() >= m)
                f.fail(rp, "row " + jsonBrief(rows[k]) + " out of range; allowed 0.." + std::to_string(m - 1));
            auto r = rows[k].get<uint32_t>();
            if (!set->rows.empty() && r <= set->rows.back()) f.fail(rp, "rows must be strictly ascending");
            set->rows.push_back(r);
            skipped[r] = 1;
        }
        for (size_t k = 0; k < refs.size(); ++k) {
            std::string rp = p + ".refs[" + std::to_string(k) + "]";
            if (!refs[k].is_number_unsigned() || refs[k].get<uint64_t>() >= m)
                f.fail(rp, "reference " + jsonBrief(refs[k]) + " out of range; allowed 0.." + std::to_string(m - 1));
            if (skipped[refs[k].get<uint64_t>()])
                f.fail(rp, "reference " + refs[k].dump() + " of row " + rows[k].dump() + " is itself skipped");
            set->refs.push_back(refs[k].get<uint32_t>());
        }
        if (!byKey.emplace(std::make_tuple(step, block, group), set).second)
            f.fail(p, "duplicate mask for step " + std::to_string(step) + ", block " + std::to_string(block) +
                          ", group " + group);
    }
    size_t used = 0;
    for (uint32_t step = 0; step < spec.steps; ++step)
        for (const auto& e : spec.sequence)
            for (const auto& g : spec.findTemplate(e.tmpl)->groups) {
                SkipRecord rec;
                auto it = byKey.find(std::make_tuple(uint64_t(step), uint64_t(e.block), g.name));
                if (it != byKey.end()) {
                    ++used;
                    if (!it->second->rows.empty()) {
                        rec.kind = SkipRecord::Kind::Explicit;
                        rec.base = it->second;
                        rec.period = m;
                    }
                }
                spec.skips.push_back(rec);
            }
    if (used != byKey.size())
        f.fail("masks",
               std::to_string(byKey.size() - used) + " masks name a (step, block, group) the trace does not have");
    size_t slash = path.find_last_of('/');
    spec.header["sparsity"] = Json{{"source", "masks"},
                                   {"masks", path.substr(slash == std::string::npos ? 0 : slash + 1)},
                                   {"masks_hash", hashString(text)}};
}

}  // namespace vgm::workload
