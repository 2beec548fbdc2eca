// On-chip buffers the ZSS preloads into and the DMA engines fill. Sizes are
// in memory primitives so that the resource estimate follows directly.
#include "config/Components.h"

namespace vgm::config {

void declareBufferParams(Section& root) {
    Section& b = root.section("buffers", "On-chip buffers (sizes not public: assumed)");
    struct B { const char* key; int uram, bram; const char* what; };
    const B bufs[] = {{"weight", 256, 0, "weight tiles streamed from HBM per operator"},
                      {"activation", 960, 0, "input activations; spilled to HBM when they do not fit"},
                      {"output", 256, 512, "output rows; the RU copies skipped rows here"}};
    for (const B& x : bufs) {
        Section& s = b.section(x.key, std::string("Buffer for ") + x.what);
        s.param("uram").integer().withUnit("URAM").defaultValue(x.uram).range(0, 100000).describe(
            "UltraRAM blocks (288 Kb; 32 KiB of data as 4K x 64-bit words)");
        s.param("bram36").integer().withUnit("BRAM36").defaultValue(x.bram).range(0, 100000).describe(
            "Block RAMs (36 Kb; 4 KiB of data as 512 x 64-bit words)");
    }
    b.param("double_buffering").boolean().defaultValue(true).describe(
        "Split weight and activation buffers in two halves so the next load overlaps compute");

    Section& d = root.section("dma", "DMA engines: one weight and one activation engine, each a NoC master port");
    d.param("transaction_bytes").integer().withUnit("B").defaultValue(4096).range(32, 1 << 24).describe(
        "Bytes per TLM transaction a DMA engine issues (the HBM cuts it into bursts)");
    d.param("outstanding").integer().defaultValue(16).range(1, 4096).describe(
        "Transactions a DMA engine keeps in flight");
    d.param("memoize").boolean().defaultValue(true).describe(
        "Kept for old configs: false = dma.mode exact (with dma.mode memoized); true = dma.mode decides");
    d.param("mode").oneOf({"memoized", "sampled", "exact"}).defaultValue("memoized").describe(
        "How DMA transfers are timed. memoized (fast path for whole videos, 10^9 HBM bursts): at the start of "
        "the run one transfer per direction and power-of-two size class (the class's lower bound, at most "
        "sample_bytes) runs alone over the TLM NoC/HBM models and its cycles per byte time every transfer of "
        "that class; the memory then idles to the end (refreshes counted, whole periods skipped). exact: every "
        "byte of every transfer goes over TLM. sampled: the (step, block) pairs in trace order form groups of "
        "sample_every_blocks; one per group (at position group mod k, so alternating block kinds are all sampled) is a window whose transfers run "
        "exactly, both engines concurrently through the NoC/HBM; every other transfer reuses the cycles per byte "
        "measured in the most recent window for its operator shape, engine, direction and size class (the t = 0 "
        "sample until a window has seen it). A simulation method, not a hardware property");
    d.param("sample_every_blocks").integer().withUnit("block").defaultValue(4).range(1, 1 << 20).describe(
        "sampled: one (step, block) in each k is a window of exact simulation (1 = every block); a "
        "simulation method, not a hardware property");
    d.param("sample_bytes").integer().withUnit("B").defaultValue(1 << 20).range(4096, int64_t(1) << 40).describe(
        "memoize: bytes of a class's first transfer simulated over TLM (1 MiB spreads over all 32 "
        "pseudo-channels of a V80 and reaches steady state)");
}

}  // namespace vgm::config
