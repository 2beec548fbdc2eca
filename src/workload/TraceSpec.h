#pragma once
// The compact form of a trace, as stored in a file: the operator sequence of
// one step is built from block templates; every step repeats it. Skip sets are
// one record per (step, sequence entry, skip group of the template).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/Json.h"
#include "workload/Trace.h"

namespace vgm::workload {

struct OpTemplate {
    OpKind kind = OpKind::Linear;
    Role role = Role::Other;
    PrecisionClass precision = PrecisionClass::Fp16;
    uint64_t m = 0, k = 0, n = 0, batch = 1;
    uint64_t inputElems = 0, weightElems = 0, outputElems = 0;
    std::string skipGroup;  // "" = never sparse; ops naming the same group share one skip set
    bool operator==(const OpTemplate& o) const;
};

struct SkipGroup {
    std::string name;
    std::string window;  // a WindowKind name: how statistical counts are drawn
};

struct BlockTemplate {
    std::string name;
    std::vector<SkipGroup> groups;
    std::vector<OpTemplate> ops;
};

struct SeqEntry {
    std::string tmpl;
    uint32_t block = 0;
};

struct SkipRecord {
    enum class Kind : uint8_t { Dense = 0, Explicit = 1, Count = 2 };
    Kind kind = Kind::Dense;
    // Explicit: `base` over `period` rows, repeated `repeat` times (once per CFG half).
    std::shared_ptr<const SkipSet> base;
    uint64_t period = 0, repeat = 1;
    // Count: rows per window unit, drawn by the reader from the trace's seed.
    uint64_t perUnit = 0;
};

struct TraceSpec {
    Json header = Json::object();  // format, version, model, params, ..., sparsity
    uint32_t steps = 1;
    std::vector<BlockTemplate> templates;
    std::vector<SeqEntry> sequence;  // one step
    std::vector<SkipRecord> skips;   // empty: dense
    std::string contentHash;         // set by decodeTrace
    std::string actBytes;            // activation block (float32 LE); empty: none
    size_t actBegin = 0;             // its file offset, set by decodeTrace

    const BlockTemplate* findTemplate(const std::string& name) const;
    size_t groupsPerStep() const;  // skip records per step
};

constexpr int kTraceFormatVersion = 1;

// File bytes: header line with sizes and hash, JSON, binary skip section.
std::string encodeTrace(const TraceSpec& spec);
void writeTrace(const std::string& path, const TraceSpec& spec);
// Wraps JSON text and skip bytes in a header line with the right hash (tests
// use it to build files that are well sealed but wrong inside).
// `actBytes` non-empty adds " act=<A>" to the header line.
std::string sealTrace(const std::string& json, const std::string& skipBytes, const std::string& actBytes = "");

// Parses and validates structure and skip records; `file` names errors.
TraceSpec decodeTrace(const std::string& bytes, const std::string& file);
// Checks templates/sequence against the model the header describes.
void checkAgainstHeader(const TraceSpec& spec, const std::string& file);
// Expands templates and skip records into the operator list.
Trace expandTrace(const TraceSpec& spec, const std::string& file);
// The same, dropping each explicit skip record's base once it is expanded (readTrace: the
// spec's skips are not used after, and the peak then holds the expanded sets alone).
Trace expandTraceReleasing(TraceSpec& spec, const std::string& file);

}  // namespace vgm::workload
