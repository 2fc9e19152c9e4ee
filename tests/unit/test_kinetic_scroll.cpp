// Kinetic scrolling at fixed instants: a fling decays and comes to rest inside the bounds, the
// position never jumps, the ends give a rubber band and spring back, reduced motion stops dead.
#include <catch2/catch.hpp>

#include <cmath>

#include "interaction/kinetic_scroll.h"

using namespace kiosk::app;

namespace {

// Samples the curve every millisecond from t0 until it rests; checks continuity on the way.
struct Trace {
    float min = 1e9f, max = -1e9f, largest_step = 0.0f;
    double rest_time = 0.0;
    float rest = 0.0f;
};
Trace sample(const KineticScroll& scroll, double t0, double t1 = 30.0) {
    Trace trace;
    float previous = scroll.position(t0);
    for (double t = t0; t < t1; t += 0.001) {
        const float p = scroll.position(t);
        trace.min = std::min(trace.min, p);
        trace.max = std::max(trace.max, p);
        trace.largest_step = std::max(trace.largest_step, std::abs(p - previous));
        previous = p;
        if (!scroll.moving(t)) {
            trace.rest_time = t;
            trace.rest = p;
            return trace;
        }
    }
    trace.rest_time = t1;
    trace.rest = scroll.position(t1);
    return trace;
}

}  // namespace

TEST_CASE("kinetic: a fling glides, decelerates and stops inside the bounds", "[kinetic]") {
    KineticScroll scroll;
    scroll.set_limit(10000.0f, 0.0);
    scroll.jump_to(2000.0f, 0.0);
    scroll.drag_by(50.0f, 0.1);
    scroll.release(1500.0f, 0.1);
    REQUIRE(scroll.moving(0.2));
    // Decelerating: the speed falls monotonically.
    float last_speed = 1e9f;
    for (double t = 0.1; t < 1.5; t += 0.05) {
        const float v = scroll.velocity(t);
        CHECK(v <= last_speed);
        CHECK(v >= 0.0f);
        last_speed = v;
    }
    const Trace trace = sample(scroll, 0.1);
    CHECK(trace.largest_step < 2.0f);               // 1500 px/s is 1.5 px a millisecond
    CHECK(trace.rest > 2050.0f);
    CHECK(trace.rest <= 2050.0f + 1500.0f * 0.325f);  // never further than v·τ
    CHECK(trace.rest_time < 3.0);
    CHECK_FALSE(scroll.moving(trace.rest_time + 1.0));
    CHECK(scroll.position(trace.rest_time + 100.0) == trace.rest);
    CHECK(scroll.target() == trace.rest);
}

TEST_CASE("kinetic: a fling into an end overshoots gently, springs back and rests exactly at the end", "[kinetic]") {
    for (const float velocity : {-300.0f, -3000.0f, -20000.0f}) {
        INFO(velocity);
        KineticScroll scroll;
        scroll.set_limit(5000.0f, 0.0);
        scroll.jump_to(50.0f, 0.0);  // even the slowest fling here glides further than 50 px
        scroll.release(velocity, 0.0);
        const Trace trace = sample(scroll, 0.0);
        CHECK(trace.rest == 0.0f);
        CHECK(trace.min >= -scroll.params().max_overshoot - 0.5f);
        CHECK(trace.largest_step < std::abs(velocity) * 0.001f + 1.0f);
        CHECK(trace.rest_time < 4.0);
        if (velocity <= -3000.0f) CHECK(trace.min < -5.0f);  // a visible bounce
    }
}

TEST_CASE("kinetic: at the bottom end too", "[kinetic]") {
    KineticScroll scroll;
    scroll.set_limit(800.0f, 0.0);
    scroll.jump_to(700.0f, 0.0);
    scroll.release(4000.0f, 0.0);
    const Trace trace = sample(scroll, 0.0);
    CHECK(trace.rest == 800.0f);
    CHECK(trace.max > 800.0f);
    CHECK(trace.max <= 800.0f + scroll.params().max_overshoot + 0.5f);
}

TEST_CASE("kinetic: dragging past an end moves the page less and less, release springs back", "[kinetic]") {
    KineticScroll scroll;
    scroll.set_limit(1000.0f, 0.0);
    scroll.hold(0.0);
    scroll.drag_by(-100.0f, 0.1);
    const float a = scroll.position(0.1);
    scroll.drag_by(-100.0f, 0.2);
    const float b = scroll.position(0.2);
    scroll.drag_by(-1000.0f, 0.3);
    const float c = scroll.position(0.3);
    CHECK(a < 0.0f);
    CHECK(a > -100.0f);                 // less than the finger
    CHECK(b - a > c - b - 1000.0f);     // each further pixel moves it less
    CHECK(std::abs(b - a) < 100.0f);
    CHECK(c > -scroll.params().rubber_extent);
    scroll.release(0.0f, 0.3);
    const Trace trace = sample(scroll, 0.3);
    CHECK(trace.rest == 0.0f);
    CHECK(trace.largest_step < 30.0f);
    // Catching the page while it springs back holds it where it is shown, without a jump.
    KineticScroll again;
    again.set_limit(1000.0f, 0.0);
    again.drag_by(-300.0f, 0.0);
    again.release(0.0f, 0.0);
    const float shown = again.position(0.05);
    again.hold(0.05);
    CHECK(again.position(0.05) == Approx(shown).margin(0.01));
}

TEST_CASE("kinetic: a finger down stops a fling where it is", "[kinetic]") {
    KineticScroll scroll;
    scroll.set_limit(10000.0f, 0.0);
    scroll.jump_to(1000.0f, 0.0);
    scroll.release(2000.0f, 0.0);
    const float at = scroll.position(0.2);
    scroll.hold(0.2);
    CHECK(scroll.position(0.2) == Approx(at));
    CHECK(scroll.position(5.0) == Approx(at));
    CHECK_FALSE(scroll.moving(0.3));
}

TEST_CASE("kinetic: reduced motion stops dead at the ends, no rubber band", "[kinetic]") {
    KineticParams params;
    params.overshoot = false;
    KineticScroll scroll(params);
    scroll.set_limit(1000.0f, 0.0);
    scroll.drag_by(-200.0f, 0.0);
    CHECK(scroll.position(0.0) == 0.0f);
    scroll.release(-5000.0f, 0.0);
    CHECK_FALSE(scroll.moving(0.0));
    scroll.jump_to(900.0f, 1.0);
    scroll.release(5000.0f, 1.0);
    const Trace trace = sample(scroll, 1.0);
    CHECK(trace.max <= 1000.0f);
    CHECK(trace.rest == 1000.0f);
}

TEST_CASE("kinetic: keys and wheel ease to a clamped target", "[kinetic]") {
    KineticScroll scroll;
    scroll.set_limit(500.0f, 0.0);
    scroll.ease_by(300.0f, 0.0);
    scroll.ease_by(300.0f, 0.1);   // heads on from the first target, clamped at the end
    CHECK(scroll.target() == 500.0f);
    const Trace trace = sample(scroll, 0.1);
    CHECK(trace.rest == 500.0f);
    CHECK(trace.max <= 500.0f);
}

TEST_CASE("kinetic: a shorter page clamps a resting position and retargets a running fling", "[kinetic]") {
    KineticScroll scroll;
    scroll.set_limit(5000.0f, 0.0);
    scroll.jump_to(4000.0f, 0.0);
    scroll.set_limit(1000.0f, 0.0);
    CHECK(scroll.position(0.0) == 1000.0f);
    scroll.jump_to(500.0f, 1.0);
    scroll.release(3000.0f, 1.0);
    scroll.set_limit(600.0f, 1.05);
    const Trace trace = sample(scroll, 1.05);
    CHECK(trace.rest == 600.0f);
}
