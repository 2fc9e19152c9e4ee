// The operator PIN lock: right and wrong PINs, the back-off after wrong tries, and the hidden
// corner gesture that asks for it.
#include <catch2/catch.hpp>

#include "app/operator_gesture.h"
#include "app/pin_lock.h"

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
