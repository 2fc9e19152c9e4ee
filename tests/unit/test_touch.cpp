// The touch recogniser from scripted pointer samples: tap versus drag thresholds, release velocity,
// long press, and the rules for a second contact or a palm.
#include <catch2/catch.hpp>

#include <vector>

#include "interaction/touch.h"

using namespace kiosk::app;

namespace {

constexpr float kPxPerMm = 4.0f;  // a round number keeps the thresholds readable

TouchParams params() {
    TouchParams p;
    p.px_per_mm = kPxPerMm;  // slop 3 mm = 12 px, jump 30 mm = 120 px
    return p;
}

PointerSample down(float x, float y, double t, int pointer = 0) { return {ContactPhase::Down, pointer, x, y, t}; }
PointerSample move(float x, float y, double t, int pointer = 0) { return {ContactPhase::Move, pointer, x, y, t}; }
PointerSample up(float x, float y, double t, int pointer = 0) { return {ContactPhase::Up, pointer, x, y, t}; }

std::vector<Gesture> run(TouchRecognizer& touch, const std::vector<PointerSample>& samples) {
    std::vector<Gesture> out;
    for (const PointerSample& s : samples) {
        const Gesture g = touch.feed(s);
        if (g.type != GestureType::None) out.push_back(g);
    }
    return out;
}

std::vector<GestureType> types(const std::vector<Gesture>& gestures) {
    std::vector<GestureType> out;
    for (const Gesture& g : gestures) out.push_back(g.type);
    return out;
}

float total_drag_y(const std::vector<Gesture>& gestures) {
    float y = 0.0f;
    for (const Gesture& g : gestures)
        if (g.type == GestureType::Drag || g.type == GestureType::DragBegin) y += g.step_y;
    return y;
}

}  // namespace

TEST_CASE("touch: a still, short press is a tap where the finger came down", "[touch]") {
    TouchRecognizer touch(params());
    const auto g = run(touch, {down(100, 200, 0.0), move(103, 202, 0.05), up(104, 203, 0.12)});
    REQUIRE(types(g) == std::vector{GestureType::Press, GestureType::Tap});
    CHECK(g[1].x == 100.0f);
    CHECK(g[1].y == 200.0f);
    CHECK(g[1].duration == Approx(0.12));
    CHECK_FALSE(touch.pressed());
}

TEST_CASE("touch: the tap slop is the threshold between tap and drag", "[touch]") {
    // 11.9 px (just under 3 mm) is still a tap; 12.1 px is a drag, and a drag never taps.
    {
        TouchRecognizer touch(params());
        const auto g = run(touch, {down(0, 0, 0.0), move(0, 11.9f, 0.05), up(0, 11.9f, 0.1)});
        CHECK(types(g) == std::vector{GestureType::Press, GestureType::Tap});
    }
    {
        TouchRecognizer touch(params());
        const auto g = run(touch, {down(0, 0, 0.0), move(0, 12.1f, 0.05), up(0, 12.1f, 0.1)});
        CHECK(types(g) == std::vector{GestureType::Press, GestureType::DragBegin, GestureType::DragEnd});
    }
    {
        // Out and back again: it was a drag, so lifting where it started is still no tap.
        TouchRecognizer touch(params());
        const auto g = run(touch, {down(0, 0, 0.0), move(0, 40, 0.05), move(0, 0, 0.1), up(0, 0, 0.3)});
        CHECK(types(g).back() == GestureType::DragEnd);
        for (const Gesture& each : g) CHECK(each.type != GestureType::Tap);
    }
}

TEST_CASE("touch: a drag reports steps from where it left the slop, and the release velocity", "[touch]") {
    TouchRecognizer touch(params());
    std::vector<PointerSample> samples{down(50, 500, 0.0)};
    // 60 Hz samples moving up 10 px a frame (600 px/s).
    for (int i = 1; i <= 20; ++i) samples.push_back(move(50, 500 - 10.0f * i, i / 60.0));
    samples.push_back(up(50, 300, 20 / 60.0 + 0.005));
    const auto g = run(touch, samples);
    REQUIRE(g.front().type == GestureType::Press);
    REQUIRE(g[1].type == GestureType::DragBegin);  // at the second sample (20 px > 12 px slop)
    // The steps add up to the movement beyond the slop: no jump by the slop, nothing lost.
    CHECK(g[1].step_y == Approx(-(20.0f - 12.0f)));
    CHECK(total_drag_y(g) == Approx(-(200.0f - 12.0f)));
    REQUIRE(g.back().type == GestureType::DragEnd);
    CHECK(g.back().velocity_y == Approx(-600.0f).epsilon(0.02));
    CHECK(g.back().velocity_x == Approx(0.0f).margin(1e-3));
}

TEST_CASE("touch: a finger that stops before lifting does not fling", "[touch]") {
    TouchRecognizer touch(params());
    std::vector<PointerSample> samples{down(50, 500, 0.0)};
    for (int i = 1; i <= 10; ++i) samples.push_back(move(50, 500 - 20.0f * i, i / 60.0));
    samples.push_back(up(50, 300, 10 / 60.0 + 0.3));  // held still for 0.3 s, then lifted
    const auto g = run(touch, samples);
    REQUIRE(g.back().type == GestureType::DragEnd);
    CHECK(g.back().velocity_y == 0.0f);
}

TEST_CASE("touch: release velocity is clamped", "[touch]") {
    TouchRecognizer touch(params());
    const auto g = run(touch, {down(0, 1000, 0.0), move(0, 990, 0.001), move(0, 900, 0.002), up(0, 900, 0.003)});
    REQUIRE(g.back().type == GestureType::DragEnd);
    CHECK(std::abs(g.back().velocity_y) <= params().max_speed_mm_s * kPxPerMm + 1.0f);
}

TEST_CASE("touch: a long still press is a long press, never a tap", "[touch]") {
    TouchRecognizer touch(params());
    const auto g = run(touch, {down(10, 10, 0.0), move(11, 10, 0.5), up(11, 10, 1.3)});
    REQUIRE(types(g) == std::vector{GestureType::Press, GestureType::LongPress});
    CHECK(g[1].duration == Approx(1.3));
}

TEST_CASE("touch: a pointer leap (a second finger or a palm under X11 emulation) moves nothing", "[touch]") {
    SECTION("during a drag: the leap adds no step and the drag carries on from the new place") {
        TouchRecognizer touch(params());
        const auto g = run(touch, {down(100, 500, 0.0), move(100, 480, 0.016), move(100, 460, 0.033),
                                   move(700, 100, 0.050),  // 600 px = 150 mm in one sample
                                   move(700, 90, 0.066), up(700, 90, 0.3)});
        CHECK(total_drag_y(g) == Approx(-8.0f - 20.0f - 10.0f));  // 500->480 less the slop, 480->460, 100->90
        CHECK(touch.saw_second_contact());
        CHECK(g.back().type == GestureType::DragEnd);
    }
    SECTION("during a press: no tap and no drag; the rest is ignored until the finger lifts") {
        TouchRecognizer touch(params());
        const auto g = run(touch, {down(100, 500, 0.0), move(600, 500, 0.03), move(600, 300, 0.06), up(100, 500, 0.1)});
        CHECK(types(g) == std::vector{GestureType::Press, GestureType::Cancel});
        CHECK_FALSE(touch.pressed());
    }
    SECTION("a fast but continuous flick is not mistaken for a leap") {
        TouchRecognizer touch(params());
        std::vector<PointerSample> samples{down(0, 1000, 0.0)};
        for (int i = 1; i <= 8; ++i) samples.push_back(move(0, 1000 - 100.0f * i, i / 60.0));  // 6000 px/s
        samples.push_back(up(0, 200, 8 / 60.0 + 0.004));
        const auto g = run(touch, samples);
        CHECK_FALSE(touch.saw_second_contact());
        CHECK(total_drag_y(g) == Approx(-800.0f + 12.0f));
    }
    SECTION("a flick that speeds up to long steps is not a leap either") {
        TouchRecognizer touch(params());
        float y = 2000.0f;
        std::vector<PointerSample> samples{down(0, y, 0.0)};
        const float steps[] = {10, 25, 60, 130, 250, 300, 280};  // up to 75 mm a sample (4.5 m/s)
        for (int i = 0; i < 7; ++i) samples.push_back(move(0, y -= steps[i], (i + 1) / 60.0));
        samples.push_back(up(0, y, 7 / 60.0 + 0.004));
        const auto g = run(touch, samples);
        CHECK_FALSE(touch.saw_second_contact());
        CHECK(total_drag_y(g) == Approx(-(1055.0f - 12.0f)));
        CHECK(g.back().velocity_y < -1000.0f);
    }
}

TEST_CASE("touch: a second contact with its own id freezes the gesture until every finger lifts", "[touch]") {
    TouchRecognizer touch(params());
    const auto g = run(touch, {down(100, 500, 0.0, 1), move(100, 470, 0.02, 1), down(400, 500, 0.03, 2),
                               move(100, 300, 0.05, 1), move(400, 200, 0.06, 2), up(100, 300, 0.08, 1),
                               move(400, 100, 0.09, 2), up(400, 100, 0.1, 2)});
    REQUIRE(types(g) == std::vector{GestureType::Press, GestureType::DragBegin, GestureType::DragEnd});
    CHECK(g.back().velocity_y == 0.0f);  // held, not flung
    CHECK_FALSE(touch.pressed());
    // And the next single finger works normally.
    const auto next = run(touch, {down(10, 10, 1.0, 3), up(10, 10, 1.1, 3)});
    CHECK(types(next) == std::vector{GestureType::Press, GestureType::Tap});
}

TEST_CASE("touch: a two-finger tap is not a tap", "[touch]") {
    TouchRecognizer touch(params());
    const auto g = run(touch, {down(100, 100, 0.0, 1), down(200, 100, 0.01, 2), up(100, 100, 0.1, 1), up(200, 100, 0.1, 2)});
    REQUIRE(types(g) == std::vector{GestureType::Press, GestureType::Cancel});
}

TEST_CASE("touch: cancel ends a press without a tap and a drag without a fling", "[touch]") {
    TouchRecognizer touch(params());
    run(touch, {down(0, 0, 0.0)});
    CHECK(touch.cancel(0.05).type == GestureType::Cancel);
    CHECK(touch.feed(up(0, 0, 0.1)).type == GestureType::None);  // the rest of it is ignored

    run(touch, {down(0, 0, 1.0), move(0, 50, 1.02), move(0, 100, 1.04)});
    const Gesture end = touch.cancel(1.05);
    CHECK(end.type == GestureType::DragEnd);
    CHECK(end.velocity_y == 0.0f);
}

TEST_CASE("touch: moves with no finger down are hover and mean nothing", "[touch]") {
    TouchRecognizer touch(params());
    CHECK(run(touch, {move(0, 0, 0.0), move(500, 500, 0.1), up(500, 500, 0.2)}).empty());
}
