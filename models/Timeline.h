#pragma once
// Collects spans per track (DSP group, SFU, SU, RU, DMA engine, HBM channel)
// and writes a Chrome trace-event JSON (opens in Perfetto). Above `detail`
// operators, spans of one (step, block) on a track are merged into one, so
// that a whole video stays far below 100 MB.
#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace vgm::models {

class Timeline {
public:
    enum class Level { Tile, Operator, Block };
    Timeline(const std::string& path, double fabricMhz, Level level);
    ~Timeline();
    bool enabled() const { return out_.is_open(); }
    Level level() const { return level_; }
    // A span of `label` (an operator or tile name) inside block `block` ("s3.b12").
    void span(const std::string& track, const std::string& label, const std::string& block, uint64_t start,
              uint64_t end);
    // A counter sample (Perfetto draws one stacked track per counter name): values from `tsUs` on.
    void counter(const std::string& name, double tsUs, const std::vector<std::pair<std::string, double>>& values);
    void close();  // flushes open spans and ends the JSON

private:
    struct Open {
        std::string name;
        uint64_t start = 0, end = 0, busy = 0;
        bool valid = false;
    };
    int trackId(const std::string& track);
    void emit(int tid, const Open& o);
    std::ofstream out_;
    double usPerCycle_;
    Level level_;
    std::map<std::string, int> tracks_;
    std::vector<Open> open_;
    bool first_ = true;
    uint64_t events_ = 0;
};

}  // namespace vgm::models
