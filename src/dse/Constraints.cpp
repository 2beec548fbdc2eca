#include "dse/Constraints.h"

#include <cctype>
#include <memory>

#include "common/Error.h"
#include "common/Text.h"
#include "config/Config.h"
#include "power/Resources.h"

namespace vgm::dse {

std::optional<double> numberAt(const Json& root, const std::string& dotted) {
    const Json* node = &root;
    size_t start = 0;
    while (true) {
        size_t dot = dotted.find('.', start);
        std::string key = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (node->is_object() && node->contains(key)) {
            node = &(*node)[key];
        } else if (node->is_array() && !key.empty() && std::isdigit(static_cast<unsigned char>(key[0]))) {
            const std::optional<uint64_t> i = parseDecimal(key, node->size());
            if (!i || *i >= node->size()) return std::nullopt;
            node = &(*node)[size_t(*i)];
        } else {
            return std::nullopt;
        }
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    if (node->is_number()) return node->get<double>();
    if (node->is_boolean()) return node->get<bool>() ? 1.0 : 0.0;
    return std::nullopt;
}

namespace {

// Everything a constraint may look at for one point; the config is loaded
// only when a constraint needs more than the axis values.
class PointView {
public:
    PointView(const SweepSpec& spec, const Point& p) : spec_(spec), point_(p) {}

    // Throws InputError when the point's config does not load.
    const config::Config& config() {
        if (!cfg_) {
            std::vector<std::string> sets = spec_.sets;
            for (auto& s : point_.setArgs()) sets.push_back(s);
            cfg_ = std::make_unique<config::Config>(config::Config::load(spec_.resolvePath(spec_.baseConfig), sets));
        }
        return *cfg_;
    }
    const power::ResourceEstimate& resources() {
        if (!res_) res_ = std::make_unique<power::ResourceEstimate>(power::estimateResources(config()));
        return *res_;
    }
    std::optional<double> lookup(const std::string& name) {
        for (const auto& [path, value] : point_.sets)
            if (path == name) return numberAt(Json{{"v", value}}, "v");
        if (name.rfind("resources.", 0) == 0) {
            const auto& r = resources();
            const std::string f = name.substr(10);
            if (f == "dsp") return static_cast<double>(r.dsp);
            if (f == "lut") return static_cast<double>(r.lut);
            if (f == "ff") return static_cast<double>(r.ff);
            if (f == "bram36") return static_cast<double>(r.bram36);
            if (f == "uram") return static_cast<double>(r.uram);
            if (f == "fits") return r.fits() ? 1.0 : 0.0;
            return std::nullopt;
        }
        return numberAt(config().resolved(), name);
    }

private:
    const SweepSpec& spec_;
    const Point& point_;
    std::unique_ptr<config::Config> cfg_;
    std::unique_ptr<power::ResourceEstimate> res_;
};

}  // namespace

ConstraintCheck makeConstraintCheck(const SweepSpec& spec) {
    return [&spec](Point& p) {
        if (spec.constraints.empty()) return;
        PointView view(spec, p);
        for (const auto& c : spec.constraints) {
            bool ok;
            try {
                ok = c.fits ? view.resources().fits()
                            : c.expr.eval([&view](const std::string& n) { return view.lookup(n); }) != 0;
            } catch (const InputError& e) {
                if (std::string(e.what()).find(c.where) == 0) throw;  // the constraint itself is wrong
                return;
            }
            if (!ok) {
                p.state = PointState::Filtered;
                p.note = c.fits ? "does not fit the device" : "violates \"" + c.text + "\"";
                return;
            }
        }
    };
}

}  // namespace vgm::dse
