// The timeline at block level (what a whole video gets): spans of one
// (step, block) merge into one slice per track, and the file passes the
// Chrome trace event format check (tools/check_timeline.py) that Perfetto
// needs. No SystemC kernel: the Timeline writer alone, on synthetic spans.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>

#include "common/Files.h"
#include "common/Json.h"
#include "models/Timeline.h"

using namespace vgm;

TEST_CASE("timeline: block level merges a block's spans per track and passes the format check", "[timeline]") {
    const std::string path = "timeline_levels_test.json";
    {
        models::Timeline tl(path, 300.0, models::Timeline::Level::Block);
        // Two units; blocks s0.b0 then s0.b1 on each, the tracks overlapping in time.
        tl.span("dspe0", "qkv", "s0.b0", 0, 300);
        tl.span("dspe0", "fc1", "s0.b0", 300, 900);
        tl.span("sfu", "softmax", "s0.b0", 200, 600);
        tl.span("dspe0", "qkv", "s0.b1", 900, 1200);
        tl.span("sfu", "softmax", "s0.b1", 1200, 1500);
        tl.span("sfu", "empty", "s0.b1", 1500, 1500);  // zero length: dropped
        tl.close();
    }
    const Json doc = Json::parse(readTextFile(path));
    std::vector<Json> slices, meta;
    for (const auto& e : doc["traceEvents"]) (e["ph"] == "X" ? slices : meta).push_back(e);
    REQUIRE(slices.size() == 4);  // one per (track, block)
    CHECK(meta.size() == 3);      // process_name + two thread_names
    CHECK(slices[0]["name"] == "s0.b0");
    CHECK(slices[0]["ts"].get<double>() == 0.0);
    CHECK(slices[0]["dur"].get<double>() == Approx(3.0));  // 900 cycles at 300 MHz
    CHECK(slices[0]["args"]["busy_cycles"] == 900);
    const int raw = std::system(("/usr/bin/python3 " + std::string(VGMSIM_SOURCE_DIR) + "/tools/check_timeline.py " +
                                 path + " > /dev/null").c_str());
    CHECK((WIFEXITED(raw) ? WEXITSTATUS(raw) : -1) == 0);
    std::remove(path.c_str());
}
