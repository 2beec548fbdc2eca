#include "models/Dma.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "models/MemoryExtension.h"

namespace vgm::models {

using namespace sc_core;

Dma::Dma(sc_module_name name, const DmaSetup& setup, stats::Group& stats)
    : sc_module(name), socket("socket"), setup_(setup) {
    socket.register_nb_transport_bw(this, &Dma::nbTransportBw);
    stats::Group& g = stats.group(basename(), "DMA engine (one NoC master port)");
    read_ = &g.counter("bytes_read", "B", "Bytes read from HBM");
    written_ = &g.counter("bytes_written", "B", "Bytes written to HBM");
    simulated_ = &g.counter("bytes_simulated", "B", "Bytes sent through the TLM NoC/HBM models (the rest memoized)");
    memoHits_ = &g.counter("memoized_transfers", "count", "Transfers that reused an identical transfer's duration");
    transactions_ = &g.counter("transactions", "count", "TLM transactions issued");
    busy_ = &g.counter("busy_cycles", "cycle", "Fabric cycles with a transfer in progress");
}

uint64_t fabricCycleNow(double fabricMhz) {
    // Memory clocks are not fabric-aligned: round up to the next fabric edge
    // (within 1e-3 cycle, which absorbs the 1 ps rounding of cycleTime()).
    const double ps = 1e6 / fabricMhz;
    const double now = sc_time_stamp().to_seconds() * 1e12;
    return static_cast<uint64_t>(std::ceil(now / ps - 1e-3));
}

uint64_t Dma::transfer(uint64_t address, uint64_t bytes, bool write, uint32_t layer) {
    if (bytes == 0) return 0;
    if (memoizing()) return memoized(bytes, write);
    return exact(address, bytes, write, layer);
}

uint64_t Dma::exact(uint64_t address, uint64_t bytes, bool write, uint32_t layer) {
    (write ? written_ : read_)->add(bytes);
    if (setup_.ideal) return 0;
    const uint64_t start = fabricCycleNow(setup_.fabricMhz);
    simulate(address, bytes, write, layer);
    const uint64_t cycles = fabricCycleNow(setup_.fabricMhz) - start;
    const sc_time end = cycleTime(start + cycles, setup_.fabricMhz);
    if (end > sc_time_stamp()) wait(end - sc_time_stamp());
    busy_->add(cycles);
    return cycles;
}

namespace {
uint64_t scaled(uint64_t cycles, uint64_t bytes, uint64_t sampleBytes) {  // a rate applied, rounded up
    const unsigned __int128 c = (unsigned __int128)cycles * bytes;
    return uint64_t((c + sampleBytes - 1) / sampleBytes);
}
}  // namespace

uint64_t Dma::memoized(uint64_t bytes, bool write) {
    if (bytes == 0) return 0;
    (write ? written_ : read_)->add(bytes);
    const auto it = memo_.find(std::make_pair(write, 64 - __builtin_clzll(bytes)));
    if (it == memo_.end()) throw std::logic_error("Dma: size class not presampled");
    memoHits_->add();
    const uint64_t cycles = scaled(it->second.cycles, bytes, it->second.bytes);
    busy_->add(cycles);
    return cycles;
}

uint64_t Dma::reused(uint64_t bytes, bool write, uint32_t kind) {
    if (bytes == 0) return 0;
    const auto it = rates_.find(RateKey(kind, write, 64 - __builtin_clzll(bytes)));
    if (it == rates_.end()) return memoized(bytes, write);
    (write ? written_ : read_)->add(bytes);
    memoHits_->add();
    const uint64_t cycles = scaled(it->second.cycles, bytes, it->second.bytes);
    busy_->add(cycles);
    return cycles;
}

uint64_t Dma::sampledTransfer(uint64_t address, uint64_t bytes, bool write, uint32_t layer, uint64_t window,
                              uint32_t kind) {
    if (bytes == 0) return 0;
    const uint64_t cycles = exact(address, bytes, write, layer);
    if (setup_.ideal) return cycles;
    const RateKey key(kind, write, 64 - __builtin_clzll(bytes));
    Window& w = window_[key];
    if (w.id != window) {  // the class's first transfer in this window: its last window becomes the reference
        if (w.id != ~uint64_t(0)) previous_[key] = w.measured;
        w = Window{window, {}};
    }
    const auto prev = previous_.find(key);
    if (prev != previous_.end()) {  // what reuse would have said: the error estimate
        const uint64_t predicted = scaled(prev->second.cycles, bytes, prev->second.bytes);
        tally_.checkedCycles += cycles;
        tally_.absError += predicted > cycles ? predicted - cycles : cycles - predicted;
        tally_.netError += int64_t(predicted) - int64_t(cycles);
    }
    w.measured.bytes += bytes;
    w.measured.cycles += cycles;
    rates_[key] = w.measured;
    tally_.bytes += bytes;
    return cycles;
}

void Dma::presample(bool reads, bool writes) {
    if (setup_.ideal || !setup_.memoize) return;
    for (bool write : {false, true}) {
        if (write ? !writes : !reads) continue;
        Sample big;
        for (int cls = 1; cls <= 41; ++cls) {
            const uint64_t bytes = uint64_t(1) << (cls - 1);
            const uint64_t sample = std::min(bytes, setup_.sampleBytes);
            if (sample < bytes && big.bytes == sample) {  // large classes share one sample
                memo_.emplace(std::make_pair(write, cls), big);
                continue;
            }
            const uint64_t start = fabricCycleNow(setup_.fabricMhz);
            simulate(setup_.sampleAddress, sample, write, 0);
            const Sample s{sample, fabricCycleNow(setup_.fabricMhz) - start};
            memo_.emplace(std::make_pair(write, cls), s);
            if (sample < bytes || sample == setup_.sampleBytes) big = s;
            const sc_time end = cycleTime(start + s.cycles, setup_.fabricMhz);
            if (end > sc_time_stamp()) wait(end - sc_time_stamp());
        }
    }
}

uint64_t Dma::simulate(uint64_t address, uint64_t bytes, bool write, uint32_t layer) {
    const uint64_t n = (bytes + setup_.transactionBytes - 1) / setup_.transactionBytes;
    uint64_t issued = 0;
    completed_ = 0;
    while (completed_ < n) {
        while (issued < n && !waitEndReq_ && inFlight_ < setup_.outstanding) {
            if (free_.empty()) {
                slots_.emplace_back();
                free_.push_back(&slots_.back());
            }
            Slot* s = free_.back();
            free_.pop_back();
            const uint64_t off = issued * setup_.transactionBytes;
            const uint32_t len = uint32_t(std::min(setup_.transactionBytes, bytes - off));
            s->trans.set_command(write ? tlm::TLM_WRITE_COMMAND : tlm::TLM_READ_COMMAND);
            s->trans.set_address(address + off);
            s->trans.set_data_length(len);
            s->trans.set_data_ptr(nullptr);  // timing only: no data moves
            s->trans.set_streaming_width(len);
            s->trans.set_byte_enable_ptr(nullptr);
            s->trans.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
            MemoryExtension::set(s->trans, layer, uint32_t(issued));
            ++issued;
            ++inFlight_;
            transactions_->add();
            tlm::tlm_phase ph = tlm::BEGIN_REQ;
            sc_time d = SC_ZERO_TIME;
            const tlm::tlm_sync_enum st = socket->nb_transport_fw(s->trans, ph, d);
            waitEndReq_ = !(st == tlm::TLM_UPDATED && ph == tlm::END_REQ);
            pendingReq_ = waitEndReq_ ? &s->trans : nullptr;
        }
        wait(progress_);
    }
    simulated_->add(bytes);
    return n;
}

tlm::tlm_sync_enum Dma::nbTransportBw(tlm::tlm_generic_payload& t, tlm::tlm_phase& ph, sc_time&) {
    if (ph == tlm::END_REQ) {
        waitEndReq_ = false;
        pendingReq_ = nullptr;
        progress_.notify(SC_ZERO_TIME);
        return tlm::TLM_ACCEPTED;
    }
    if (ph == tlm::BEGIN_RESP) {
        if (&t == pendingReq_) waitEndReq_ = false, pendingReq_ = nullptr;  // BEGIN_RESP implies END_REQ
        if (t.get_response_status() != tlm::TLM_OK_RESPONSE) ++errors_;
        for (auto& s : slots_)
            if (&s.trans == &t) free_.push_back(&s);
        --inFlight_;
        ++completed_;
        progress_.notify(SC_ZERO_TIME);
        ph = tlm::END_RESP;
        return tlm::TLM_COMPLETED;
    }
    return tlm::TLM_ACCEPTED;
}

}  // namespace vgm::models
