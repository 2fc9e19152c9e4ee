// The operator PIN lock: right and wrong PINs, the back-off after wrong tries, and the hidden
// corner gesture that asks for it.
#include <catch2/catch.hpp>

#include "interaction/operator_gesture.h"
#include "interaction/operator_overlay.h"
#include "interaction/pin_lock.h"

using namespace kiosk::app;

TEST_CASE("pin: the right PIN opens, a wrong one does not", "[pin]") {
    PinLock lock("2468");
    CHECK(lock.try_pin("1234", 0.0) == PinResult::Rejected);
    CHECK(lock.try_pin("24680", 1.0) == PinResult::Rejected);
    CHECK(lock.try_pin("246", 2.0) == PinResult::Rejected);
    CHECK(lock.wrong_tries() == 3);
}

TEST_CASE("pin: wrong tries back off, doubling, up to the longest wait", "[pin]") {
    PinLockParams params;
    params.free_tries = 3;
    params.first_wait_s = 30.0;
    params.max_wait_s = 100.0;
    PinLock lock("2468", params);
    double t = 0.0;
    CHECK(lock.try_pin("0000", t) == PinResult::Rejected);
    CHECK(lock.wait_left(t) == 0.0);
    CHECK(lock.try_pin("0000", t) == PinResult::Rejected);
    CHECK(lock.try_pin("0000", t) == PinResult::Rejected);  // third wrong: 30 s wait
    CHECK(lock.wait_left(t) == Approx(30.0));
    // During the wait even the right PIN is refused, and the refusal is not counted.
    CHECK(lock.try_pin("2468", t + 29.0) == PinResult::Waiting);
    CHECK(lock.wrong_tries() == 3);
    t += 30.0;
    CHECK(lock.try_pin("0000", t) == PinResult::Rejected);  // fourth: 60 s
    CHECK(lock.wait_left(t) == Approx(60.0));
    t += 60.0;
    CHECK(lock.try_pin("0000", t) == PinResult::Rejected);  // fifth: 120 -> capped at 100 s
    CHECK(lock.wait_left(t) == Approx(100.0));
    t += 100.0;
    CHECK(lock.try_pin("2468", t) == PinResult::Accepted);
    CHECK(lock.wrong_tries() == 0);
    CHECK(lock.try_pin("0000", t) == PinResult::Rejected);  // the count starts again: no wait
    CHECK(lock.wait_left(t) == 0.0);
}

TEST_CASE("pin: no PIN configured means nothing ever unlocks", "[pin]") {
    PinLock lock("");
    CHECK_FALSE(lock.enabled());
    CHECK(lock.try_pin("", 0.0) == PinResult::Disabled);
    CHECK(lock.try_pin("0000", 0.0) == PinResult::Disabled);
}

TEST_CASE("pin: the comparison looks at every character", "[pin]") {
    CHECK(same_secret("1234", "1234"));
    CHECK_FALSE(same_secret("1234", "1235"));
    CHECK_FALSE(same_secret("1234", "12340"));
    CHECK_FALSE(same_secret("", "0"));
    CHECK(same_secret("", ""));
}

namespace {
Gesture long_press(float x, float y, double end, double held) {
    Gesture g;
    g.type = GestureType::LongPress;
    g.x = x;
    g.y = y;
    g.time = end;
    g.duration = held;
    return g;
}
}  // namespace

TEST_CASE("operator gesture: hold one corner, then the opposite one", "[pin]") {
    const float w = 800, h = 480, mm = 4.0f;  // corners are 60 px squares
    OperatorGesture gesture;
    CHECK_FALSE(gesture.feed(long_press(10, 10, 3.0, 2.5), w, h, mm));
    CHECK(gesture.feed(long_press(790, 470, 6.0, 2.2), w, h, mm));

    // Not the opposite corner, too short, too late, or something in between: no.
    CHECK_FALSE(gesture.feed(long_press(10, 10, 3.0, 2.5), w, h, mm));
    CHECK_FALSE(gesture.feed(long_press(790, 10, 6.0, 2.5), w, h, mm));
    CHECK_FALSE(gesture.feed(long_press(10, 10, 10.0, 2.5), w, h, mm));
    CHECK_FALSE(gesture.feed(long_press(790, 470, 13.0, 1.5), w, h, mm));
    CHECK_FALSE(gesture.feed(long_press(10, 10, 20.0, 2.5), w, h, mm));
    CHECK_FALSE(gesture.feed(long_press(790, 470, 40.0, 2.5), w, h, mm));
    CHECK_FALSE(gesture.feed(long_press(10, 470, 50.0, 2.5), w, h, mm));
    Gesture tap;
    tap.type = GestureType::Tap;
    CHECK_FALSE(gesture.feed(tap, w, h, mm));
    CHECK_FALSE(gesture.feed(long_press(790, 10, 53.0, 2.5), w, h, mm));
    // Away from the corners: no.
    CHECK_FALSE(gesture.feed(long_press(400, 240, 60.0, 2.5), w, h, mm));
    CHECK(gesture.corner_of(400, 240, w, h, mm) == -1);
    CHECK(gesture.corner_of(799, 0, w, h, mm) == 1);
}

TEST_CASE("operator overlay: PIN pad, facts, Exit and Reload, closes by itself", "[pin][operator]") {
    OperatorOverlay overlay(PinLock("2468"));
    overlay.open(0.0);
    REQUIRE(overlay.screen(0.0) == OperatorScreen::Pin);
    for (int d : {2, 4, 6, 9}) overlay.press(OperatorKey::Digit, d, 1.0);
    overlay.press(OperatorKey::Back, 0, 1.1);
    CHECK(overlay.digits_entered() == 3);
    overlay.press(OperatorKey::Digit, 8, 1.2);
    CHECK(overlay.press(OperatorKey::Exit, 0, 1.3) == OperatorAction::None);  // not on the pad
    overlay.press(OperatorKey::Enter, 0, 1.4);
    REQUIRE(overlay.screen(1.4) == OperatorScreen::Facts);
    CHECK(overlay.digits_entered() == 0);
    CHECK(overlay.press(OperatorKey::Reload, 0, 2.0) == OperatorAction::Reload);
    CHECK(overlay.screen(61.9) == OperatorScreen::Facts);  // stays open to show the outcome, timer restarted
    CHECK(overlay.press(OperatorKey::Close, 0, 3.0) == OperatorAction::None);
    CHECK(overlay.screen(3.0) == OperatorScreen::Closed);

    overlay.open(10.0);
    CHECK(overlay.screen(69.9) == OperatorScreen::Pin);
    CHECK(overlay.screen(70.0) == OperatorScreen::Closed);  // left alone: closed
    CHECK(overlay.press(OperatorKey::Enter, 0, 70.0) == OperatorAction::None);
}

TEST_CASE("operator overlay: wrong PINs say so and show the wait, never the digits", "[pin][operator]") {
    OperatorOverlay overlay(PinLock("2468"));
    overlay.open(0.0);
    for (int i = 0; i < 3; ++i) {
        overlay.press(OperatorKey::Digit, 1, 1.0);
        overlay.press(OperatorKey::Enter, 0, 1.0);
    }
    CHECK(overlay.screen(1.0) == OperatorScreen::Pin);
    CHECK(overlay.message(1.0) == "Too many wrong tries. Try again in 30 s.");
    CHECK(overlay.message(11.5) == "Too many wrong tries. Try again in 20 s.");
    // The right PIN during the wait does not open it.
    for (int d : {2, 4, 6, 8}) overlay.press(OperatorKey::Digit, d, 12.0);
    overlay.press(OperatorKey::Enter, 0, 12.0);
    CHECK(overlay.screen(12.0) == OperatorScreen::Pin);
    CHECK(overlay.message(40.0) == "Wrong PIN.");
    for (int d : {2, 4, 6, 8}) overlay.press(OperatorKey::Digit, d, 41.0);
    CHECK(overlay.press(OperatorKey::Exit, 0, 41.0) == OperatorAction::None);
    overlay.press(OperatorKey::Enter, 0, 41.5);
    CHECK(overlay.screen(41.5) == OperatorScreen::Facts);
    CHECK(overlay.press(OperatorKey::Exit, 0, 42.0) == OperatorAction::Exit);
}

TEST_CASE("operator overlay: without a PIN it never opens", "[pin][operator]") {
    OperatorOverlay overlay(PinLock(""));
    overlay.open(0.0);
    CHECK(overlay.screen(0.0) == OperatorScreen::Closed);
}
