#pragma once
// The statistics tree: modules register raw counters (name, unit,
// description) and keep references to them; derived values are set once at
// the end. toJson() walks the tree in registration order.
#include <cstdint>
#include <deque>
#include <string>

#include "common/Json.h"

namespace vgm::stats {

struct Counter {
    std::string name, unit, desc;
    uint64_t value = 0;
    void add(uint64_t n = 1) { value += n; }
};

struct Scalar {  // a derived value, computed once after simulation
    std::string name, unit, desc;
    double value = 0.0;
};

class Group {
public:
    explicit Group(std::string name = "", std::string desc = "") : name_(std::move(name)), desc_(std::move(desc)) {}
    Counter& counter(const std::string& name, const std::string& unit, const std::string& desc);
    Scalar& scalar(const std::string& name, const std::string& unit, const std::string& desc);
    Group& group(const std::string& name, const std::string& desc = "");

    const std::string& name() const { return name_; }
    const Counter* findCounter(const std::string& dottedPath) const;  // "hbm.pc0.bytes_read"
    const Group* findGroup(const std::string& name) const;

    // {"counter": value, ..., "subgroup": {...}}; values only, schema in describe().
    Json toJson() const;
    // Flat list of {"name": "a.b.c", "unit": ..., "description": ...} for every entry.
    Json describe(const std::string& prefix = "") const;

private:
    enum class Kind { Counter, Scalar, Group };
    std::string name_, desc_;
    std::deque<Counter> counters_;
    std::deque<Scalar> scalars_;
    std::deque<Group> groups_;
    std::deque<std::pair<Kind, size_t>> order_;
};

}  // namespace vgm::stats
