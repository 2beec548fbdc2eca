#pragma once
// Activity per time window of a run, for power over time: each unit class's
// work spread evenly over the cycles of each command. power/ turns it into
// watts per window (the class totals of energy shared out in proportion).
#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace vgm::stats {

struct Activity {
    // Columns: DSP MACs by unit kind x precision (timing::UnitKind, Precision), then busy cycles of the
    // SFU, of SU + RU, of both DMA engines, and of every unit together.
    static constexpr size_t kDspColumns = 8, kSfu = 8, kSuRu = 9, kDma = 10, kAll = 11, kColumns = 12;
    uint64_t windowCycles = 0;  // 0 = not recorded
    std::vector<std::array<double, kColumns>> windows;

    // Adds `amount` of column `col`, spread evenly over [start, end).
    void add(size_t col, uint64_t start, uint64_t end, double amount) {
        if (!windowCycles || end <= start) return;
        const double perCycle = amount / double(end - start);
        // Most commands fall inside the window the previous one ended in: no divisions (same sums).
        if (start >= hitLo_ && end <= hitHi_ && hitCycles_ == windowCycles && hitW_ < windows.size()) {
            windows[hitW_][col] += perCycle * double(end - start);
            return;
        }
        const uint64_t last = (end - 1) / windowCycles;
        if (windows.size() <= last) windows.resize(last + 1, std::array<double, kColumns>{});
        for (uint64_t w = start / windowCycles; w <= last; ++w) {
            const uint64_t a = std::max(start, w * windowCycles), b = std::min(end, (w + 1) * windowCycles);
            windows[w][col] += perCycle * double(b - a);
        }
        hitW_ = last, hitLo_ = last * windowCycles, hitHi_ = hitLo_ + windowCycles, hitCycles_ = windowCycles;
    }

private:
    uint64_t hitW_ = 0, hitLo_ = 1, hitHi_ = 0, hitCycles_ = 0;  // the last window added to: [hitLo_, hitHi_)
};

}  // namespace vgm::stats
