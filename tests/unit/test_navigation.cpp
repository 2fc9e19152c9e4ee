// Navigation: the tab bar's touch targets (at least 9 mm on the panel, whatever its size and DPI)
// and moving between the article, the memorial and the sources.
#include <catch2/catch.hpp>

#include "app/app.h"
#include "content/bundle.h"
#include "layout/metrics.h"
#include "layout/touch_targets.h"

using namespace kiosk;

TEST_CASE("the top bar is at least 9 mm high on every panel", "[navigation]") {
    for (const auto& [width, height] : {std::pair{800, 480}, std::pair{1080, 1920}, std::pair{1920, 1080}, std::pair{3840, 2160}})
        for (float dpi : {0.0f, 96.0f, 133.0f, 220.0f}) {
            INFO(width << "x" << height << " at " << dpi << " DPI");
            layout::PanelParams params;
            params.width = width;
            params.height = height;
            params.dpi = dpi;
            const layout::Panel panel = layout::panel_layout(params);
            const float mm = (dpi > 0.0f ? dpi : 96.0f) / 25.4f;  // 96 DPI when unknown
            CHECK(panel.mm == Approx(mm));
            CHECK(panel.top_bar >= 9.0f * mm - 0.5f);
        }
}

TEST_CASE("tab boxes share the width, touch, and cover it without gaps", "[navigation]") {
    const std::vector<layout::Box> boxes = layout::tab_boxes(3, 100.0f, 901.0f, 80.0f);
    REQUIRE(boxes.size() == 3);
    CHECK(boxes[0].x == 100.0f);
    CHECK(boxes[1].x == boxes[0].x + boxes[0].width);
    CHECK(boxes[2].x + boxes[2].width == 1001.0f);
    CHECK(layout::box_at(boxes, 100.0f, 0.0f) == 0);
    CHECK(layout::box_at(boxes, 500.0f, 79.0f) == 1);
    CHECK(layout::box_at(boxes, 1000.0f, 40.0f) == 2);
    CHECK(layout::box_at(boxes, 99.0f, 40.0f) == -1);
    CHECK(layout::box_at(boxes, 500.0f, 80.0f) == -1);
    CHECK(layout::tab_boxes(0, 0.0f, 100.0f, 10.0f).empty());
}

namespace {

void tap(app::App& app, float x, float y, double now) {
    platform::InputEvent event;
    event.x = x;
    event.y = y;
    event.type = platform::EventType::PointerDown;
    app.handle(event, now);
    event.type = platform::EventType::PointerUp;
    app.handle(event, now);
}

float centre_x(const layout::Box& box) { return box.x + box.width * 0.5f; }

}  // namespace

TEST_CASE("tapping a tab shows its view, the memorial counts from 0 each time it opens", "[navigation][app]") {
    content::LoadResult loaded = content::load_builtin_bundle();
    REQUIRE(loaded.usable);
    for (const app::FrameSize size : {app::FrameSize{800, 480, 96.0f}, app::FrameSize{1080, 1920, 96.0f},
                                      app::FrameSize{3840, 2160, 96.0f}}) {
        INFO(size.width << "x" << size.height);
        app::App app(loaded.bundle);
        app.frame(size, 0.0);
        const std::vector<layout::Box>& tabs = app.tab_boxes();
        REQUIRE(tabs.size() == 3);
        for (const layout::Box& box : tabs) {
            CHECK(box.height >= 9.0f * app.panel().mm);
            CHECK(box.width >= 9.0f * app.panel().mm);
            CHECK(box.x >= 0.0f);
            CHECK(box.x + box.width <= size.width);
        }
        CHECK(app.view() == app::ViewId::Article);
        app.scroll_to(300.0f, 0.0);
        tap(app, centre_x(tabs[1]), tabs[1].height * 0.5f, 10.0);
        CHECK(app.view() == app::ViewId::Memorial);
        CHECK(app.counter_value(10.0) == 0);
        CHECK(app.counter_value(10.0 + app.counter_settles_after()) == app.bundle().memorial.figure);
        app.frame(size, 11.0);
        tap(app, centre_x(tabs[2]), 2.0f, 20.0);
        CHECK(app.view() == app::ViewId::Sources);
        tap(app, centre_x(tabs[0]), tabs[0].height - 2.0f, 30.0);
        CHECK(app.view() == app::ViewId::Article);
        CHECK(app.scroll_position(30.0) == 300.0f);  // the article kept its place
        tap(app, centre_x(tabs[1]), 5.0f, 40.0);
        CHECK(app.counter_value(40.0) == 0);  // counts again
    }
}

TEST_CASE("the Tab key moves through the views, the start view comes from the params", "[navigation][app]") {
    content::LoadResult loaded = content::load_builtin_bundle();
    REQUIRE(loaded.usable);
    app::AppParams params;
    params.view = app::ViewId::Sources;
    app::App app(loaded.bundle, params);
    CHECK(app.view() == app::ViewId::Sources);
    platform::InputEvent tab;
    tab.type = platform::EventType::KeyDown;
    tab.key = platform::Key::Tab;
    app.handle(tab, 0.0);
    CHECK(app.view() == app::ViewId::Article);
    app.handle(tab, 0.0);
    CHECK(app.view() == app::ViewId::Memorial);
    tab.shift = true;
    app.handle(tab, 0.0);
    CHECK(app.view() == app::ViewId::Article);
}
