#include "timing/memory/Traffic.h"

#include <cmath>
#include <random>
#include <sstream>

#include "common/Error.h"
#include "common/Files.h"

namespace vgm::memory {

std::vector<std::vector<TrafficRequest>> generateTraffic(const TrafficOptions& o, uint64_t capacity) {
    if (o.bytes == 0 || o.bytes > capacity) throwInput("membench", "--bytes", "must be in [1, capacity]");
    if (o.pattern == "strided" && o.stride == 0)
        throwInput("membench", "--stride", "strided pattern needs --stride > 0 (bytes between requests)");
    std::vector<std::vector<TrafficRequest>> out(o.initiators);
    std::mt19937_64 rng(o.seed);
    const uint64_t slots = capacity / o.bytes;  // request-aligned positions
    const uint64_t step = o.pattern == "strided" ? o.stride : o.bytes;
    for (uint64_t i = 0; i < o.requests; ++i) {
        TrafficRequest r;
        r.bytes = o.bytes;
        if (o.pattern == "random") {
            r.address = (rng() % slots) * o.bytes;
        } else {
            r.address = (i * step) % capacity;
            if (r.address + o.bytes > capacity) r.address = 0;
        }
        r.write = o.op == "write" || (o.op == "mix" && (rng() & 1));
        out[i % o.initiators].push_back(r);
    }
    return out;
}

std::vector<TrafficRequest> readStl(const std::string& path, double clockMhz, uint32_t defaultBytes,
                                    uint64_t capacity) {
    std::istringstream in(readTextFile(path));
    std::vector<TrafficRequest> out;
    std::string line;
    const double psPerCycle = 1e6 / clockMhz;
    for (size_t n = 1; std::getline(in, line); ++n) {
        auto bad = [&](const std::string& msg) { throwInput(path, "line " + std::to_string(n), msg); };
        line = line.substr(0, line.find('#'));
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        size_t colon = line.find(':');
        std::string head = line.substr(0, colon);
        std::istringstream f(colon == std::string::npos ? "" : line.substr(colon + 1));
        std::string tok;
        std::istringstream h(head);
        if (colon == std::string::npos || !(h >> tok) || (h >> std::ws, !h.eof()))
            bad("expected '<cycle>:' first, got '" + head + "'");
        tok += ':';
        TrafficRequest r;
        r.bytes = defaultBytes;
        try {
            size_t used = 0;
            long long c = std::stoll(tok.substr(0, tok.size() - 1), &used);
            if (c < 0 || used != tok.size() - 1) throw std::invalid_argument("");
            const double ps = double(c) * psPerCycle;
            if (!(ps < 4e18))  // llround would overflow; also catches a NaN clock
                bad("cycle " + std::to_string(c) + " is too large at " + std::to_string(clockMhz) +
                    " MHz; allowed: below 4e18 ps (about 46 days)");
            r.atPs = std::llround(ps);
            if (!(f >> tok)) bad("missing read|write");
            if (tok.front() == '(') {
                if (tok.back() != ')') bad("expected '(<bytes>)', got '" + tok + "'");
                const std::string n = tok.substr(1, tok.size() - 2);
                if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos || n.size() > 8 ||
                    std::stoull(n) == 0 || std::stoull(n) > (uint64_t(1) << 20))
                    bad("request size '" + n + "' is not allowed; allowed: 1..1048576 bytes");
                r.bytes = uint32_t(std::stoull(n));
                if (!(f >> tok)) bad("missing read|write");
            }
            if (tok != "read" && tok != "write") bad("expected read or write, got '" + tok + "'");
            r.write = tok == "write";
            if (!(f >> tok) || tok.rfind("0x", 0) != 0) bad("expected a 0x<hex> address");
            r.address = std::stoull(tok.substr(2), &used, 16);
            if (used != tok.size() - 2) throw std::invalid_argument("");
        } catch (const std::logic_error&) {
            bad("malformed number in '" + line + "'");
        }
        if (r.address >= capacity || r.bytes > capacity - r.address)
            bad("address 0x" +
                [&] {
                    std::ostringstream h;
                    h << std::hex << r.address;
                    return h.str();
                }() +
                " + " + std::to_string(r.bytes) + " B is outside the memory's capacity of " + std::to_string(capacity) +
                " B (memory.hbm.org)");
        if (!out.empty() && r.atPs < out.back().atPs) bad("cycles must not decrease");
        out.push_back(r);
    }
    if (out.empty()) throwInput(path, "", "no requests in the trace");
    return out;
}

}  // namespace vgm::memory
