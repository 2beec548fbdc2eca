#pragma once
// DRAMSys 5's bankwise request-buffer admission (BufferCounterBankwise), as
// the dramsys front end uses it: every 32-B burst (a long request's child)
// holds one entry in its own bank until its RD/WR issues, and a new request
// of n bursts is admitted while the bank of the LAST STORED burst has room
// for n more (hasBufferSpace(entries)); the incoming request's own banks are
// not checked. A request of more than `depth` bursts waits for that bank to
// empty (DRAMSys would never admit it).
#include <algorithm>
#include <cstdint>
#include <vector>

namespace vgm::memory {

class BankwiseAdmission {
public:
    BankwiseAdmission(uint32_t banks, uint32_t depth) : entries_(banks, 0), depth_(depth) {}
    // `need` entries (a request's bursts, DRAMSys's len / burst size) fit in the last stored burst's bank.
    bool hasRoom(uint32_t need = 1) const {
        return last_ < 0 || entries_[size_t(last_)] + std::min(need, depth_) <= depth_;
    }
    void store(uint32_t bank) { ++entries_[bank], last_ = bank; }  // one burst, in storing order
    void remove(uint32_t bank) { --entries_[bank]; }               // its RD/WR issued
    uint32_t entries(uint32_t bank) const { return entries_[bank]; }

private:
    std::vector<uint32_t> entries_;
    uint32_t depth_;
    int64_t last_ = -1;  // bank of the last stored burst
};

}  // namespace vgm::memory
