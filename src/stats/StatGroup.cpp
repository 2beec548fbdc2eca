#include "stats/StatGroup.h"

#include <stdexcept>

namespace vgm::stats {

Counter& Group::counter(const std::string& name, const std::string& unit, const std::string& desc) {
    for (auto& c : counters_)
        if (c.name == name) return c;
    counters_.push_back(Counter{name, unit, desc, 0});
    order_.emplace_back(Kind::Counter, counters_.size() - 1);
    return counters_.back();
}

Scalar& Group::scalar(const std::string& name, const std::string& unit, const std::string& desc) {
    for (auto& s : scalars_)
        if (s.name == name) return s;
    scalars_.push_back(Scalar{name, unit, desc, 0.0});
    order_.emplace_back(Kind::Scalar, scalars_.size() - 1);
    return scalars_.back();
}

Group& Group::group(const std::string& name, const std::string& desc) {
    for (auto& g : groups_)
        if (g.name_ == name) return g;
    groups_.emplace_back(name, desc);
    order_.emplace_back(Kind::Group, groups_.size() - 1);
    return groups_.back();
}

const Group* Group::findGroup(const std::string& name) const {
    for (const auto& g : groups_)
        if (g.name_ == name) return &g;
    return nullptr;
}

const Counter* Group::findCounter(const std::string& path) const {
    auto dot = path.find('.');
    if (dot == std::string::npos) {
        for (const auto& c : counters_)
            if (c.name == path) return &c;
        return nullptr;
    }
    const Group* g = findGroup(path.substr(0, dot));
    return g ? g->findCounter(path.substr(dot + 1)) : nullptr;
}

Json Group::toJson() const {
    Json out = Json::object();
    for (const auto& [kind, i] : order_) {
        switch (kind) {
            case Kind::Counter: out[counters_[i].name] = counters_[i].value; break;
            case Kind::Scalar: out[scalars_[i].name] = scalars_[i].value; break;
            case Kind::Group: out[groups_[i].name_] = groups_[i].toJson(); break;
        }
    }
    return out;
}

Json Group::describe(const std::string& prefix) const {
    Json out = Json::array();
    for (const auto& [kind, i] : order_) {
        if (kind == Kind::Group) {
            for (auto& e : groups_[i].describe(prefix + groups_[i].name_ + ".")) out.push_back(e);
            continue;
        }
        const auto& n = kind == Kind::Counter ? counters_[i].name : scalars_[i].name;
        const auto& u = kind == Kind::Counter ? counters_[i].unit : scalars_[i].unit;
        const auto& d = kind == Kind::Counter ? counters_[i].desc : scalars_[i].desc;
        out.push_back(Json{{"name", prefix + n}, {"unit", u}, {"description", d}});
    }
    return out;
}

}  // namespace vgm::stats
