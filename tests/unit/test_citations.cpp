// Inline citations: finger-sized targets around small superscripts, the card a tap opens, the
// scroll position the reader returns to, and the loader's citation faults on the kiosk's stderr.
#include <catch2/catch.hpp>

#include <cmath>

#include "app/app.h"
#include "content/bundle.h"
#include "layout/touch_targets.h"
#include "test_support.h"

using namespace kiosk;
using platform::EventType;
using platform::InputEvent;

namespace {

layout::PlacedRun run_at(float x, float width, float baseline, int citation, layout::FontRole role, std::string text) {
    layout::PlacedRun run;
    run.x = x;
    run.width = width;
    run.baseline = baseline;
    run.citation = citation;
    run.role = role;
    run.raise = role == layout::FontRole::Superscript ? 8.0f : 0.0f;
    run.text = std::move(text);
    return run;
}

layout::FontMetrics superscript_metrics() {
    layout::FontMetrics m;
    m.size = 14.0f;
    m.ascent = 11.0f;
    m.descent = 3.0f;
    return m;
}

}  // namespace

TEST_CASE("citation targets: a finger-sized area around a small number, the nearest marker wins", "[citations]") {
    using layout::FontRole;
    layout::ArticleLayout layout;
    layout.runs.push_back(run_at(0, 50, 100, 0, FontRole::Body, "word."));
    layout.runs.push_back(run_at(50, 6, 100, 1, FontRole::Superscript, "1"));
    layout.runs.push_back(run_at(56, 10, 100, 2, FontRole::Superscript, ",2"));
    layout.runs.push_back(run_at(70, 50, 100, 0, FontRole::Body, "More"));
    layout.runs.push_back(run_at(0, 8, 300, 0, FontRole::Superscript, "?"));  // names no source
    const layout::FontMetrics sup = superscript_metrics();
    const float target = 34.0f;  // 9 mm at 96 DPI
    const layout::Box one = layout::citation_box(layout.runs[1], sup);
    CHECK(one.width == 6.0f);
    CHECK(one.height == 14.0f);  // far smaller than a finger
    const float cx = one.x + one.width * 0.5f, cy = one.y + one.height * 0.5f;
    CHECK(layout::citation_at(layout, sup, cx, cy, target) == 1);
    // Generous: 16 px (over 4 mm) left of or below the glyphs' centre still finds it.
    CHECK(layout::citation_at(layout, sup, cx - 16.0f, cy, target) == 1);
    CHECK(layout::citation_at(layout, sup, cx, cy + 16.0f, target) == 1);
    CHECK(layout::citation_at(layout, sup, cx - 18.0f, cy, target) == 0);
    CHECK(layout::citation_at(layout, sup, cx, cy - 18.0f, target) == 0);
    // Between two markers, the nearer one.
    CHECK(layout::citation_at(layout, sup, 64.0f, cy, target) == 2);
    CHECK(layout::citation_at(layout, sup, 54.0f, cy, target) == 1);
    // Body text is never a target, however close.
    CHECK(layout::citation_at(layout, sup, 100.0f, 100.0f, target) == 0);
    // A marker naming no source answers as such.
    const layout::Box unknown = layout::citation_box(layout.runs[4], sup);
    CHECK(layout::citation_at(layout, sup, unknown.x + 4.0f, unknown.y + 7.0f, target) == layout::kUnknownCitation);
    // The target never shrinks below the glyphs: a huge marker is hit across its whole width.
    CHECK(layout::citation_at(layout, sup, cx, cy, 2.0f) == 1);
}

namespace {

content::Bundle builtin() {
    content::LoadResult loaded = content::load_builtin_bundle();
    REQUIRE(loaded.usable);
    return loaded.bundle;
}

InputEvent pointer(EventType type, float x, float y, double time) {
    InputEvent event;
    event.type = type;
    event.x = x;
    event.y = y;
    event.time = time;
    return event;
}

void tap(app::App& app, float x, float y, double now) {
    app.handle(pointer(EventType::PointerDown, x, y, now), now);
    app.handle(pointer(EventType::PointerMove, x + 2.0f, y + 1.0f, now), now);  // a finger never stays quite still
    app.handle(pointer(EventType::PointerUp, x + 2.0f, y + 1.0f, now), now);
}

InputEvent key(platform::Key k) {
    InputEvent event;
    event.type = EventType::KeyDown;
    event.key = k;
    return event;
}

// The screen position of the glyphs' centre of the first marker citing `source`, with the app
// scrolled so that it sits in the middle of the viewport.
std::pair<float, float> show_marker(app::App& app, int source, const app::FrameSize& size, double now) {
    const layout::PlacedRun* marker = nullptr;
    for (const layout::PlacedRun& run : app.article_layout().runs)
        if (run.citation == source) {
            marker = &run;
            break;
        }
    REQUIRE(marker != nullptr);
    app.scroll_to(marker->baseline - size.height * 0.5f, now);
    app.frame(size, now);
    const layout::Box box = layout::citation_box(*marker, app.fonts().metrics[layout::FontRole::Superscript]);
    return {app.article_origin_x() + box.x + box.width * 0.5f, app.article_origin_y(now) + box.y + box.height * 0.5f};
}

}  // namespace

TEST_CASE("tapping a citation opens its source's card, closing returns to the same place", "[citations][app]") {
    for (const app::FrameSize size : {app::FrameSize{1080, 1920, 96.0f}, app::FrameSize{800, 480, 96.0f}}) {
        INFO(size.width << "x" << size.height);
        app::App app(builtin());
        app.frame(size, 0.0);
        const auto [x, y] = show_marker(app, 3, size, 1.0);
        const float scroll = app.scroll_position(1.0);
        REQUIRE(scroll > 0.0f);
        const float mm = app.panel().mm;

        // Off the small number by 3 mm, still on its target.
        tap(app, x - 3.0f * mm, y + 3.0f * mm, 1.0);
        CHECK(app.open_card_source() == 3);
        CHECK(app.scroll_position(1.0) == scroll);
        app.frame(size, 1.1);
        const layout::CardLayout card = app.card_layout();
        CHECK(card.card.width > 0.0f);
        CHECK(card.close.height >= 9.0f * mm);
        CHECK(card.card.y >= app.panel().top_bar);
        CHECK(card.card.y + card.card.height <= size.height);

        // While the card is open the article does not move, and a tap on the card keeps it open.
        InputEvent wheel;
        wheel.type = EventType::Wheel;
        wheel.wheel_y = -3.0f;
        app.handle(wheel, 1.2);
        tap(app, card.content.x + 5.0f, card.content.y + 5.0f, 1.3);
        CHECK(app.open_card_source() == 3);
        CHECK(app.scroll_position(2.0) == scroll);

        // The close control closes it, back at the same scroll position.
        tap(app, card.close.x + card.close.width * 0.5f, card.close.y + card.close.height * 0.5f, 2.0);
        CHECK(app.open_card_source() == 0);
        CHECK(app.scroll_position(2.0) == scroll);

        // So does a tap beside the card, and Escape.
        tap(app, x, y, 3.0);
        REQUIRE(app.open_card_source() == 3);
        tap(app, 2.0f, size.height - 2.0f, 3.1);
        CHECK(app.open_card_source() == 0);
        tap(app, x, y, 4.0);
        REQUIRE(app.open_card_source() == 3);
        app.handle(key(platform::Key::Escape), 4.1);
        CHECK(app.open_card_source() == 0);
        CHECK(app.scroll_position(5.0) == scroll);
    }
}

TEST_CASE("dragging across a citation scrolls and opens nothing", "[citations][app]") {
    const app::FrameSize size{1080, 1920, 96.0f};
    app::App app(builtin());
    app.frame(size, 0.0);
    const auto [x, y] = show_marker(app, 1, size, 1.0);
    const float scroll = app.scroll_position(1.0);
    app.handle(pointer(EventType::PointerDown, x, y, 1.0), 1.0);
    app.handle(pointer(EventType::PointerMove, x, y - 30.0f, 1.05), 1.05);
    app.handle(pointer(EventType::PointerMove, x, y - 60.0f, 1.1), 1.1);
    app.handle(pointer(EventType::PointerUp, x, y - 60.0f, 1.1), 1.1);
    CHECK(app.open_card_source() == 0);
    // The page followed the finger beyond the tap slop (3 mm), and glides on after the flick.
    CHECK(app.scroll_position(1.1) == Approx(scroll + 60.0f - 3.0f * app.panel().mm));
    CHECK(app.scroll_position(1.2) > app.scroll_position(1.1));
    // A tap on plain text opens nothing either.
    tap(app, app.article_origin_x() + 40.0f, size.height * 0.75f, 2.0);
    CHECK(app.open_card_source() == 0);
}

TEST_CASE("a marker that names no source opens a card saying so", "[citations][app]") {
    content::BundleFiles files;
    files["manifest.toml"] = R"(
[bundle]
id = "t"
title = "T"
language = "en"
credit = "c"
[memorial]
figure = 5
qualifier = "About"
caption = "things"
attribution = "the test"
[[sources]]
id = "known"
who = "Known"
)";
    files["article.md"] = "# Headline\n\nKnown.[^known] Unknown.[^nowhere]\n";
    content::LoadResult loaded = content::parse_bundle(files, "test");
    REQUIRE(loaded.usable);
    app::App app(loaded.bundle);
    const app::FrameSize size{800, 480, 96.0f};
    app.frame(size, 0.0);
    const layout::PlacedRun* unknown = nullptr;
    for (const layout::PlacedRun& run : app.article_layout().runs)
        if (run.role == layout::FontRole::Superscript && run.citation == 0) unknown = &run;
    REQUIRE(unknown != nullptr);
    CHECK(unknown->text == "?");
    const layout::Box box = layout::citation_box(*unknown, app.fonts().metrics[layout::FontRole::Superscript]);
    tap(app, app.article_origin_x() + box.x + box.width * 0.5f, app.article_origin_y(0.0) + box.y + box.height * 0.5f, 0.5);
    CHECK(app.open_card_source() == layout::kUnknownCitation);
    app.frame(size, 0.6);  // draws the card without a source: no crash, no index out of range
    app.handle(key(platform::Key::Escape), 0.7);
    CHECK(app.open_card_source() == 0);
}

TEST_CASE("the kiosk prints unknown markers and unused sources on stderr when it loads a bundle", "[citations][e2e]") {
    std::string output;
    const std::string png = test::temp_path("citation-faults.png");
    REQUIRE(test::run_kiosk("--content " + std::string(KIOSK_TEST_DATA) + "/bundles/citation_faults --size 800x480 --screenshot " + png,
                            &output) == 0);
    CHECK(output.find("warning UnknownCitation article.md:3:") != std::string::npos);
    CHECK(output.find("[^missing]") != std::string::npos);
    CHECK(output.find("warning UnusedSource manifest.toml:") != std::string::npos);
    CHECK(output.find("[^never-cited]") != std::string::npos);
    // Warnings only: the bundle is still shown, not the built-in one.
    CHECK(output.find("showing the built-in article") == std::string::npos);
    // The built-in bundle is clean: it prints no fault at all.
    REQUIRE(test::run_kiosk("--size 800x480 --screenshot " + png, &output) == 0);
    CHECK(output.find("warning") == std::string::npos);
    CHECK(output.find("error") == std::string::npos);
}
