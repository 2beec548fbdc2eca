// Sweep spec (axes, ranges, constraints) and constraint expressions. Byte 0:
// even = the rest is a spec file expanded into its points (constraints
// evaluated on the axis values only); odd = the rest is one expression,
// parsed and evaluated with every name worth 3.
#include "FuzzUtil.h"
#include "common/JsonParse.h"
#include "dse/Expr.h"
#include "dse/Plan.h"
#include "dse/SweepSpec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace vgm;
    if (size == 0) return 0;
    const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] % 2) {
        fuzz::expectOnlyInputErrors([&] {
            dse::Expr e = dse::Expr::parse(rest, "constraint");
            (void)e.eval([](const std::string&) { return std::optional<double>(3.0); });
        });
        return 0;
    }
    fuzz::expectOnlyInputErrors([&] {
        Json doc = parseJsonInput(rest, "spec.json");
        dse::SweepSpec spec = dse::SweepSpec::fromJson(doc, fuzz::scratch() + "/spec.json");
        (void)dse::expandPoints(spec, [](dse::Point&) {});
    });
    return 0;
}
