// Skip section decoding (with each record tied to its operator for errors)
// and expansion of the compact form into the simulator's operator list.
#include <unordered_map>

#include "common/Error.h"
#include "workload/MaskChain.h"
#include "workload/Rng.h"
#include "workload/SkipCodec.h"
#include "workload/TraceGeometry.h"
#include "workload/TraceSpec.h"
#include "workload/Windows.h"

namespace vgm::workload {

namespace {
// Where record r of a step lives: its template's op that first uses the group.
struct Site {
    uint64_t opIndex;  // within the step
    const OpTemplate* op;
    const SkipGroup* group;
    uint32_t block;
};

std::vector<Site> stepSites(const TraceSpec& spec, uint64_t& opsPerStep) {
    std::vector<Site> sites;
    opsPerStep = 0;
    for (const auto& e : spec.sequence) {
        const BlockTemplate* t = spec.findTemplate(e.tmpl);
        for (const auto& g : t->groups)
            for (size_t i = 0; i < t->ops.size(); ++i)
                if (t->ops[i].skipGroup == g.name) {
                    sites.push_back({opsPerStep + i, &t->ops[i], &g, e.block});
                    break;
                }
        opsPerStep += t->ops.size();
    }
    return sites;
}

std::string siteName(const std::vector<Site>& sites, uint64_t opsPerStep, uint64_t rec) {
    const Site& s = sites[rec % sites.size()];
    uint64_t step = rec / sites.size();
    return "skip record " + std::to_string(rec) + " (operator " + std::to_string(step * opsPerStep + s.opIndex) +
           ", s" + std::to_string(step) + ".b" + std::to_string(s.block) + "." + toString(s.op->role) + ")";
}
}  // namespace

void decodeSkipSection(TraceSpec& spec, const std::string& bytes, size_t begin, size_t end, const std::string& file) {
    uint64_t opsPerStep = 0;
    std::vector<Site> sites = stepSites(spec, opsPerStep);
    bool dense = spec.header["sparsity"]["source"] == "dense";
    if (dense || sites.empty()) {
        if (begin != end)
            throwInput(file, "byte " + std::to_string(begin),
                       dense ? "a dense trace (sparsity.source \"dense\") must have an empty skip section"
                             : "skip section present but no template declares a skip group");
        return;
    }
    TokenGrid grid;
    uint64_t batch = 0;
    bool haveGrid = gridFromHeader(spec.header, grid, batch);
    uint64_t total = uint64_t(spec.steps) * sites.size();
    spec.skips.resize(total);
    ByteReader r(bytes, begin, end);
    for (uint64_t i = 0; i < total; ++i) {
        size_t at = r.pos();
        const Site& site = sites[i % sites.size()];
        auto fail = [&](size_t off, const std::string& msg) {
            throwInput(file, "byte " + std::to_string(off), siteName(sites, opsPerStep, i) + ": " + msg);
        };
        if (r.atEnd())
            fail(at, "truncated skip section: " + std::to_string(total) + " records expected (" +
                         std::to_string(spec.steps) + " steps x " + std::to_string(sites.size()) +
                         " skip groups), found " + std::to_string(i));
        SkipRecord& rec = spec.skips[i];
        try {
            int64_t same = decodeSkipRecord(r, rec);
            if (same >= 0) {
                if (uint64_t(same) >= i || spec.skips[same].kind != SkipRecord::Kind::Explicit)
                    fail(at, "'same as record " + std::to_string(same) + "' must name an earlier explicit record");
                rec = spec.skips[same];
            }
        } catch (const SkipDecodeError& e) {
            fail(e.offset, e.message);
        }
        if (rec.kind == SkipRecord::Kind::Explicit && rec.period * rec.repeat != site.op->m)
            fail(at, "skip set covers " + std::to_string(rec.period) + " x " + std::to_string(rec.repeat) +
                         " rows but the operator has m = " + std::to_string(site.op->m));
        if (rec.kind == SkipRecord::Kind::Count) {
            WindowKind wk;
            parseWindowKind(site.group->window, wk);
            if (!haveGrid || grid.tokens() * batch != site.op->m)
                fail(at, "a count record needs the header's latent grid x batch to equal m = " +
                             std::to_string(site.op->m));
            uint64_t cap = unitCapacity(grid, wk);
            if (rec.perUnit > cap)
                fail(at, "skip count " + std::to_string(rec.perUnit) + " exceeds the " + std::to_string(cap) +
                             " candidates per unit of window " + site.group->window);
        }
    }
    if (!r.atEnd())
        throwInput(
            file, "byte " + std::to_string(r.pos()),
            std::to_string(end - r.pos()) + " bytes left after the last of " + std::to_string(total) + " skip records");
}

namespace {

Trace expand(const TraceSpec& spec, const std::string& file, TraceSpec* release) {
    Trace tr;
    size_t slash = file.find_last_of('/');
    tr.name = file.substr(slash == std::string::npos ? 0 : slash + 1);
    tr.name = tr.name.substr(0, tr.name.find('.'));
    tr.file = file;
    tr.hash = spec.contentHash;
    tr.header.formatVersion = std::to_string(kTraceFormatVersion);
    tr.header.model = spec.header.value("model", "");
    tr.header.provenance = spec.header["sparsity"].value("source", "dense");
    tr.header.fields = spec.header;
    tr.steps = spec.steps;
    TokenGrid grid;
    uint64_t batch = 0;
    gridFromHeader(spec.header, grid, batch);
    uint64_t seed = spec.header["sparsity"].value("seed", uint64_t(0));
    // Count records of one (block, group) slot form a step-correlated chain (MaskChain.h);
    // traces without "persistence" were drawn independently per step.
    const Json& pj = spec.header["sparsity"].contains("persistence") ? spec.header["sparsity"]["persistence"] : Json(0.0);
    if (!pj.is_number() || !(pj.get<double>() >= 0 && pj.get<double>() <= 1))
        throwInput(file, "sparsity.persistence", jsonBrief(pj) + " not allowed; allowed: a probability in [0, 1]");
    const double persistence = pj.get<double>();
    // The detector the masks follow (absent: "paper", see maskDetector).
    if (spec.header["sparsity"].contains("detector")) {
        const Json& dj = spec.header["sparsity"]["detector"];
        if (!dj.is_string() || (dj != "paper" && dj != "artifact"))
            throwInput(file, "sparsity.detector", jsonBrief(dj) + " not allowed; allowed: \"paper\", \"artifact\"");
        if (tr.header.provenance == "dense")
            throwInput(file, "sparsity.detector", "a dense trace has no masks to tag; allowed: no sparsity.detector");
    }
    std::vector<MaskChain> chains(spec.groupsPerStep());
    std::unordered_map<const SkipSet*, std::shared_ptr<const SkipSet>> expanded;
    uint64_t opsPerStep = 0;
    for (const auto& e : spec.sequence) opsPerStep += spec.findTemplate(e.tmpl)->ops.size();
    tr.ops.reserve(opsPerStep * spec.steps);
    size_t rec = 0;
    std::vector<std::shared_ptr<const SkipSet>> groupSets;
    for (uint32_t step = 0; step < spec.steps; ++step)
        for (const auto& e : spec.sequence) {
            const BlockTemplate& t = *spec.findTemplate(e.tmpl);
            groupSets.assign(t.groups.size(), nullptr);
            for (size_t g = 0; g < t.groups.size() && !spec.skips.empty(); ++g, ++rec) {
                const SkipRecord& r = spec.skips[rec];
                if (r.kind == SkipRecord::Kind::Explicit) {
                    auto& slot = expanded[r.base.get()];
                    if (!slot)
                        slot = r.repeat == 1
                                   ? r.base
                                   : std::make_shared<const SkipSet>(repeatSkips(*r.base, r.period, r.repeat));
                    groupSets[g] = slot;
                    if (release && r.repeat != 1) release->skips[rec].base.reset();  // r.base is spent
                } else if (r.kind == SkipRecord::Kind::Count && r.perUnit > 0) {
                    WindowKind wk;
                    parseWindowKind(t.groups[g].window, wk);
                    SkipSet base = chains[rec % chains.size()].next(grid, wk, r.perUnit, mixSeed(seed, rec), persistence);
                    groupSets[g] = std::make_shared<const SkipSet>(repeatSkips(base, grid.tokens(), batch));
                }
            }
            for (const auto& o : t.ops) {
                Operator op;
                op.kind = o.kind;
                op.role = o.role;
                op.precision = o.precision;
                op.step = step;
                op.block = e.block;
                op.m = o.m, op.k = o.k, op.n = o.n, op.batch = o.batch;
                op.inputElems = o.inputElems, op.weightElems = o.weightElems, op.outputElems = o.outputElems;
                for (size_t g = 0; g < t.groups.size(); ++g)
                    if (!o.skipGroup.empty() && t.groups[g].name == o.skipGroup) {
                        op.skip = groupSets[g];
                        WindowKind wk;
                        if (parseWindowKind(t.groups[g].window, wk)) op.skipWindow = wk;
                    }
                tr.ops.push_back(std::move(op));
            }
        }
    return tr;
}

}  // namespace

Trace expandTrace(const TraceSpec& spec, const std::string& file) { return expand(spec, file, nullptr); }

Trace expandTraceReleasing(TraceSpec& spec, const std::string& file) { return expand(spec, file, &spec); }

}  // namespace vgm::workload
