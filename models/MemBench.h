#pragma once
// The membench entry point from the CLI: drives the memory system (NoC +
// HBM) alone with synthetic or STL traffic. No SystemC types here.
#include <string>

#include "common/Json.h"
#include "config/Config.h"
#include "timing/memory/Traffic.h"

namespace vgm::models {

struct MemBenchOptions {
    memory::TrafficOptions traffic;
    uint32_t outstanding = 16;  // per initiator
    std::string stlPath;        // non-empty: replay this trace instead
    double stlClockMhz = 1000.0;
};

struct MemBenchResult {
    Json report;          // the membench.json document
    std::string summary;  // one line
};

// Elaborates, runs to completion, reports. Call at most once per process.
MemBenchResult runMemBench(const config::Config& cfg, const MemBenchOptions& opts);

}  // namespace vgm::models
