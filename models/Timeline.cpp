#include "models/Timeline.h"

#include <cstdio>

#include "common/Error.h"

namespace vgm::models {

Timeline::Timeline(const std::string& path, double fabricMhz, Level level)
    : usPerCycle_(1.0 / fabricMhz), level_(level) {
    if (path.empty()) return;
    out_.open(path, std::ios::binary | std::ios::trunc);
    if (!out_) throw InputError(path + ": cannot write the timeline file");
    out_ << "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n"
         << R"({"name":"process_name","ph":"M","pid":0,"tid":0,"args":{"name":"vgmsim accelerator"}})";
    first_ = false;  // Perfetto names the process track from this metadata event
}

Timeline::~Timeline() {
    if (out_.is_open()) close();
}

int Timeline::trackId(const std::string& track) {
    auto it = tracks_.find(track);
    if (it != tracks_.end()) return it->second;
    const int id = int(tracks_.size());
    tracks_.emplace(track, id);
    open_.emplace_back();
    out_ << (first_ ? "" : ",\n") << R"({"name":"thread_name","ph":"M","pid":0,"tid":)" << id
         << R"(,"args":{"name":")" << track << "\"}}";
    first_ = false;
    return id;
}

void Timeline::emit(int tid, const Open& o) {
    char buf[160];
    std::snprintf(buf, sizeof buf, R"(,"ph":"X","pid":0,"tid":%d,"ts":%.6f,"dur":%.6f,"args":{"busy_cycles":%llu}})",
                  tid, double(o.start) * usPerCycle_, double(o.end - o.start) * usPerCycle_,
                  static_cast<unsigned long long>(o.busy));
    out_ << ",\n{\"name\":\"" << o.name << "\"" << buf;
    ++events_;
}

void Timeline::span(const std::string& track, const std::string& label, const std::string& block, uint64_t start,
                    uint64_t end) {
    if (!enabled() || end <= start) return;
    const int tid = trackId(track);
    Open& o = open_[size_t(tid)];
    const std::string& name = level_ == Level::Block ? block : label;
    if (o.valid && level_ == Level::Block && o.name == name) {
        o.end = std::max(o.end, end);
        o.busy += end - start;
        return;
    }
    if (o.valid) emit(tid, o);
    o = Open{name, start, end, end - start, true};
}

void Timeline::counter(const std::string& name, double tsUs,
                       const std::vector<std::pair<std::string, double>>& values) {
    if (!enabled()) return;
    char buf[64];
    std::snprintf(buf, sizeof buf, R"(","ph":"C","pid":0,"ts":%.6f,"args":{)", tsUs);
    out_ << (first_ ? "" : ",\n") << "{\"name\":\"" << name << buf;
    first_ = false;
    for (size_t i = 0; i < values.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%s\"%s\":%.6g", i ? "," : "", values[i].first.c_str(), values[i].second);
        out_ << buf;
    }
    out_ << "}}";
    ++events_;
}

void Timeline::close() {
    if (!out_.is_open()) return;
    for (const auto& [track, tid] : tracks_)
        if (open_[size_t(tid)].valid) emit(tid, open_[size_t(tid)]);
    out_ << "\n]}\n";
    out_.close();
}

}  // namespace vgm::models
