#include "power/ClockLimits.h"

#include <algorithm>
#include <cstdio>

#include "timing/compute/ComputeSpec.h"
#include "timing/sparsity/SparsitySpec.h"

namespace vgm::power {

namespace {
bool isFloat(timing::Precision p) { return p == timing::Precision::Fp16 || p == timing::Precision::Fp32; }
}  // namespace

ClockCheck checkClockLimits(const config::Config& cfg) {
    ClockCheck c;
    const std::string part = cfg.root()["device"].str("part");
    const config::View dev = cfg.root()["power"][part];
    c.fabricMhz = cfg.root()["clock"].real("fabric_mhz");
    c.intFmaxMhz = dev.real("dsp_int_fmax_mhz");
    c.fpFmaxMhz = dev.real("dsp_fp_fmax_mhz");
    const timing::ComputeSpec spec = timing::ComputeSpec::fromConfig(cfg);
    std::vector<std::string> intUsers, fpUsers;
    for (const auto& g : spec.groups)
        for (timing::Precision p : spec.policy) {
            if (!g.supports(p)) continue;
            auto& users = isFloat(p) ? fpUsers : intUsers;
            const std::string who = "group " + g.name + " (" + timing::toString(p) + ")";
            if (std::find(users.begin(), users.end(), who) == users.end()) users.push_back(who);
        }
    // The SFU lanes' DSP58s run DSPFP32; the SU's run DSPFP32 (FP16) or INT8 dot mode.
    fpUsers.push_back("the SFU");
    const timing::SparsitySpec sp = timing::SparsitySpec::fromConfig(cfg);
    if (sp.enabled) (sp.suInt8 ? intUsers : fpUsers).push_back("the SU");
    c.usesInt = !intUsers.empty();
    c.usesFp = !fpUsers.empty();
    auto flag = [&](bool used, double fmax, const char* mode, const std::vector<std::string>& users) {
        if (!used || c.fabricMhz <= fmax) return;
        char buf[160];
        std::snprintf(buf, sizeof buf, "clock.fabric_mhz = %g exceeds the DSP58 %s Fmax %g MHz of %s at its speed grade",
                      c.fabricMhz, mode, fmax, part.c_str());
        c.violations.push_back(std::string(buf) + " (used by " + users.front() +
                               (users.size() > 1 ? " and " + std::to_string(users.size() - 1) + " more" : "") + ")");
    };
    flag(c.usesInt, c.intFmaxMhz, "integer", intUsers);
    flag(c.usesFp, c.fpFmaxMhz, "floating-point", fpUsers);
    return c;
}

}  // namespace vgm::power
