#pragma once
// A DMA engine: one NoC master port, TLM-2.0 AT initiator. transfer() moves a
// block of bytes as transactions of a fixed size with a bounded number in
// flight (END_REQ back-pressure respected) and returns when the last
// response arrived. With dma.memoize, one transfer per direction and
// power-of-two size class (its lower bound, at most sample_bytes) is
// simulated over TLM at the start of the run, and its cycles per byte time
// every transfer of that class, so a whole video stays fast; the bytes moved
// still count in full. With dma.mode = sampled, sampledTransfer() runs a
// transfer exactly inside a sampling window and makes its cycles per byte
// the rate of its class from then on (the rule: models/README.md).
#include <cstdint>
#include <deque>
#include <map>
#include <systemc>
#include <tuple>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <utility>
#include <unordered_map>
#include <vector>

#include "stats/StatGroup.h"

namespace vgm::models {

struct DmaSetup {
    uint64_t transactionBytes = 4096, outstanding = 16;
    bool memoize = true;         // memoized or sampled: classes presampled, memoized() available
    bool ideal = false;          // memory.model = ideal: transfers take no time
    uint64_t sampleBytes = 1 << 20;  // memoize: TLM-simulated bytes of a class's sample
    uint64_t sampleAddress = 0;      // where the samples are taken
    double fabricMhz = 300.0;
};

// SystemC time of an absolute fabric cycle; absolute so that rounding never accumulates.
inline sc_core::sc_time cycleTime(uint64_t cycle, double mhz) {
    return sc_core::sc_time(static_cast<double>(cycle) * 1e6 / mhz, sc_core::SC_PS);
}

// The first fabric edge at or after the current simulation time.
uint64_t fabricCycleNow(double fabricMhz);

class Dma : public sc_core::sc_module {
public:
    tlm_utils::simple_initiator_socket<Dma> socket;

    Dma(sc_core::sc_module_name name, const DmaSetup& setup, stats::Group& stats);

    // Thread context. Waits until the transfer is done and the fabric clock
    // reaches the next edge; returns the fabric cycles it took.
    uint64_t transfer(uint64_t address, uint64_t bytes, bool write, uint32_t layer);

    // memoize, after presample(): the cycles of a transfer from its size
    // class's sample, counted like transfer() but without waiting.
    uint64_t memoized(uint64_t bytes, bool write);
    // sampled: an exact transfer (waits) inside sampling window `window`; its
    // measured cycles per byte, summed over the window, become its class's
    // rate for memoized() until the class's next window.
    // `kind` tells blocks apart whose transfers meet a different mix (e.g. the
    // trace template: spatial vs temporal); rates are kept per kind.
    uint64_t sampledTransfer(uint64_t address, uint64_t bytes, bool write, uint32_t layer, uint64_t window,
                             uint32_t kind);
    // sampled, outside a window: timed from the kind's latest window rate for
    // the class (the t = 0 sample until a window of that kind saw it).
    uint64_t reused(uint64_t bytes, bool write, uint32_t kind);
    struct SamplingTally {
        uint64_t bytes = 0;                       // moved inside windows (exactly)
        uint64_t checkedCycles = 0, absError = 0;  // window transfers with an earlier window's rate: measured
                                                   // cycles, and sum |that rate's prediction - measured|
        int64_t netError = 0;                      // and sum (prediction - measured)
    };
    const SamplingTally& sampling() const { return tally_; }
    bool memoizing() const { return setup_.memoize && !setup_.ideal; }

    uint64_t bytesMoved() const { return read_->value + written_->value; }
    uint64_t bytesSimulated() const { return simulated_->value; }
    uint64_t errors() const { return errors_; }
    // memoize: samples every size class (1 B .. 1 TiB) in the given directions
    // now, so that the memory model is never needed again (thread context).
    void presample(bool reads, bool writes);
    double fabricMhz() const { return setup_.fabricMhz; }

private:
    struct Slot {
        tlm::tlm_generic_payload trans;
    };
    tlm::tlm_sync_enum nbTransportBw(tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_core::sc_time& d);
    uint64_t simulate(uint64_t address, uint64_t bytes, bool write, uint32_t layer);
    uint64_t exact(uint64_t address, uint64_t bytes, bool write, uint32_t layer);  // over TLM, waits

    DmaSetup setup_;
    std::deque<Slot> slots_;
    std::vector<Slot*> free_;
    uint64_t inFlight_ = 0, completed_ = 0;
    bool waitEndReq_ = false;
    const tlm::tlm_generic_payload* pendingReq_ = nullptr;  // waiting for its END_REQ
    sc_core::sc_event progress_;
    uint64_t errors_ = 0;
    struct Sample {
        uint64_t bytes = 0, cycles = 0;
    };
    std::map<std::pair<bool, int>, Sample> memo_;  // (write, size class) -> the rate memoized() uses
    struct Window {
        uint64_t id = ~uint64_t(0);
        Sample measured;
    };
    using RateKey = std::tuple<uint32_t, bool, int>;  // sampled: (block kind, write, size class)
    std::map<RateKey, Window> window_;    // per class, its latest window so far
    std::map<RateKey, Sample> previous_;  // per class, the window before that
    std::map<RateKey, Sample> rates_;     // per class, what reused() applies: the latest window's sum
    SamplingTally tally_;
    stats::Counter *read_, *written_, *simulated_, *memoHits_, *transactions_, *busy_;
};

}  // namespace vgm::models
