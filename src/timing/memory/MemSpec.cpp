#include "timing/memory/MemSpec.h"

#include <string>

namespace vgm::memory {

namespace {
bool isPow2(uint64_t v) {
    return v && !(v & (v - 1));
}
std::string s(int64_t v) {
    return std::to_string(v);
}
}  // namespace

double MemSpec::peakBytesPerSecond() const {
    return double(totalPcs()) * widthBits / 8.0 * dataRate * clockMhz() * 1e6;
}

MemSpec MemSpec::fromConfig(const config::View& hbm) {
    MemSpec m;
    config::View o = hbm["org"];
    m.stacks = uint32_t(o.integer("stacks"));
    m.channels = uint32_t(o.integer("channels"));
    m.pseudoChannels = uint32_t(o.integer("pseudo_channels"));
    m.bankGroups = uint32_t(o.integer("bank_groups"));
    m.banks = uint32_t(o.integer("banks"));
    m.rows = uint32_t(o.integer("rows"));
    m.columns = uint32_t(o.integer("columns"));
    m.widthBits = uint32_t(o.integer("width_bits"));
    m.burstLength = uint32_t(o.integer("burst_length"));
    m.dataRate = uint32_t(o.integer("data_rate"));
    const char* pow2[] = {"stacks", "channels", "pseudo_channels", "bank_groups", "banks",
                          "rows",   "columns",  "width_bits",      "burst_length"};
    for (const char* k : pow2)
        if (!isPow2(uint64_t(o.integer(k))))
            o.fail(k, s(o.integer(k)) + " is not a power of two; allowed: 1, 2, 4, ...");
    if (m.banks % m.bankGroups) o.fail("banks", "must be a multiple of bank_groups (" + s(m.bankGroups) + ")");
    if (m.burstLength % m.dataRate)
        o.fail("burst_length", s(m.burstLength) + " is not a multiple of data_rate " + s(m.dataRate));
    if (m.burstLength > m.columns) o.fail("burst_length", "exceeds columns per row (" + s(m.columns) + ")");

    config::View t = hbm["timing"];
    m.tCKps = t.integer("tCK_ps");
    Cycle* fields[] = {&m.tRCDRD, &m.tRCDWR, &m.tRP,   &m.tRAS, &m.tRC,     &m.tCCDS,  &m.tCCDL, &m.tRRDS,
                       &m.tRRDL,  &m.tFAW,   &m.tRTP,  &m.tWR,  &m.tWTRS,   &m.tWTRL,  &m.tRTW,  &m.RL,
                       &m.WL,     &m.tDQSCK, &m.tREFI, &m.tRFC, &m.tREFISB, &m.tRFCSB, &m.tRREFD};
    const char* keys[] = {"tRCDRD", "tRCDWR", "tRP",   "tRAS", "tRC",     "tCCDS",  "tCCDL", "tRRDS",
                          "tRRDL",  "tFAW",   "tRTP",  "tWR",  "tWTRS",   "tWTRL",  "tRTW",  "RL",
                          "WL",     "tDQSCK", "tREFI", "tRFC", "tREFISB", "tRFCSB", "tRREFD"};
    for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); ++i) *fields[i] = t.integer(keys[i]);
    m.actCycles = t.integer("act_cycles");

    // Relations the checker relies on: a violation would make the data bus
    // or a bank do two things at once.
    auto need = [&](bool ok, const char* key, const std::string& msg) {
        if (!ok) t.fail(key, msg);
    };
    for (const char* k : {"tRCDRD", "tRCDWR", "tRP", "tRAS", "tCCDS", "tRRDS", "tRTP", "tREFI", "tRFC"})
        need(t.integer(k) >= 1, k, "must be >= 1 tCK");
    need(m.tRC >= m.tRAS + m.tRP, "tRC",
         s(m.tRC) + " < tRAS + tRP = " + s(m.tRAS + m.tRP) + "; allowed: tRC >= tRAS + tRP");
    need(m.tCCDS >= m.burstCycles(), "tCCDS",
         s(m.tCCDS) + " < burst duration " + s(m.burstCycles()) + " (burst_length / data_rate); bursts would overlap");
    need(m.tCCDL >= m.tCCDS, "tCCDL", s(m.tCCDL) + " < tCCDS = " + s(m.tCCDS) + "; allowed: tCCDL >= tCCDS");
    need(m.tRRDL >= m.tRRDS, "tRRDL", s(m.tRRDL) + " < tRRDS = " + s(m.tRRDS) + "; allowed: tRRDL >= tRRDS");
    need(m.tWTRL >= m.tWTRS, "tWTRL", s(m.tWTRL) + " < tWTRS = " + s(m.tWTRS) + "; allowed: tWTRL >= tWTRS");
    need(m.tRTW + m.WL >= m.RL + m.tDQSCK + m.burstCycles(), "tRTW",
         s(m.tRTW) + " lets write data collide with read data; allowed: tRTW >= RL + tDQSCK + burst - WL = " +
             s(m.RL + m.tDQSCK + m.burstCycles() - m.WL));
    need(m.tREFI > m.tRFC, "tREFI", s(m.tREFI) + " <= tRFC = " + s(m.tRFC) + "; allowed: tREFI > tRFC");
    need(m.tRFC >= m.tRC, "tRFC", s(m.tRFC) + " < tRC = " + s(m.tRC) + "; allowed: tRFC >= tRC");
    need(m.tREFISB >= 1, "tREFISB", "must be >= 1 tCK");
    need(m.tRFCSB >= 1, "tRFCSB", "must be >= 1 tCK");
    return m;
}

}  // namespace vgm::memory
