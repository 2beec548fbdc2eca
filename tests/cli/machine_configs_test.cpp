// Odd but valid machine configs run to completion (no deadlock, no crash):
// each once lowered to a program the machine could not finish.
#include <catch2/catch.hpp>

#include "RunVgmsim.h"

using vgm::test::runVgmsim;
using vgm::test::scratchDir;

namespace {
const std::string kRoot = VGMSIM_SOURCE_DIR;
const std::string kRun = "run -q -c " + kRoot + "/configs/flightvgm_v80.json -t " + kRoot +
                         "/tests/golden/traces/dit-xl-2_256_2steps.vgmt";
}  // namespace

TEST_CASE("machine configs: tight buffers, split arrays and shallow queues all finish", "[cli][machine]") {
    const std::string dir = scratchDir("machine-configs");
    const char* cases[] = {
        // A weight buffer smaller than one column's weights.
        "--set buffers.weight.uram=0 --set buffers.weight.bram36=1",
        // The array splits GEMMs itself; group 0 cannot run the INT8 replays.
        "--set scheduler.tile_rows=0 --set dsp.groups.0.modes=fp16",
        // An activation buffer smaller than one row tile's input, with unfused SFU passes through HBM.
        "--set buffers.activation.uram=0 --set buffers.activation.bram36=8 --set scheduler.fusion.epilogue=false",
        "--set scheduler.attention_chunk_rows=7",
        "--set scheduler.queue_depth=0 --set scheduler.lookahead_ops=1",
        "--set scheduler.policy=static --set buffers.output.uram=0 --set buffers.output.bram36=4",
        "--set scheduler.fusion.online_softmax=false --set buffers.output.uram=0 --set buffers.output.bram36=2",
    };
    int i = 0;
    for (const char* c : cases) {
        INFO(c);
        const auto r = runVgmsim(kRun + " " + c + " --out " + dir + "/" + std::to_string(i++));
        CHECK(r.status == 0);
        CHECK(r.err.empty());
    }
}

TEST_CASE("machine configs: an empty activation buffer is a config error", "[cli][machine]") {
    const auto r = runVgmsim(kRun + " --set buffers.activation.uram=0 --set buffers.activation.bram36=0 --out " +
                             scratchDir("machine-noact"));
    CHECK(r.status == 2);
    CHECK(r.err.find("/buffers/activation") != std::string::npos);
    CHECK(r.err.find('\n') == r.err.size() - 1);
}
