#pragma once
// Synthetic and trace-driven memory traffic for membench: plain request
// lists, generated deterministically (seeded) or read from a DRAMSys STL file.
#include <cstdint>
#include <string>
#include <vector>

namespace vgm::memory {

struct TrafficRequest {
    int64_t atPs = 0;  // earliest issue time (0 = as soon as possible)
    bool write = false;
    uint64_t address = 0;
    uint32_t bytes = 64;
};

struct TrafficOptions {
    std::string pattern = "seq";  // seq | random | strided
    std::string op = "read";      // read | write | mix
    uint64_t requests = 1000;
    uint32_t bytes = 64;
    uint64_t stride = 0;  // strided: bytes between consecutive requests
    uint32_t initiators = 1;
    uint64_t seed = 1;
};

// Request i goes to initiator i % initiators; addresses wrap inside `capacity`.
// InputError (naming the option) when the traffic cannot fit.
std::vector<std::vector<TrafficRequest>> generateTraffic(const TrafficOptions& o, uint64_t capacity);

// DRAMSys STL: "<cycle>: [(<bytes>)] read|write 0x<address> [data]", '#' comments,
// cycles of a clock at clockMhz. InputError "<file>: line N: ..." on bad lines or
// addresses beyond capacity.
std::vector<TrafficRequest> readStl(const std::string& path, double clockMhz, uint32_t defaultBytes, uint64_t capacity);

}  // namespace vgm::memory
