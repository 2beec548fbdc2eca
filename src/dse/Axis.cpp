#include "dse/Axis.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace vgm::dse {

// Rounds away binary noise (0.1 * 3 = 0.30000000000000004) so that values,
// point ids and --set texts read like the spec.
static Json tidy(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.12g", v);
    return Json(std::strtod(buf, nullptr));
}

std::vector<Json> expandRange(const JsonIn& in) {
    in.expectKeys({"start", "stop", "step", "scale"});
    const std::string scale = in.str("scale", "linear");
    if (scale != "linear" && scale != "log") in["scale"].fail("'" + scale + "' is not a scale; allowed: linear, log");
    const double start = in["start"].number(), stop = in["stop"].number(), step = in["step"].number();
    const bool ints = in["start"].json().is_number_integer() && in["step"].json().is_number_integer();
    std::vector<Json> out;
    const double slack = 1e-9 * std::max(std::fabs(start), std::fabs(stop));
    if (scale == "linear") {
        if (step == 0) in["step"].fail("0 never reaches stop; allowed: a non-zero number");
        if ((stop - start) * step < 0) in["step"].fail("moves away from stop; allowed: a step towards stop");
        for (size_t i = 0;; ++i) {
            double v = start + static_cast<double>(i) * step;
            if (step > 0 ? v > stop + slack : v < stop - slack) break;
            if (out.size() == kMaxAxisValues) in.fail("more than 100000 values; allowed: a coarser step");
            int64_t iv = 0;
            if (ints && (__builtin_mul_overflow(static_cast<int64_t>(i), in["step"].integer(), &iv) ||
                         __builtin_add_overflow(in["start"].integer(), iv, &iv)))
                in.fail("value " + std::to_string(i) + " overflows a 64-bit integer; allowed: a range within +-9.2e18");
            out.push_back(ints ? Json(iv) : tidy(v));
        }
        return out;
    }
    if (start <= 0) in["start"].fail("must be > 0 for a log range");
    if (step <= 0 || step == 1) in["step"].fail("is the factor of a log range; allowed: > 0 and not 1");
    if ((stop - start) * (step - 1) < 0) in["step"].fail("moves away from stop; allowed: a factor towards stop");
    double v = start;
    int64_t iv = ints ? in["start"].integer() : 0;
    while (step > 1 ? v <= stop + slack : v >= stop - slack) {
        if (out.size() == kMaxAxisValues) in.fail("more than 100000 values; allowed: a larger factor");
        out.push_back(ints ? Json(iv) : tidy(v));
        v *= step;
        if (ints && __builtin_mul_overflow(iv, in["step"].integer(), &iv) && step > 1 && v <= stop + slack)
            in.fail("value " + std::to_string(out.size()) +
                    " overflows a 64-bit integer; allowed: a range within +-9.2e18");
    }
    return out;
}

static AxisMember parseMember(const JsonIn& in, bool allowName) {
    std::vector<std::string> keys = {"path", "values", "range"};
    if (allowName) keys.push_back("name");
    in.expectKeys(keys);
    AxisMember m;
    m.path = in["path"].str();
    if (m.path.empty() || m.path.front() == '.' || m.path.back() == '.')
        in["path"].fail("'" + m.path + "' is not a config path; allowed: dotted keys such as clock.fabric_mhz");
    if (in.has("values") == in.has("range")) in.fail("needs exactly one of 'values' or 'range'");
    if (in.has("values")) {
        JsonIn v = in["values"];
        v.expectArray(1);
        for (size_t i = 0; i < v.size(); ++i) m.values.push_back(v.at(i).json());
    } else {
        m.values = expandRange(in["range"]);
        if (m.values.empty()) in["range"].fail("gives no values");
    }
    return m;
}

Axis parseAxis(const JsonIn& in) {
    Axis a;
    if (in.has("tied")) {
        in.expectKeys({"name", "tied"});
        JsonIn tied = in["tied"];
        tied.expectArray(2);
        for (size_t i = 0; i < tied.size(); ++i) {
            a.members.push_back(parseMember(tied.at(i), false));
            if (a.members.back().values.size() != a.members.front().values.size())
                tied.at(i).fail("has " + std::to_string(a.members.back().values.size()) + " values but " +
                                tied.at(0).path() + " has " + std::to_string(a.members.front().values.size()) +
                                "; allowed: tied paths with equally many values");
        }
    } else {
        a.members.push_back(parseMember(in, true));
    }
    for (const auto& m : a.members) a.name += (a.name.empty() ? "" : "+") + m.path;
    if (in.has("name")) a.name = in["name"].str();
    return a;
}

}  // namespace vgm::dse
