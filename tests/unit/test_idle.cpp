// The idle state machine at fixed instants: the card, its countdown, the reset, the attract loop,
// and which waking inputs are swallowed.
#include <catch2/catch.hpp>

#include "interaction/idle.h"

using namespace kiosk::app;

TEST_CASE("idle: quiet time brings the card, which counts down to a reset", "[idle]") {
    IdleMachine idle({}, 0.0);  // defaults: 90 s quiet, 10 s countdown, attract on
    CHECK(idle.status(89.9).phase == IdlePhase::Active);
    CHECK(idle.next_change(10.0) == Approx(90.0));
    const IdleStatus card = idle.status(90.0);
    CHECK(card.phase == IdlePhase::Prompt);
    CHECK(card.countdown_shown == 10);
    CHECK(idle.status(90.5).countdown_shown == 10);
    CHECK(idle.status(91.0).countdown_shown == 9);
    CHECK(idle.status(99.9).countdown_shown == 1);
    CHECK(idle.next_change(90.5) == Approx(91.0));
    CHECK(idle.next_change(99.5) == Approx(100.0));
    CHECK(idle.status(99.9).reset_count == 0);
    const IdleStatus after = idle.status(100.0);
    CHECK(after.reset_count == 1);
    CHECK(after.phase == IdlePhase::Attract);
    CHECK(after.attract_view == 0);
}

TEST_CASE("idle: a touch on the card keeps the reader there and is swallowed", "[idle]") {
    IdleMachine idle({}, 0.0);
    CHECK(idle.input(50.0) == WakeAction::Pass);       // an ordinary touch while reading
    CHECK(idle.status(139.0).phase == IdlePhase::Active);
    CHECK(idle.input(145.0) == WakeAction::SwallowKeep);  // the card was up (from 140 s)
    CHECK(idle.status(145.0).phase == IdlePhase::Active);
    CHECK(idle.status(234.9).reset_count == 0);        // no reset came due
    CHECK(idle.status(245.0).reset_count == 1);        // 145 + 90 + 10
}

TEST_CASE("idle: the attract loop cycles through the views, the waking touch is swallowed", "[idle]") {
    IdleParams params;
    params.quiet_s = 60.0;
    params.countdown_s = 10.0;
    params.attract_view_s = 20.0;
    params.attract_views = 3;
    IdleMachine idle(params, 0.0);
    CHECK(idle.status(75.0).attract_view == 0);
    CHECK(idle.status(95.0).attract_view == 1);
    CHECK(idle.status(115.0).attract_view == 2);
    CHECK(idle.status(135.0).attract_view == 0);
    CHECK(idle.next_change(95.0) == Approx(110.0));
    const uint64_t resets = idle.status(135.0).reset_count;
    CHECK(idle.input(135.0) == WakeAction::SwallowReset);
    CHECK(idle.status(135.0).phase == IdlePhase::Active);
    CHECK(idle.status(135.0).reset_count == resets);   // counts never go back
    CHECK(idle.status(205.0).reset_count == resets + 1);
}

TEST_CASE("idle: with the loop off it rests after the reset, a touch then is an ordinary touch", "[idle]") {
    IdleParams params;
    params.attract = false;
    IdleMachine idle(params, 0.0);
    CHECK(idle.status(100.0).phase == IdlePhase::Resting);
    CHECK(idle.status(100.0).reset_count == 1);
    CHECK(idle.next_change(200.0) == std::numeric_limits<double>::infinity());
    CHECK(idle.input(300.0) == WakeAction::Pass);
}

TEST_CASE("idle: quiet_s 0 turns idle handling off", "[idle]") {
    IdleParams params;
    params.quiet_s = 0.0;
    IdleMachine idle(params, 0.0);
    CHECK(idle.status(1e6).phase == IdlePhase::Active);
    CHECK(idle.status(1e6).reset_count == 0);
    CHECK(idle.next_change(5.0) == std::numeric_limits<double>::infinity());
}
