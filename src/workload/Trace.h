#pragma once
// A whole inference as the simulator consumes it: header + expanded operator list.
#include <cstdint>
#include <string>
#include <vector>

#include "common/Json.h"
#include "workload/Operator.h"

namespace vgm::workload {

struct TraceHeader {
    std::string formatVersion;
    std::string model;             // "dit-xl-2", "stdit3-xl-2", "latte-xl-2", "gemm"
    std::string provenance;        // "dense", "measured", "stat", "masks"
    Json fields = Json::object();  // every other header field, as in the file
};

struct Trace {
    std::string name;  // file stem
    std::string file;  // path as read
    std::string hash;  // content hash as stored/verified
    TraceHeader header;
    std::vector<Operator> ops;
    uint32_t steps = 0;
};

// Reads and validates a trace file; InputError naming the file and the
// operator index or byte offset on any defect.
Trace readTrace(const std::string& path);

}  // namespace vgm::workload
