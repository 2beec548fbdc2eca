// Memory-side parameter declarations: the HBM device (memspec), its address
// map and controller, and the NoC in front of it. Defaults are the DRAMSys
// HBM2 reference set (configs/dramsys_hbm2.json), so that vgmsim and DRAMSys
// can be compared on identical traffic.
#include "config/Components.h"

namespace vgm::config {

namespace {

void declareOrg(Section& hbm) {
    Section& o = hbm.section("org", "Device organisation (DRAMSys memarchitecturespec)");
    o.param("stacks").integer().defaultValue(2).range(1, 16).describe("HBM stacks (DRAMSys nbrOfStacks)");
    o.param("channels").integer().defaultValue(1).range(1, 64).describe("Channels per stack");
    o.param("pseudo_channels")
        .integer()
        .defaultValue(2)
        .range(1, 4)
        .describe(
            "Pseudo-channels per channel; each has its own banks and data bus, and the pseudo-channels of a "
            "channel share its row and column command buses (JEDEC pseudo-channel mode)");
    o.param("bank_groups").integer().defaultValue(4).range(1, 16).describe("Bank groups per pseudo-channel");
    o.param("banks").integer().defaultValue(16).range(1, 64).describe("Banks per pseudo-channel (all groups together)");
    o.param("rows").integer().defaultValue(32768).range(1, 1 << 24).describe("Rows per bank");
    o.param("columns")
        .integer()
        .withUnit("beats")
        .defaultValue(128)
        .range(1, 1 << 16)
        .describe("Columns per row; one column is width_bits/8 bytes");
    o.param("width_bits")
        .integer()
        .withUnit("bit")
        .defaultValue(64)
        .range(8, 1024)
        .describe("Data bus width of one pseudo-channel");
    o.param("burst_length")
        .integer()
        .withUnit("beats")
        .defaultValue(4)
        .range(1, 64)
        .describe("Beats per RD/WR burst; burst bytes = burst_length x width_bits / 8");
    o.param("data_rate").integer().defaultValue(2).range(1, 8).describe("Beats per tCK (2 = DDR)");
}

void declareTiming(Section& hbm) {
    Section& t = hbm.section("timing", "Memspec timings, in tCK cycles except tCK_ps");
    t.param("tCK_ps").integer().withUnit("ps").defaultValue(1000).range(100, 100000).describe("Clock period");
    struct T {
        const char* key;
        int def;
        const char* desc;
    };
    const T ts[] = {
        {"tRCDRD", 12, "ACT to RD, same bank"},
        {"tRCDWR", 6, "ACT to WR, same bank"},
        {"tRP", 14, "PRE to ACT, same bank"},
        {"tRAS", 28, "ACT to PRE, same bank"},
        {"tRC", 42, "ACT to ACT, same bank; must be >= tRAS + tRP"},
        {"tCCDS", 2, "RD to RD / WR to WR, different bank group"},
        {"tCCDL", 3, "RD to RD / WR to WR, same bank group"},
        {"tRRDS", 4, "ACT to ACT, different bank group"},
        {"tRRDL", 6, "ACT to ACT, same bank group"},
        {"tFAW", 16, "window holding at most four ACT (or REFpb)"},
        {"tRTP", 5, "RD to PRE, same bank"},
        {"tWR", 14, "write recovery: end of write data to PRE"},
        {"tWTRS", 4, "end of write data to RD, different bank group"},
        {"tWTRL", 9, "end of write data to RD, same bank group"},
        {"tRTW", 18, "RD to WR, any bank"},
        {"RL", 17, "read latency: RD to first data beat"},
        {"WL", 7, "write latency: WR to first data beat"},
        {"tDQSCK", 1, "read data strobe delay added to RL"},
        {"tREFI", 3900, "all-bank refresh interval"},
        {"tRFC", 220, "all-bank refresh cycle time"},
        {"tREFISB", 244, "per-bank refresh interval"},
        {"tRFCSB", 96, "per-bank refresh cycle time"},
        {"tRREFD", 8, "REFpb to ACT or REFpb of another bank"},
    };
    for (const T& x : ts)
        t.param(x.key).integer().withUnit("tCK").defaultValue(x.def).range(0, 1 << 20).describe(x.desc);
    t.param("act_cycles")
        .integer()
        .withUnit("tCK")
        .defaultValue(2)
        .range(1, 4)
        .describe(
            "tCK an ACT occupies the row command bus; constraints involving an ACT count from its last cycle. "
            "Basis: HBM2/HBM2E send ACT over two row-bus cycles (JESD235); DRAMSys's HBM2 checker does the same");
}

void declareAddressMap(Section& hbm) {
    Section& a = hbm.section("address_map",
                             "Physical address -> (stack, channel, pseudo-channel, bank group, bank, row, "
                             "column, byte), bit by bit as in DRAMSys address maps");
    a.param("preset")
        .oneOf({"custom", "pc_interleave"})
        .defaultValue("custom")
        .describe(
            "custom = use the *_bits lists; pc_interleave = byte, low column bits up to interleave_bytes, "
            "then pseudo-channel/channel/stack, bank group, high column, bank, row");
    a.param("interleave_bytes")
        .integer()
        .withUnit("B")
        .defaultValue(256)
        .range(1, 1 << 20)
        .describe("pc_interleave: consecutive bytes kept in one pseudo-channel (power of two >= one column)");
    struct B {
        const char* key;
        std::vector<int> def;
    };
    const B bs[] = {
        {"stack_bits", {30}},
        {"channel_bits", {}},
        {"pseudo_channel_bits", {29}},
        {"bank_group_bits", {27, 28}},
        {"bank_bits", {25, 26}},
        {"row_bits", {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24}},
        {"column_bits", {3, 4, 5, 6, 7, 8, 9}},
        {"byte_bits", {0, 1, 2}},
    };
    for (const B& b : bs)
        a.param(b.key)
            .intList()
            .defaultValue(Json(b.def))
            .describe("custom: address bits (LSB first) forming this field; every bit 0..N-1 used exactly once");
}

void declareController(Section& hbm) {
    Section& c = hbm.section("controller", "Per pseudo-channel memory controller (DRAMSys mcconfig)");
    c.param("scheduler")
        .oneOf({"fr-fcfs", "fcfs"})
        .defaultValue("fr-fcfs")
        .describe("fr-fcfs = per bank, oldest row hit first, else oldest; fcfs = per bank, strictly oldest");
    c.param("page_policy")
        .oneOf({"open", "closed"})
        .defaultValue("open")
        .describe("open = rows stay open until a conflict; closed = every access auto-precharges");
    c.param("buffer")
        .oneOf({"bankwise", "shared"})
        .defaultValue("bankwise")
        .describe(
            "Request buffer: bankwise = queue_depth slots per bank; shared = queue_depth slots per pseudo-channel");
    c.param("queue_depth")
        .integer()
        .defaultValue(8)
        .range(1, 4096)
        .describe("Request buffer slots (DRAMSys RequestBufferSize); a full buffer holds END_REQ back");
    c.param("frontend")
        .oneOf({"vgmsim", "dramsys"})
        .defaultValue("vgmsim")
        .describe(
            "How requests enter and leave a channel's controller. vgmsim = one 32-B burst per tCK, a burst waits "
            "for room in its own bank's buffer, each request answered when its last data beat moved. dramsys = as "
            "DRAMSys 5: one request (all its bursts) per tCK, seen 1 tCK after BEGIN_REQ, admitted while the bank "
            "of the last stored 32-B burst has room for all of the request's bursts in this channel (each burst "
            "one entry in its own bank; a request of more than queue_depth bursts waits for that bank to empty), "
            "responses FIFO in RD/WR issue order where only a request's last burst takes a slot, at most one "
            "per tCK; the controller then also staggers "
            "the pseudo-channels' refreshes and orders the row bus by ready cycle + command length as DRAMSys "
            "(see /work/shared/reference/dramsys/README.md)");
    c.param("refresh")
        .oneOf({"all_bank", "per_bank", "none"})
        .defaultValue("all_bank")
        .describe("Refresh policy; refresh runs every interval even when the channel is idle");
}

void declareNoc(Section& mem) {
    Section& n = mem.section("noc", "Versal-style NoC between initiators (NMU) and HBM ports (NSU)");
    n.param("clock_mhz")
        .real()
        .withUnit("MHz")
        .defaultValue(1000.0)
        .range(1, 5000)
        .describe("NoC clock (Versal NoC runs near 1 GHz)");
    n.param("masters").integer().defaultValue(1).range(1, 1024).describe(
        "NMU ports (initiators); more are added if more initiators bind to the NoC");
    n.param("nmu_width_bits")
        .integer()
        .withUnit("bit")
        .defaultValue(512)
        .range(8, 4096)
        .describe("NMU link width: bytes per NoC cycle per master = width/8 (NMU_512)");
    n.param("nsu_width_bits")
        .integer()
        .withUnit("bit")
        .defaultValue(256)
        .range(8, 4096)
        .describe("NSU (HBM side) link width per port");
    n.param("ports").integer().defaultValue(0).range(0, 1024).describe(
        "NSU ports into the HBM; 0 = one per pseudo-channel. Port of an address = its pseudo-channel "
        "x ports / pseudo-channels");
    n.param("nmu_latency")
        .integer()
        .withUnit("cycle")
        .defaultValue(4)
        .range(0, 10000)
        .describe("NoC cycles from the NMU link to the switch fabric, per direction");
    n.param("nsu_latency")
        .integer()
        .withUnit("cycle")
        .defaultValue(4)
        .range(0, 10000)
        .describe("NoC cycles from the switch fabric through the NSU link, per direction");
    n.param("switch_latency")
        .integer()
        .withUnit("cycle")
        .defaultValue(6)
        .range(0, 10000)
        .describe("NoC cycles through the switch fabric between any NMU and NSU, per direction");
    n.param("arbitration")
        .oneOf({"rr", "priority"})
        .defaultValue("rr")
        .describe("At shared NSU links: rr = round robin over masters; priority = lowest master index first");
    n.param("outstanding")
        .integer()
        .defaultValue(64)
        .range(1, 65536)
        .describe("Outstanding transactions per master (before splitting); the next BEGIN_REQ waits for END_REQ beyond this");
    n.param("nsu_buffer")
        .integer()
        .defaultValue(8)
        .range(1, 4096)
        .describe("Requests in flight on one NSU link towards its HBM port; a full buffer stops arbitration");
    n.param("nmus_per_master")
        .integer()
        .defaultValue(1)
        .range(1, 64)
        .describe(
            "NMU links per master (initiator); a split piece uses the link of its port (port mod links). "
            "A PL master reaches the NoC through NMUs of its own (NMU_512: 64 B per NoC cycle); a "
            "wider DMA engine is built from several. Basis: AMD PG313 (Versal NoC): one AXI master per NMU; bandwidth per NMU = width x NoC clock");
    n.param("split_bytes")
        .integer()
        .withUnit("B")
        .defaultValue(0)
        .range(0, 1 << 30)
        .describe(
            "The NMU splits a transaction at multiples of this many bytes; each piece goes to its own port and "
            "the master gets one response after the last piece. 0 = the address map's pseudo-channel "
            "interleave (the smallest run of addresses in one pseudo-channel); power of two"
            " Basis: "
            "Versal NMUs split transactions that cross an address-interleave boundary (AMD PG313)");
    n.param("port_clock_mhz")
        .real()
        .withUnit("MHz")
        .defaultValue(0.0)
        .range(0, 5000)
        .describe(
            "Clock of the NSU links into the HBM ports (the HBM AXI port clock); bandwidth per port and direction "
            "= nsu_width_bits/8 x this clock. 0 = the NoC clock"
            " Basis: "
            "V80 (-2 speed grade): HBM AXI clock max 500 MHz (540/500/480 by grade), 256-bit ports: 16 GB/s "
               "per pseudo-channel and direction, 512 GB/s over 32 PCs (FACTS.md)");
    n.param("header_bytes")
        .integer()
        .withUnit("B")
        .defaultValue(16)
        .range(0, 4096)
        .describe("Bytes on a link for a read request or write response (no data)");
    n.param("transparent")
        .boolean()
        .defaultValue(false)
        .describe(
            "true = requests and responses cross the NoC in no time (no link occupancy, latency or NSU buffer "
            "limit; splitting still applies) and the master gets END_REQ only when the HBM has taken every "
            "piece, so a memory comparison sees the initiator's own handshake, as DRAMSys's player with its "
            "controller (ArbiterSimple: zero arbitration delay, END_REQ passed through)");
}

}  // namespace

void declareMemoryParams(Section& root) {
    Section& mem = root.section("memory", "Off-chip memory and the path to it");
    mem.param("model")
        .oneOf({"ideal", "hbm"})
        .defaultValue("ideal")
        .describe(
            "ideal = every access completes with no delay, so compute can be checked alone; "
            "hbm = cycle-accurate HBM controllers behind the NoC");
    Section& hbm = mem.section("hbm", "HBM device, address map and controllers");
    hbm.param("type").oneOf({"HBM2", "HBM2E"}).defaultValue("HBM2").describe("Memory standard (label only)");
    declareOrg(hbm);
    declareTiming(hbm);
    declareAddressMap(hbm);
    declareController(hbm);
    declareNoc(mem);
}

}  // namespace vgm::config
