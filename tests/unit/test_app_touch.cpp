// The whole App driven by scripted input events and an injected clock (no window, no sleeping):
// drag and fling, tap versus drag on citation markers and tabs, a second contact, no stuck pressed
// state, the idle card and reset, the attract loop and its swallowed waking touch, the
// accessibility controls, the kiosk lock and the operator's PIN.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cmath>

#include "app/app.h"
#include "content/bundle.h"
#include "layout/touch_targets.h"

using namespace kiosk;
using app::App;
using app::IdlePhase;
using app::ViewId;
using platform::EventType;

namespace {

// An App with the built-in article, a scripted finger and a clock that only moves when told.
struct Driver {
    explicit Driver(app::AppParams params = {}, int width = 1080, int height = 1920)
        : app(content::load_builtin_bundle().bundle, params), size{width, height, 96.0f} {
        frame();
    }

    void frame() { app.frame(size, t); }
    void send(EventType type, float x, float y) {
        platform::InputEvent event;
        event.type = type;
        event.x = x;
        event.y = y;
        event.time = t;
        app.handle(event, t);
    }
    void key(platform::Key key, bool ctrl = false, bool alt = false) {
        platform::InputEvent event;
        event.type = EventType::KeyDown;
        event.key = key;
        event.ctrl = ctrl;
        event.alt = alt;
        event.time = t;
        app.handle(event, t);
    }
    void wait(double seconds) {
        t += seconds;
        frame();
    }
    // A still touch of `held` seconds.
    void tap(float x, float y, double held = 0.08) {
        send(EventType::PointerDown, x, y);
        t += held;
        send(EventType::PointerUp, x, y);
        frame();
    }
    void tap(const layout::Box& box) { tap(box.x + box.width * 0.5f, box.y + box.height * 0.5f); }
    // A finger moving from (x, y0) to (x, y1) in `steps` samples at 60 Hz, lifted `pause` later.
    void drag(float x, float y0, float y1, int steps = 20, double pause = 0.004) {
        send(EventType::PointerDown, x, y0);
        for (int i = 1; i <= steps; ++i) {
            t += 1.0 / 60.0;
            send(EventType::PointerMove, x, y0 + (y1 - y0) * i / steps);
        }
        t += pause;
        send(EventType::PointerUp, x, y1);
        frame();
    }
    float scroll() const { return app.scroll_position(t); }

    App app;
    app::FrameSize size;
    double t = 10.0;
};

// The screen position of the first citation marker that is below the top bar at scroll 0.
bool find_marker(const App& app, double now, float* x, float* y, int* source) {
    for (const layout::PlacedRun& run : app.article_layout().runs) {
        if (run.citation <= 0) continue;
        const layout::Box box = layout::citation_box(run, app.fonts().metrics[layout::FontRole::Superscript]);
        *x = app.article_origin_x() + box.x + box.width * 0.5f;
        *y = app.article_origin_y(now) + box.y + box.height * 0.5f;
        *source = run.citation;
        if (*y > app.panel().top_bar && *y < 1500.0f) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("app touch: a drag moves the page with the finger, a flick glides on and rests inside the bounds",
          "[app][touch]") {
    Driver d;
    REQUIRE(d.scroll() == 0.0f);
    // A slow drag (lifted after a pause: no fling) moves the page exactly as far as the finger.
    d.drag(500, 1500, 1100, 20, 0.2);
    const float slop = 3.0f * d.app.panel().mm;
    CHECK(d.scroll() == Approx(400.0f - slop).margin(0.5f));  // the finger's way, less the tap slop
    const float after_drag = d.scroll();
    d.wait(1.0);
    CHECK(d.scroll() == after_drag);

    // A flick keeps going after the finger lifts, slows down and stops.
    d.drag(500, 1500, 1200, 6);
    const float at_release = d.scroll();
    d.wait(0.1);
    const float a = d.scroll();
    d.wait(0.1);
    const float b = d.scroll();
    CHECK(a > at_release);
    CHECK(b - a < a - at_release);  // decelerating
    d.wait(5.0);
    const float rest = d.scroll();
    CHECK(rest > b);
    CHECK(rest <= d.app.scroll_limit());
    CHECK(d.app.next_frame_due(d.t) > d.t + 60.0);  // still until the idle card is due

    // Flung towards the top: it passes the end a little, springs back and settles exactly at 0.
    d.app.scroll_to(1000.0f, d.t);
    d.drag(500, 300, 1100, 16);
    const float at_lift = d.scroll();
    REQUIRE(at_lift > 0.0f);
    float lowest = at_lift;
    for (int i = 0; i < 300; ++i) {
        d.wait(1.0 / 60.0);
        lowest = std::min(lowest, d.scroll());
    }
    CHECK(lowest < -5.0f);                                 // a visible bounce
    CHECK(lowest >= -25.0f * d.app.panel().mm - 0.5f);     // never more than 25 mm past the end
    CHECK(d.scroll() == 0.0f);
    // Pulled far past the end by the finger itself, it follows less and less, and springs back.
    d.send(EventType::PointerDown, 500, 300);
    for (int i = 1; i <= 30; ++i) {
        d.t += 1.0 / 60.0;
        d.send(EventType::PointerMove, 500, 300 + 40.0f * i);
    }
    const float pulled = d.scroll();
    CHECK(pulled < 0.0f);
    CHECK(pulled > -0.5f * 1200.0f);                       // the finger went 1200 px
    d.t += 0.004;
    d.send(EventType::PointerUp, 500, 1500);
    for (int i = 0; i < 120; ++i) {
        d.wait(1.0 / 60.0);
        CHECK(d.scroll() >= pulled - 0.5f);                // straight back, no further out
    }
    CHECK(d.scroll() == 0.0f);
}

TEST_CASE("app touch: a tap on a citation opens its card, a drag starting on it never does", "[app][touch]") {
    Driver d;
    float x = 0, y = 0;
    int source = 0;
    REQUIRE(find_marker(d.app, d.t, &x, &y, &source));
    d.drag(x, y, y - 200.0f);
    CHECK(d.app.open_card_source() == 0);
    CHECK(d.scroll() > 100.0f);
    d.app.scroll_to(0.0f, d.t);
    d.frame();
    // A finger that wobbles within the slop is still a tap.
    d.send(EventType::PointerDown, x, y);
    d.t += 0.05;
    d.send(EventType::PointerMove, x + 3.0f, y + 4.0f);
    d.t += 0.05;
    d.send(EventType::PointerUp, x + 3.0f, y + 4.0f);
    CHECK(d.app.open_card_source() == source);
    CHECK(d.scroll() == 0.0f);
}

TEST_CASE("app touch: a drag across the tabs or a long press on a tab switches nothing", "[app][touch]") {
    Driver d;
    const layout::Box memorial = d.app.tab_boxes()[1];
    const float cx = memorial.x + memorial.width * 0.5f, cy = memorial.y + memorial.height * 0.5f;
    d.send(EventType::PointerDown, cx, cy);
    d.t += 0.05;
    d.send(EventType::PointerMove, cx + 60.0f, cy);
    d.t += 0.05;
    d.send(EventType::PointerUp, cx + 60.0f, cy);
    CHECK(d.app.view() == ViewId::Article);
    d.tap(cx, cy, 1.5);  // held: a long press
    CHECK(d.app.view() == ViewId::Article);
    d.tap(cx, cy);
    CHECK(d.app.view() == ViewId::Memorial);
}

TEST_CASE("app touch: a second contact (a pointer leap) does not make the page jump", "[app][touch]") {
    Driver d;
    d.send(EventType::PointerDown, 500, 1500);
    for (int i = 1; i <= 5; ++i) {
        d.t += 1.0 / 60.0;
        d.send(EventType::PointerMove, 500, 1500 - 10.0f * i);
    }
    const float before = d.scroll();
    d.t += 1.0 / 60.0;
    d.send(EventType::PointerMove, 900, 300);  // a palm or a second finger: 1200 px in one sample
    CHECK(d.scroll() == Approx(before));
    d.t += 1.0 / 60.0;
    d.send(EventType::PointerMove, 900, 290);  // and the drag goes on from there
    CHECK(d.scroll() == Approx(before + 10.0f));
    d.t += 0.2;
    d.send(EventType::PointerUp, 900, 290);
    d.wait(2.0);
    CHECK(d.scroll() == Approx(before + 10.0f));
}

TEST_CASE("app touch: nothing stays pressed or hovered after the finger lifts", "[app][touch]") {
    Driver d;
    const layout::Box button = d.app.access_layout().button;
    d.send(EventType::PointerDown, button.x + 5, button.y + 5);
    CHECK(d.app.any_pressed());
    d.t += 0.05;
    d.send(EventType::PointerUp, button.x + 5, button.y + 5);
    d.frame();
    CHECK_FALSE(d.app.any_pressed());
    CHECK(d.app.access().open);
    d.tap(button);
    REQUIRE_FALSE(d.app.access().open);
    // A press that turns into a drag drops its pressed state at once; so does a leap.
    for (const float away : {60.0f, 600.0f}) {
        d.send(EventType::PointerDown, button.x + 5, button.y + 5);
        CHECK(d.app.any_pressed());
        d.send(EventType::PointerMove, button.x + 5, button.y + away);
        CHECK_FALSE(d.app.any_pressed());
        d.send(EventType::PointerUp, button.x + 5, button.y + away);
        CHECK_FALSE(d.app.access().open);
    }
    // ImGui never sees a mouse: no hover state can stick to where a finger was.
    CHECK_FALSE(ImGui::IsMousePosValid());
}

TEST_CASE("app idle: the card counts down, a touch keeps the reader where they are and presses nothing",
          "[app][idle]") {
    Driver d;
    d.drag(500, 1500, 900, 20, 0.2);
    const float reading_at = d.scroll();
    REQUIRE(reading_at > 400.0f);
    // Untouched: nothing for 90 s, then the card; the loop is told exactly when.
    CHECK(d.app.next_frame_due(d.t + 1.0) == Approx(d.t + 90.0).margin(0.01));
    d.wait(89.0);
    CHECK(d.app.idle_status(d.t).phase == IdlePhase::Active);
    d.wait(2.0);
    REQUIRE(d.app.idle_status(d.t).phase == IdlePhase::Prompt);
    CHECK(d.app.idle_status(d.t).countdown_shown == 9);
    // The touch lands on the Memorial tab under the card: it is swallowed.
    const layout::Box memorial = d.app.tab_boxes()[1];
    d.tap(memorial);
    CHECK(d.app.view() == ViewId::Article);
    CHECK(d.app.idle_status(d.t).phase == IdlePhase::Active);
    CHECK(d.scroll() == reading_at);
}

TEST_CASE("app idle: with nobody there it resets to the start view at the top, then runs the attract loop",
          "[app][idle]") {
    app::AppParams params;
    params.config.accessibility.text_size = 0;
    Driver d(params);
    d.drag(500, 1500, 900, 20, 0.2);
    d.tap(d.app.access_layout().button);                    // open the panel
    d.tap(d.app.access_layout().larger);                    // a visitor enlarged the text
    REQUIRE(d.app.access().text_step == 1);
    d.wait(95.0);
    CHECK(d.app.idle_status(d.t).phase == IdlePhase::Prompt);
    d.wait(5.5);
    CHECK(d.app.idle_status(d.t).phase == IdlePhase::Attract);
    CHECK(d.app.view() == ViewId::Article);
    CHECK(d.scroll() == 0.0f);
    CHECK(d.app.access().text_step == 0);                   // the next visitor starts afresh
    CHECK_FALSE(d.app.access().open);
    // The loop moves through the views, one every 20 s.
    d.wait(20.0);
    CHECK(d.app.view() == ViewId::Memorial);
    d.wait(20.0);
    CHECK(d.app.view() == ViewId::Sources);
    d.wait(20.0);
    CHECK(d.app.view() == ViewId::Article);
    d.wait(20.0);
    REQUIRE(d.app.view() == ViewId::Memorial);
    // The waking touch lands on the Sources tab: swallowed; the kiosk shows its start view.
    d.tap(d.app.tab_boxes()[2]);
    CHECK(d.app.view() == ViewId::Article);
    CHECK(d.app.idle_status(d.t).phase == IdlePhase::Active);
    d.tap(d.app.tab_boxes()[2]);                            // the next touch is an ordinary one
    CHECK(d.app.view() == ViewId::Sources);
}

TEST_CASE("app idle: a waking drag is swallowed whole", "[app][idle]") {
    Driver d;
    d.wait(200.0);
    REQUIRE(d.app.idle_status(d.t).phase == IdlePhase::Attract);
    d.drag(500, 1500, 900);
    CHECK(d.scroll() == 0.0f);
    d.drag(500, 1500, 900, 20, 0.2);
    CHECK(d.scroll() > 400.0f);
}

TEST_CASE("app idle: reduced motion turns the attract loop off", "[app][idle]") {
    app::AppParams params;
    params.config.accessibility.reduced_motion = true;
    Driver d(params);
    d.wait(200.0);
    CHECK(d.app.idle_status(d.t).phase == IdlePhase::Resting);
    CHECK(d.app.next_frame_due(d.t + 1.0) == app::kNever);
    d.wait(100.0);
    CHECK(d.app.view() == ViewId::Article);
}

TEST_CASE("app accessibility: the always-visible button enlarges the text and switches to high contrast",
          "[app][access]") {
    Driver d;
    const float body = d.app.panel().body_size;
    const views::Rgb page = d.app.theme().background;
    d.tap(d.app.access_layout().button);
    REQUIRE(d.app.access().open);
    d.tap(d.app.access_layout().larger);
    d.tap(d.app.access_layout().larger);
    CHECK(d.app.access().text_step == 2);
    CHECK(d.app.panel().body_size >= std::round(body * 1.4f));
    d.tap(d.app.access_layout().contrast);
    CHECK(d.app.access().high_contrast);
    CHECK(views::contrast_ratio(d.app.theme().text, d.app.theme().background) >= 7.0f);
    CHECK_FALSE((d.app.theme().background.r == page.r && d.app.theme().background.g == page.g));
    d.tap(d.app.access_layout().motion);
    CHECK(d.app.reduced_motion());
    d.tap(d.app.access_layout().smaller);
    CHECK(d.app.access().text_step == 1);
    // A tap beside the panel closes it and does nothing else.
    d.tap(40, 1800);
    CHECK_FALSE(d.app.access().open);
    CHECK(d.app.open_card_source() == 0);
    // Reduced motion: a flick into the top stops dead, no bounce.
    d.drag(500, 300, 1700, 16);
    for (int i = 0; i < 60; ++i) {
        d.wait(1.0 / 60.0);
        CHECK(d.scroll() >= 0.0f);
    }
}

TEST_CASE("app kiosk lock: no close, Alt+F4, Ctrl+Q or Esc leaves a locked kiosk", "[app][kiosk]") {
    app::AppParams params;
    params.config.window.kiosk = true;
    params.config.window.cursor_hide_s = 3.0;
    Driver d(params);
    d.send(EventType::CloseRequested, 0, 0);
    d.key(platform::Key::F4, false, true);
    d.key(platform::Key::Q, true);
    d.key(platform::Key::W, true);
    d.key(platform::Key::Escape);
    CHECK_FALSE(d.app.quit_requested());
    // The cursor shows while the pointer moves and hides when it is still.
    d.send(EventType::PointerMove, 10, 10);
    CHECK(d.app.cursor_visible(d.t + 1.0));
    CHECK_FALSE(d.app.cursor_visible(d.t + 3.5));

    Driver unlocked;
    unlocked.key(platform::Key::Q, true);
    CHECK(unlocked.app.quit_requested());
    CHECK(unlocked.app.cursor_visible(unlocked.t + 100.0));
}

TEST_CASE("app operator: the corner gesture asks for the PIN, wrong tries back off, the right one opens Exit",
          "[app][operator]") {
    app::AppParams params;
    params.config.op.pin = "2468";
    params.config.window.kiosk = true;
    Driver d(params);
    const auto enter = [&](const std::string& pin) {
        for (char c : pin) {
            const int digit = c - '0';
            for (size_t i = 0; i < views::kPinKeys.size(); ++i)
                if (views::kPinKeys[i] == digit) d.tap(d.app.pin_pad_layout().keys[i]);
        }
        d.tap(d.app.pin_pad_layout().keys[11]);  // OK
    };
    // Holding one corner alone does nothing; then the opposite corner opens the pad.
    d.tap(5, 5, 2.5);
    CHECK(d.app.operator_screen(d.t) == app::OperatorScreen::Closed);
    d.tap(1075, 1915, 2.5);
    REQUIRE(d.app.operator_screen(d.t) == app::OperatorScreen::Pin);
    enter("1111");
    enter("1357");
    enter("0000");
    CHECK(d.app.operator_screen(d.t) == app::OperatorScreen::Pin);
    enter("2468");  // right, but during the wait
    CHECK(d.app.operator_screen(d.t) == app::OperatorScreen::Pin);
    d.t += 31.0;
    enter("2468");
    REQUIRE(d.app.operator_screen(d.t) == app::OperatorScreen::Facts);
    d.tap(d.app.facts_layout().exit);
    CHECK(d.app.quit_requested());
}

TEST_CASE("app operator: without a configured PIN the gesture opens nothing", "[app][operator]") {
    Driver d;
    d.tap(5, 5, 2.5);
    d.tap(1075, 1915, 2.5);
    CHECK(d.app.operator_screen(d.t) == app::OperatorScreen::Closed);
}

TEST_CASE("app touch: the sources list scrolls the same way, apart from the article", "[app][touch]") {
    Driver d;
    d.tap(d.app.tab_boxes()[2]);
    REQUIRE(d.app.view() == ViewId::Sources);
    d.drag(500, 1500, 1000, 20, 0.2);
    CHECK(d.app.scroll_position(ViewId::Sources, d.t) > 400.0f);
    CHECK(d.app.scroll_position(ViewId::Article, d.t) == 0.0f);
    // On the memorial nothing scrolls, and a drag there presses nothing either.
    d.tap(d.app.tab_boxes()[1]);
    d.drag(500, 1500, 1000, 20, 0.2);
    CHECK(d.app.view() == ViewId::Memorial);
}
