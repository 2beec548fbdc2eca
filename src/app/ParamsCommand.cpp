// vgmsim params: the parameter table (from the schema) or a default config.
#include <iostream>

#include "app/ArgParse.h"
#include "common/Error.h"
#include "common/Suggest.h"
#include "config/Config.h"
#include "gpu/GpuSpec.h"

namespace vgm::app {

namespace {

void collect(const config::Section& sec, const std::string& prefix, Json& rows) {
    for (const auto& p : sec.params) {
        rows.push_back(Json{{"path", prefix + p.key},
                            {"type", config::paramTypeName(p.type)},
                            {"unit", p.unit},
                            {"default", p.required ? Json("(required)") : p.def},
                            {"allowed", p.allowedText()},
                            {"description", p.desc}});
    }
    for (const auto& s : sec.sections) collect(s, prefix + s.key + (s.isArray ? "[]." : "."), rows);
}

}  // namespace

int paramsCommand(const Args& args) {
    po::options_description opts("options");
    std::string component;
    opts.add_options()
        ("component", po::value(&component), "only this top-level section (e.g. dsp, memory), or gpu: the GPU preset schema")
        ("skeleton", "print a complete config with every default (a valid config)")
        ("json", "print the table as JSON");
    po::positional_options_description pos;
    pos.add("component", 1);
    po::variables_map vm;
    if (!parseArgs("params", "[COMPONENT] [--skeleton] [--json]", args, opts, vm, &pos)) return 0;

    const config::Section& root = config::configSchema();
    // GPU baseline presets (configs/gpu/*.json) have their own schema, listed as gpu:<path>.
    const bool gpuOnly = component == "gpu";
    if (gpuOnly && vm.count("skeleton")) {
        std::cout << dumpJson(gpu::gpuFromJson(Json::object(), "(defaults)").resolved);
        return 0;
    }
    if (gpuOnly) component.clear();
    if (vm.count("skeleton")) {
        std::cout << dumpJson(config::Config::fromJson(Json::object(), "(defaults)").resolved());
        return 0;
    }
    Json rows = Json::array();
    if (component.empty()) {
        if (!gpuOnly) collect(root, "", rows);
        collect(gpu::gpuSchema(), "gpu:", rows);
    } else {
        const config::Section* s = root.findSection(component);
        if (!s)
            throw InputError("vgmsim params: unknown component '" + component + "'" +
                             didYouMean(component, root.keys()) + "; allowed: " + joinNames(root.keys()) + ", gpu");
        collect(*s, component + (s->isArray ? "[]." : "."), rows);
    }
    if (vm.count("json")) {
        std::cout << dumpJson(rows);
        return 0;
    }
    for (const auto& r : rows) {
        std::string unit = r["unit"].get<std::string>();
        std::cout << r["path"].get<std::string>() << "  (" << r["type"].get<std::string>()
                  << (unit.empty() ? "" : ", " + unit) << ")  default " << r["default"].dump() << "\n"
                  << "    " << r["description"].get<std::string>() << "\n"
                  << "    allowed: " << r["allowed"].get<std::string>() << "\n";
    }
    return 0;
}

}  // namespace vgm::app
