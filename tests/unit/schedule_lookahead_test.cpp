// ZSS look-ahead: prediction accounting and the mask history.
#include <catch2/catch.hpp>

#include "timing/schedule/Lookahead.h"

using namespace vgm::timing;
using vgm::workload::SkipSet;

TEST_CASE("lookahead: hand-checked prediction", "[schedule][lookahead]") {
    const SkipSet pred{{1, 2, 3}, {0, 0, 0}}, actual{{2, 3, 4}, {0, 0, 5}};
    const Speculation s = verifyPrediction(&pred, &actual, 10, 5);
    CHECK(s.rows == 10);
    CHECK(s.predictedSkips == 3);
    CHECK(s.falseSkips == 1);   // row 1: replayed
    CHECK(s.missedSkips == 1);  // row 4: computed although skippable
    CHECK(s.hits == 8);
    CHECK(s.replayCycles == 5);  // one false positive x 5 cycles
    CHECK(falsePositives(&pred, &actual, 10) == std::vector<uint32_t>{1});
    CHECK(falsePositives(&pred, &actual, 1).empty());  // row 1 beyond the operator's rows
    CHECK(s.rowsSkipped() == 2);
    CHECK(s.rowsComputed() == 8);
    const SkipSet both = intersectSkips(pred, actual);
    CHECK(both.rows == std::vector<uint32_t>{2, 3});
    CHECK(both.refs == std::vector<uint32_t>{0, 0});
}

TEST_CASE("lookahead: no history predicts dense", "[schedule][lookahead]") {
    const SkipSet actual{{0, 7}, {1, 6}};
    const Speculation s = verifyPrediction(nullptr, &actual, 8, 5);
    CHECK(s.predictedSkips == 0);
    CHECK(s.falseSkips == 0);
    CHECK(s.missedSkips == 2);
    CHECK(s.hits == 6);
    CHECK(s.rowsComputed() == 8);
}

TEST_CASE("lookahead: each false positive pays the penalty once", "[schedule][lookahead]") {
    const SkipSet pred{{0, 1, 2, 3, 4}, {9, 9, 9, 9, 9}};
    const Speculation s = verifyPrediction(&pred, nullptr, 10, 5);
    CHECK(s.falseSkips == 5);
    CHECK(s.replayCycles == 25);
    CHECK(s.rowsComputed() == 10);
    CHECK(falsePositives(&pred, nullptr, 10) == std::vector<uint32_t>{0, 1, 2, 3, 4});
    const SkipSet actual{{1, 3, 8}, {0, 0, 9}};
    CHECK(falsePositives(&pred, &actual, 10) == std::vector<uint32_t>{0, 2, 4});
    const Speculation t = verifyPrediction(&pred, &actual, 10, 7);
    CHECK(t.falseSkips == 3);
    CHECK(t.missedSkips == 1);  // row 8
    CHECK(t.replayCycles == 21);
    CHECK(t.rowsComputed() == 8);  // 10 - rows 1 and 3
}

TEST_CASE("lookahead: history keeps the last mask per slot", "[schedule][lookahead]") {
    MaskHistory h;
    CHECK(!h.seen(3));
    CHECK(h.predict(3) == nullptr);
    auto m = std::make_shared<const SkipSet>(SkipSet{{1}, {0}});
    h.update(3, m);
    CHECK(h.seen(3));
    CHECK(h.predict(3) == m);
    h.update(3, nullptr);
    CHECK(h.seen(3));
    CHECK(h.predict(3) == nullptr);
}
