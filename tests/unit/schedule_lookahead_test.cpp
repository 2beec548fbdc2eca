// ZSS look-ahead: prediction accounting and the mask history.
#include <catch2/catch.hpp>

#include "timing/schedule/Lookahead.h"

using namespace vgm::timing;
using vgm::workload::SkipSet;

TEST_CASE("lookahead: hand-checked prediction", "[schedule][lookahead]") {
    const SkipSet pred{{1, 2, 3}, {0, 0, 0}}, actual{{2, 3, 4}, {0, 0, 5}};
    const Speculation s = verifyPrediction(&pred, &actual, 10, 2, 5);
    CHECK(s.rows == 10);
    CHECK(s.predictedSkips == 3);
    CHECK(s.falseSkips == 1);   // row 1: replayed
    CHECK(s.missedSkips == 1);  // row 4: computed although skippable
    CHECK(s.hits == 8);
    CHECK(s.replayTiles == 1);
    CHECK(s.replayCycles == 5);
    CHECK(s.rowsSkipped() == 2);
    CHECK(s.rowsComputed() == 8);
    const SkipSet both = intersectSkips(pred, actual);
    CHECK(both.rows == std::vector<uint32_t>{2, 3});
    CHECK(both.refs == std::vector<uint32_t>{0, 0});
}

TEST_CASE("lookahead: no history predicts dense", "[schedule][lookahead]") {
    const SkipSet actual{{0, 7}, {1, 6}};
    const Speculation s = verifyPrediction(nullptr, &actual, 8, 4, 5);
    CHECK(s.predictedSkips == 0);
    CHECK(s.falseSkips == 0);
    CHECK(s.missedSkips == 2);
    CHECK(s.hits == 6);
    CHECK(s.rowsComputed() == 8);
}

TEST_CASE("lookahead: false skips are gathered into replay tiles", "[schedule][lookahead]") {
    const SkipSet pred{{0, 1, 2, 3, 4}, {9, 9, 9, 9, 9}};
    const Speculation s = verifyPrediction(&pred, nullptr, 10, 2, 5);
    CHECK(s.falseSkips == 5);
    CHECK(s.replayTiles == 3);
    CHECK(s.replayCycles == 15);
    CHECK(s.rowsComputed() == 10);
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
