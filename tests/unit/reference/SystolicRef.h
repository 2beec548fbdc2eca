#pragma once
// Clock-stepped reference of a systolic array (test code only). Every cycle
// operands move one PE right (stream) or down (OS B operand / WS-IS partial
// sums), edge feeders skew row i and column j by delay lines of i and j
// registers, WS/IS stationary values are shifted into shadow registers and
// copied into the active register by the first beat of their fold. A small
// controller starts loads and streams by looking at the array's state, never
// at a formula. Assertions check that every MAC sees operands of one fold and
// beat, that psums meet their inputs, and that no shadow value is lost.
#include <algorithm>
#include <cstdint>
#include <deque>
#include <stdexcept>
#include <vector>

namespace vgm::test {

enum class RefDataflow { Os, Ws, Is };

struct RefBeat {
    bool valid = false;
    int64_t fold = -1, t = -1;
    bool operator==(const RefBeat& o) const { return valid == o.valid && fold == o.fold && t == o.t; }
};

struct SystolicRefResult {
    uint64_t cycles = 0;  // lastMac + 1 + depth - 1 (scalesim: minus 1 more, see run())
    uint64_t macs = 0;    // MACs done, padding included for scalesim
};

class SystolicRef {
public:
    SystolicRef(uint64_t rows, uint64_t cols, RefDataflow df, bool scalesim, uint64_t depth = 1)
        : R_(rows), C_(cols), df_(df), scalesim_(scalesim), depth_(depth) {}

    SystolicRefResult run(uint64_t m, uint64_t k, uint64_t n, uint64_t batch, uint64_t lanes) {
        const uint64_t kk = (k + lanes - 1) / lanes;  // a PE reduces `lanes` K-elements per beat
        uint64_t sr = m, sc = n, t = kk;
        if (df_ == RefDataflow::Ws) sr = kk, sc = n, t = m;
        if (df_ == RefDataflow::Is) sr = kk, sc = m, t = n;
        const uint64_t fr = (sr + R_ - 1) / R_, fc = (sc + C_ - 1) / C_;
        for (uint64_t b = 0; b < batch; ++b)
            for (uint64_t c = 0; c < fc; ++c)
                for (uint64_t r = 0; r < fr; ++r) {
                    Fold f;
                    f.rows = scalesim_ ? R_ : std::min(R_, sr - r * R_);
                    f.cols = scalesim_ ? C_ : std::min(C_, sc - c * C_);
                    folds_.push_back(f);
                }
        T_ = t;
        simulate();
        SystolicRefResult res;
        res.macs = macs_;
        res.cycles = lastMac_ + 1 + depth_ - 1 - (scalesim_ ? 1 : 0);
        return res;
    }

private:
    struct Fold {
        uint64_t rows = 0, cols = 0;
        int64_t loadStart = -1, streamStart = -1;
        uint64_t macsLeft = 0;
        int64_t lastMac = -1;
    };
    struct Pe {
        RefBeat h, v;             // stream operand; OS B operand or WS/IS psum
        int64_t active = -1;      // fold of the stationary value in use
        int64_t shadow = -1;      // fold of the value waiting in the shadow register
        int64_t copied = -1;      // last fold whose first beat copied shadow -> active here
    };

    bool stationary() const { return df_ != RefDataflow::Os; }

    RefBeat edgeBeat(int64_t cycle, uint64_t lane, bool row) const {
        // The feeder at the edge: fold g streams beats t = 0..T-1 from streamStart.
        for (size_t g = 0; g < folds_.size(); ++g) {
            const Fold& f = folds_[g];
            if (f.streamStart < 0 || cycle < f.streamStart || cycle >= f.streamStart + int64_t(T_)) continue;
            if (lane >= (row ? f.rows : f.cols)) return {};
            return {true, int64_t(g), cycle - f.streamStart};
        }
        return {};
    }

    void simulate() {
        for (auto& f : folds_) f.macsLeft = f.rows * f.cols * T_;
        std::vector<std::vector<Pe>> pe(R_, std::vector<Pe>(C_));
        std::vector<std::deque<RefBeat>> rowDelay(R_), colDelay(C_);
        for (uint64_t i = 0; i < R_; ++i) rowDelay[i].assign(i, RefBeat{});
        for (uint64_t j = 0; j < C_; ++j) colDelay[j].assign(j, RefBeat{});
        // Column j's shadow chain runs the load of fold loadFold[j] during [start + j, start + j + rows).
        size_t nextLoad = 0, nextStream = 0;
        int64_t readyAt = 0;  // scalesim: the cycle after the previous fold's last result
        for (int64_t cyc = 0;; ++cyc) {
            if (cyc > 100000000) throw std::runtime_error("reference did not finish");
            // 1. Controller: start a stream and/or a load this cycle (a load may
            //    start in the cycle the previous fold's stream starts).
            if (nextStream < folds_.size() && canStream(nextStream, cyc, readyAt)) {
                folds_[nextStream].streamStart = cyc;
                ++nextStream;
            }
            if (stationary() && nextLoad < folds_.size() && canLoad(nextLoad, cyc, pe, readyAt)) {
                folds_[nextLoad].loadStart = cyc;
                ++nextLoad;
            }
            // 2. Operands move: new register values from the left/top neighbours.
            std::vector<std::vector<Pe>> nx = pe;
            for (uint64_t i = 0; i < R_; ++i) {
                rowDelay[i].push_back(edgeBeat(cyc, i, true));
                const RefBeat in = rowDelay[i].front();
                rowDelay[i].pop_front();
                for (uint64_t j = 0; j < C_; ++j) nx[i][j].h = j == 0 ? in : pe[i][j - 1].h;
            }
            if (!stationary())
                for (uint64_t j = 0; j < C_; ++j) {
                    colDelay[j].push_back(edgeBeat(cyc, j, false));
                    const RefBeat in = colDelay[j].front();
                    colDelay[j].pop_front();
                    for (uint64_t i = 0; i < R_; ++i) nx[i][j].v = i == 0 ? in : pe[i - 1][j].v;
                }
            // 3. Each PE: copy shadow on a fold's first beat, then MAC.
            for (uint64_t i = 0; i < R_; ++i)
                for (uint64_t j = 0; j < C_; ++j) {
                    Pe& p = nx[i][j];
                    const RefBeat& a = p.h;
                    if (!a.valid) {
                        if (stationary()) p.v = RefBeat{};
                        continue;
                    }
                    if (stationary()) {
                        if (a.t == 0) {
                            if (pe[i][j].shadow != a.fold) throw std::runtime_error("shadow lost or late");
                            p.active = pe[i][j].shadow;
                            p.copied = a.fold;
                        }
                        if (j >= folds_[a.fold].cols) {  // no stationary value here: pass through
                            p.v = RefBeat{};
                            continue;
                        }
                        if (p.active != a.fold) throw std::runtime_error("stationary value of another fold");
                        // The psum from the PE above carries the same beat (skew is right).
                        if (i > 0 && !(pe[i - 1][j].v == a)) throw std::runtime_error("psum and stream misaligned");
                        p.v = a;  // psum of this beat moves on down
                    } else {
                        if (!p.v.valid) continue;
                        if (!(p.v == a)) throw std::runtime_error("OS operands of different beats met");
                    }
                    Fold& f = folds_[a.fold];
                    ++macs_;
                    if (--f.macsLeft == 0) f.lastMac = cyc;
                    lastMac_ = std::max<int64_t>(lastMac_, cyc);
                }
            // 4. Shadow chains shift (after the copies: registers read their old value).
            if (stationary()) shiftShadows(pe, nx, cyc);
            pe.swap(nx);
            if (nextStream == folds_.size() && folds_.back().macsLeft == 0 && allDone()) return;
            if (scalesim_) {
                const Fold& cur = folds_[nextStream == 0 ? 0 : nextStream - 1];
                if (nextStream > 0 && cur.macsLeft == 0 && cur.lastMac == cyc) readyAt = cyc + 1 + depth_ - 1;
            }
        }
    }

    bool allDone() const {
        for (const auto& f : folds_)
            if (f.macsLeft) return false;
        return true;
    }

    bool canLoad(size_t h, int64_t cyc, const std::vector<std::vector<Pe>>& pe, int64_t readyAt) const {
        if (scalesim_) return (h == 0 || folds_[h - 1].macsLeft == 0) && cyc >= readyAt;
        if (h == 0) return true;
        // One shadow chain: the previous fold's load is done once its stream began.
        if (folds_[h - 1].streamStart < 0) return false;
        // Every row this load shifts must hold no value still waiting for its
        // fold's first beat (this cycle's copy counts: the shift comes after it).
        for (uint64_t i = 0; i < folds_[h].rows; ++i) {
            const int64_t tag = pe[i][0].shadow;
            if (tag < 0 || pe[i][0].copied >= tag) continue;
            const Fold& f = folds_[tag];
            if (f.streamStart >= 0 && cyc == f.streamStart + int64_t(i)) continue;
            return false;
        }
        return true;
    }

    bool canStream(size_t h, int64_t cyc, int64_t readyAt) const {
        const Fold& f = folds_[h];
        if (stationary()) {
            if (f.loadStart < 0 || cyc < f.loadStart + int64_t(f.rows)) return false;  // column 0 loaded
        } else if (scalesim_ && !(cyc >= readyAt && (h == 0 || folds_[h - 1].macsLeft == 0))) {
            return false;
        }
        if (h > 0 && cyc < folds_[h - 1].streamStart + int64_t(T_)) return false;
        return true;
    }

    void shiftShadows(const std::vector<std::vector<Pe>>& old, std::vector<std::vector<Pe>>& nx, int64_t cyc) {
        for (size_t g = 0; g < folds_.size(); ++g) {
            const Fold& f = folds_[g];
            if (f.loadStart < 0) continue;
            for (uint64_t j = 0; j < C_; ++j) {
                const int64_t s = f.loadStart + int64_t(j);
                if (cyc < s || cyc >= s + int64_t(f.rows)) continue;
                // Rows below the fold's height hold; rows above shift down by one.
                for (uint64_t i = 0; i < f.rows; ++i) {
                    const int64_t prevFold = old[i][j].shadow;
                    const bool inUse = prevFold >= 0 && prevFold != int64_t(g) && nx[i][j].copied < prevFold &&
                                       j < folds_[prevFold].cols && i < folds_[prevFold].rows;
                    if (inUse) throw std::runtime_error("shadow overwritten before its fold copied it");
                    // The value for row i arrives at the last shift; earlier shifts pass values through.
                    nx[i][j].shadow = cyc == s + int64_t(f.rows) - 1 ? int64_t(g) : -2;
                }
            }
        }
    }

    uint64_t R_, C_;
    RefDataflow df_;
    bool scalesim_;
    uint64_t depth_;
    uint64_t T_ = 0;
    std::vector<Fold> folds_;
    uint64_t macs_ = 0;
    int64_t lastMac_ = -1;
};

}  // namespace vgm::test
