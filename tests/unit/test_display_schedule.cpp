// The display schedule, burn-in shift, the gate that applies them to the window loop, and the
// [display] config table. Times are injected local seconds; nothing here sleeps or reads a clock.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <utility>

#include "app/config.h"
#include "service/display_gate.h"
#include "service/display_schedule.h"

using namespace kiosk;
using app::DisplayParams;

namespace {

constexpr double kDay = 86400.0;
// A local day some years after 1970, so "day + HH:MM" is easy to write.
constexpr double kMonday = 20000.0 * kDay;
double at(int hours, int minutes, double seconds = 0.0) { return kMonday + hours * 3600.0 + minutes * 60.0 + seconds; }

DisplayParams day_schedule() {
    DisplayParams params;
    params.schedule = true;
    params.on_minute = 7 * 60;
    params.off_minute = 22 * 60;
    params.wake_s = 300.0;
    return params;
}

platform::InputEvent pointer(platform::EventType type, float x, float y) {
    platform::InputEvent event;
    event.type = type;
    event.x = x;
    event.y = y;
    return event;
}

}  // namespace

TEST_CASE("clock times parse as minutes of the day", "[display]") {
    CHECK(app::parse_clock_time("00:00") == 0);
    CHECK(app::parse_clock_time("07:30") == 450);
    CHECK(app::parse_clock_time("23:59") == 1439);
    CHECK(app::parse_clock_time("24:00") == 1440);
    for (const char* bad : {"7:30", "07:60", "24:01", "25:00", "0730", "07-30", "", "ab:cd", "07:30 "})
        CHECK(app::parse_clock_time(bad) == -1);
}

TEST_CASE("the schedule turns the screen on and off at the configured local times", "[display]") {
    const DisplayParams params = day_schedule();
    CHECK_FALSE(app::scheduled_on(params, at(6, 59, 59)));
    CHECK(app::scheduled_on(params, at(7, 0)));
    CHECK(app::scheduled_on(params, at(12, 0)));
    CHECK(app::scheduled_on(params, at(21, 59, 59)));
    CHECK_FALSE(app::scheduled_on(params, at(22, 0)));
    CHECK_FALSE(app::scheduled_on(params, at(3, 0)));
    CHECK(app::scheduled_on(params, at(12, 0) + 5 * kDay));  // every day alike

    SECTION("off before on means on overnight") {
        DisplayParams night = params;
        night.on_minute = 18 * 60;
        night.off_minute = 2 * 60;
        CHECK(app::scheduled_on(night, at(23, 0)));
        CHECK(app::scheduled_on(night, at(1, 59)));
        CHECK_FALSE(app::scheduled_on(night, at(2, 0)));
        CHECK_FALSE(app::scheduled_on(night, at(12, 0)));
        CHECK(app::scheduled_on(night, at(18, 0)));
    }
    SECTION("no schedule, or on == off: always on") {
        DisplayParams off = params;
        off.schedule = false;
        CHECK(app::scheduled_on(off, at(3, 0)));
        DisplayParams same = params;
        same.off_minute = same.on_minute;
        CHECK(app::scheduled_on(same, at(3, 0)));
    }
    SECTION("the state says when the next edge comes") {
        DisplayParams still = params;
        still.shift_px = 0;  // only schedule edges
        CHECK(app::display_state(still, at(21, 0), -1.0).next_change == Approx(at(22, 0)));
        CHECK(app::display_state(still, at(23, 0), -1.0).next_change == Approx(at(7, 0) + kDay));
        CHECK(app::display_state(still, at(3, 0), -1.0).next_change == Approx(at(7, 0)));
        still.schedule = false;
        CHECK(std::isinf(app::display_state(still, at(3, 0), -1.0).next_change));
    }
}

TEST_CASE("a touch wakes a black screen for the wake time after the last touch", "[display]") {
    const DisplayParams params = day_schedule();
    const double touch = at(23, 0);
    app::DisplayState state = app::display_state(params, touch + 10.0, touch);
    CHECK(state.on);
    CHECK(state.woken);
    CHECK(state.next_change <= touch + 300.0);
    CHECK(app::display_state(params, touch + 299.0, touch).on);
    CHECK_FALSE(app::display_state(params, touch + 300.0, touch).on);
    CHECK_FALSE(app::display_state(params, touch - 10.0, touch).on);  // a touch in the future is no touch
    state = app::display_state(params, at(12, 0), at(11, 59));
    CHECK(state.on);
    CHECK_FALSE(state.woken);  // on by the schedule anyway
    SECTION("someone reading at closing time is not cut off mid-page") {
        CHECK(app::display_state(params, at(22, 2), at(21, 59)).on);
        CHECK_FALSE(app::display_state(params, at(22, 5), at(21, 59)).on);
    }
}

TEST_CASE("burn-in shift wanders a pixel at a time over the whole square and back", "[display]") {
    DisplayParams params;
    params.shift_px = 3;
    params.shift_period_s = 180.0;
    std::set<std::pair<int, int>> visited;
    app::PixelShift previous = app::burn_in_shift(params, 0.0);
    const int steps = 2 * 49 - 2;  // one full cycle for a 7x7 square
    for (int step = 1; step <= 3 * steps; ++step) {
        const app::PixelShift shift = app::burn_in_shift(params, step * 180.0 + 1.0);
        CHECK(std::abs(shift.x) <= 3);
        CHECK(std::abs(shift.y) <= 3);
        CHECK(std::abs(shift.x - previous.x) + std::abs(shift.y - previous.y) == 1);  // one pixel, never a jump
        visited.insert({shift.x, shift.y});
        previous = shift;
    }
    CHECK(visited.size() == 49);
    // Constant within a period, and a pure function of the time.
    CHECK(app::burn_in_shift(params, 1000.0) == app::burn_in_shift(params, 1000.0 + 1.0));
    CHECK(app::burn_in_shift(params, 1e9) == app::burn_in_shift(params, 1e9));
    CHECK(app::burn_in_shift(params, -500.0).x >= -3);  // before 1970 still in range
    params.shift_px = 0;
    CHECK(app::burn_in_shift(params, 12345.0) == app::PixelShift{});
    SECTION("the state asks for a wake-up at the next step while on") {
        params.shift_px = 3;
        CHECK(app::display_state(params, 1000.0, -1.0).next_change == Approx(1080.0));
    }
}

TEST_CASE("the display gate draws black once, swallows the waking touch and shifts input", "[display]") {
    DisplayParams params = day_schedule();
    params.shift_px = 2;
    params.shift_period_s = 60.0;
    app::DisplayGate gate(params);
    gate.update(at(11, 0));  // started at 11:00; the sections below run after the settling seconds

    SECTION("right after start it keeps drawing for a few seconds, then only on change") {
        app::DisplayGate fresh(params);
        fresh.update(at(12, 0));
        fresh.drawn(app::FrameKind::Picture);
        CHECK(fresh.frame_needed(false) == app::FrameKind::Picture);
        CHECK(fresh.seconds_to_next_change(at(12, 0)) == Approx(app::kSettleInterval));
        fresh.update(at(12, 0, app::kSettleSeconds - 0.1));
        CHECK(fresh.frame_needed(false) == app::FrameKind::Picture);
        fresh.drawn(app::FrameKind::Picture);
        fresh.update(at(12, 0, app::kSettleSeconds));
        CHECK(fresh.frame_needed(false) == app::FrameKind::None);
        CHECK(fresh.seconds_to_next_change(at(12, 0, app::kSettleSeconds)) > 1.0);
    }
    SECTION("during opening hours it draws the picture, then only on change") {
        gate.update(at(12, 0));
        CHECK(gate.frame_needed(false) == app::FrameKind::Picture);  // nothing drawn yet
        gate.drawn(app::FrameKind::Picture);
        CHECK(gate.frame_needed(false) == app::FrameKind::None);
        CHECK(gate.frame_needed(true) == app::FrameKind::Picture);
        gate.update(at(12, 1));  // the shift stepped
        CHECK(gate.frame_needed(false) == app::FrameKind::Picture);
        gate.drawn(app::FrameKind::Picture);
        gate.update(at(12, 1, 30));
        CHECK(gate.frame_needed(false) == app::FrameKind::None);
    }
    SECTION("off hours: one black frame, then nothing, even when the app has changes") {
        gate.update(at(12, 0));
        gate.drawn(app::FrameKind::Picture);
        gate.update(at(22, 0));
        CHECK(gate.frame_needed(true) == app::FrameKind::Black);
        gate.drawn(app::FrameKind::Black);
        gate.update(at(22, 30));
        CHECK(gate.frame_needed(true) == app::FrameKind::None);
        CHECK(gate.frame_needed(false) == app::FrameKind::None);

        // A press wakes it; the press, its moves and its release never reach the app.
        platform::InputEvent down = pointer(platform::EventType::PointerDown, 100, 100);
        CHECK_FALSE(gate.admit(down, at(22, 31)));
        platform::InputEvent move = pointer(platform::EventType::PointerMove, 110, 100);
        CHECK_FALSE(gate.admit(move, at(22, 31, 0.1)));
        platform::InputEvent up = pointer(platform::EventType::PointerUp, 110, 100);
        CHECK_FALSE(gate.admit(up, at(22, 31, 0.2)));
        gate.update(at(22, 31, 1));
        CHECK(gate.state().on);
        CHECK(gate.state().woken);
        CHECK(gate.frame_needed(false) == app::FrameKind::Picture);
        gate.drawn(app::FrameKind::Picture);
        // The next touch is the reader's: it reaches the app, moved into layout pixels.
        platform::InputEvent tap = pointer(platform::EventType::PointerDown, 100, 100);
        REQUIRE(gate.admit(tap, at(22, 32)));
        CHECK(tap.x == Approx(100.0f - float(gate.state().shift.x)));
        CHECK(tap.y == Approx(100.0f - float(gate.state().shift.y)));
        // Five minutes after the last touch it goes black again.
        gate.update(at(22, 37, 1));
        CHECK_FALSE(gate.state().on);
        CHECK(gate.frame_needed(false) == app::FrameKind::Black);
        CHECK(gate.seconds_to_next_change(at(22, 37, 1)) > 0.0);
    }
    SECTION("a lost or resized window is drawn again, whatever was drawn before") {
        gate.update(at(12, 0));
        gate.drawn(app::FrameKind::Picture);
        CHECK(gate.frame_needed(false) == app::FrameKind::None);
        platform::InputEvent exposed;
        exposed.type = platform::EventType::Exposed;
        CHECK(gate.admit(exposed, at(12, 0)));
        CHECK(gate.frame_needed(false) == app::FrameKind::Picture);
        gate.update(at(23, 0));
        gate.drawn(app::FrameKind::Black);
        CHECK(gate.admit(exposed, at(23, 0)));
        CHECK(gate.frame_needed(false) == app::FrameKind::Black);
        CHECK_FALSE(gate.state().on);  // exposing does not wake it
    }
    SECTION("keys always reach the app (an operator can quit a black kiosk)") {
        gate.update(at(23, 0));
        platform::InputEvent key;
        key.type = platform::EventType::KeyDown;
        key.key = platform::Key::Escape;
        CHECK(gate.admit(key, at(23, 0)));
    }
}

TEST_CASE("shift_frame moves the whole frame through DisplayPos", "[display]") {
    ImDrawData draw_data;
    app::shift_frame(&draw_data, app::PixelShift{2, -3});
    CHECK(draw_data.DisplayPos.x == -2.0f);
    CHECK(draw_data.DisplayPos.y == 3.0f);
    app::shift_frame(nullptr, app::PixelShift{1, 1});  // ignored
}

TEST_CASE("the [display] settings set the schedule and shift, keeping defaults for bad values", "[display][config]") {
    SECTION("every key") {
        const app::ConfigLoad load = app::parse_config(R"(
            [display]
            schedule = true
            on = "06:45"
            off = "23:15"
            wake_s = 150
            shift_px = 4
            shift_period_s = 600
        )", "kiosk.toml");
        CHECK(load.faults.empty());
        const DisplayParams& params = load.config.display;
        CHECK(params.schedule);
        CHECK(params.on_minute == 6 * 60 + 45);
        CHECK(params.off_minute == 23 * 60 + 15);
        CHECK(params.wake_s == Approx(150.0));
        CHECK(params.shift_px == 4);
        CHECK(params.shift_period_s == Approx(600.0));
    }
    SECTION("no [display] table: the defaults") {
        const app::ConfigLoad load = app::parse_config("[idle]\nquiet_s = 60\n", "kiosk.toml");
        CHECK(load.faults.empty());
        CHECK_FALSE(load.config.display.schedule);
        CHECK(load.config.display.shift_px == DisplayParams{}.shift_px);
    }
    SECTION("bad values: a fault each, with its line, and the default kept") {
        const app::ConfigLoad load = app::parse_config(
            "[display]\nschedule = \"yes\"\non = \"7:00\"\nshift_px = 99\nwake_s = -1\ncolour = \"red\"\n",
            "kiosk.toml");
        REQUIRE(load.faults.size() == 5);
        CHECK(load.faults[0].code == core::FaultCode::BadSetting);
        CHECK(load.faults[0].line == 2);
        CHECK(load.faults[0].file == "kiosk.toml");
        CHECK(load.faults[1].line == 3);
        CHECK_THAT(load.faults[1].message, Catch::Contains("07:30"));
        CHECK(load.faults[4].code == core::FaultCode::UnknownSetting);
        const DisplayParams& params = load.config.display;
        CHECK_FALSE(params.schedule);
        CHECK(params.on_minute == DisplayParams{}.on_minute);
        CHECK(params.shift_px == DisplayParams{}.shift_px);
        CHECK(params.wake_s == DisplayParams{}.wake_s);
    }
    SECTION("--print-config and the README reference show times as times") {
        CHECK_THAT(app::default_config_toml(), Catch::Contains("on = \"07:00\""));
        CHECK_THAT(app::default_config_toml(), Catch::Contains("off = \"22:00\""));
        bool found = false;
        for (const app::ConfigEntry& entry : app::config_reference())
            if (entry.table == "display" && entry.key == "on") found = entry.range == "\"00:00\" to \"24:00\"";
        CHECK(found);
    }
    SECTION("the packaged config loads without a fault") {
        const app::ConfigLoad shipped = app::load_config(std::string(KIOSK_SOURCE_DIR) + "/deploy/kiosk.toml");
        CHECK(shipped.faults.empty());
        CHECK(shipped.config.window.kiosk);
    }
}
