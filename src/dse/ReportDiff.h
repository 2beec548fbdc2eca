#pragma once
// Field-by-field comparison of two reports for the golden check: integers
// and strings must be equal, floating-point numbers equal to a relative
// tolerance (they go through libm and summation order; cycle counts do not).
#include <string>
#include <vector>

#include "common/Json.h"

namespace vgm::dse {

struct FieldChange {
    std::string field;  // "cycles.total", "layers[3].cycles"
    std::string oldText, newText;
    std::string delta;  // "+1.250%", "" when not numeric
};

// Fields listed in `ignore` (dotted top-level paths, e.g. vgmsim_version)
// are skipped.
std::vector<FieldChange> diffReports(const Json& expected, const Json& actual, double relTol,
                                     const std::vector<std::string>& ignore);

// An aligned table: case | field | old | new | delta; at most `maxRows` rows
// per case, then "... N more".
struct CaseChanges {
    std::string name;
    std::vector<FieldChange> changes;
};
std::string changeTable(const std::vector<CaseChanges>& cases, size_t maxRows = 30);

}  // namespace vgm::dse
