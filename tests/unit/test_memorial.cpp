// The memorial view: the field of marks (its grid, its picture, how much of it a frame lights),
// the layout of its words, and when the app draws frames for it.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <tuple>

#include "app/app.h"
#include "content/bundle.h"
#include "layout/memorial_layout.h"
#include "views/memorial_view.h"

using namespace kiosk;

namespace {

content::Memorial memorial_of(int64_t figure) {
    content::Memorial memorial;
    memorial.figure = figure;
    memorial.qualifier = "More than";
    memorial.caption = "things counted by the test, in words long enough to need two lines";
    memorial.attribution = "An estimate, as reported by the test suite";
    memorial.remembrance = "a line of remembrance.";
    memorial.dates = "Summer of 1988";
    return memorial;
}

// Fixed metrics: every glyph as wide as half its size, as tall as its size.
layout::FontSet fake_fonts(float body) {
    layout::FontSet fonts;
    const float scale[layout::kFontRoleCount] = {1, 1, 1, 1.85f, 1.22f, 0.78f, 0.86f, 0.62f, 0.82f, 3.4f};
    for (int role = 0; role < layout::kFontRoleCount; ++role) {
        layout::FontMetrics& m = fonts.roles[role];
        m.size = std::round(body * scale[role]);
        m.ascent = m.size * 0.8f;
        m.descent = m.size * 0.2f;
        m.default_advance = m.size * 0.5f;
    }
    return fonts;
}

struct AreaCase {
    float width, height, body;
};

}  // namespace

TEST_CASE("mark grid: one cell per person, as large as fits, whole pixels", "[memorial]") {
    const layout::MarkGridParams params;
    for (const auto& [count, width, height] : {std::tuple{int64_t{30000}, 972.0f, 900.0f}, std::tuple{int64_t{30000}, 380.0f, 390.0f},
                                              std::tuple{int64_t{30000}, 1800.0f, 1900.0f}, std::tuple{int64_t{1234}, 600.0f, 300.0f},
                                              std::tuple{int64_t{7}, 600.0f, 300.0f}}) {
        INFO(count << " in " << width << "x" << height);
        const layout::MarkGrid grid = layout::fit_mark_grid(count, width, height, params);
        REQUIRE(grid.count == count);
        CHECK(grid.cell >= params.min_cell);
        CHECK(grid.cell <= params.max_cell);
        CHECK(grid.mark >= 1);
        CHECK(grid.mark <= grid.cell);
        // Exactly enough rows: every mark has a cell, and the last row is not empty.
        CHECK(static_cast<int64_t>(grid.columns) * grid.rows >= count);
        CHECK(static_cast<int64_t>(grid.columns) * (grid.rows - 1) < count);
        CHECK(grid.width() <= width);
        CHECK(grid.height() <= height);
        // The next larger cell would not fit: the marks are as large as the space allows.
        if (grid.cell < params.max_cell) {
            const int larger = grid.cell + 1;
            const int columns = static_cast<int>(std::min<float>(width, params.max_side)) / larger;
            const bool fits = columns > 0 && (count + columns - 1) / columns * larger <= std::min<float>(height, params.max_side);
            CHECK_FALSE(fits);
        }
    }
    // 30,000 marks at 800x480: at least a pixel each, with a pixel of gap.
    CHECK(layout::fit_mark_grid(30000, 380.0f, 390.0f, params).cell >= 2);
}

TEST_CASE("mark grid: no field when each person cannot have a mark of their own", "[memorial]") {
    const layout::MarkGrid grid = layout::fit_mark_grid(1000000, 300.0f, 300.0f, {});
    CHECK(grid.count == 0);
    CHECK(grid.columns == 0);
    // 30,000 in 200x150 px would need one-pixel cells: marks touching, a solid block. No field then.
    CHECK(layout::fit_mark_grid(30000, 200.0f, 150.0f, {}).count == 0);
    layout::MarkGridParams dense;
    dense.min_cell = 1;
    CHECK(layout::fit_mark_grid(30000, 200.0f, 150.0f, dense).cell == 1);
    CHECK(layout::fit_mark_grid(0, 300.0f, 300.0f, {}).count == 0);
    CHECK(layout::fit_mark_grid(10, 0.0f, 300.0f, {}).count == 0);
    CHECK(layout::fit_mark_grid(10, std::nanf(""), 300.0f, {}).count == 0);
}

TEST_CASE("mark field picture: one mark in every cell up to the count, nothing after", "[memorial]") {
    for (const auto& [cell, mark] : {std::pair{2, 1}, std::pair{5, 2}, std::pair{10, 5}}) {
        layout::MarkGrid grid;
        grid.count = 103;
        grid.columns = 12;
        grid.rows = 9;  // 108 cells, the last row holds 7 marks
        grid.cell = cell;
        grid.mark = mark;
        const views::RgbaImage image = views::build_mark_field(grid);
        REQUIRE(image.width == 12 * cell);
        REQUIRE(image.height == 9 * cell);
        int marks = 0;
        for (int row = 0; row < grid.rows; ++row)
            for (int column = 0; column < grid.columns; ++column) {
                int covered = 0;
                for (int y = row * cell; y < (row + 1) * cell; ++y)
                    for (int x = column * cell; x < (column + 1) * cell; ++x) covered += image.alpha(x, y) > 0;
                const bool expected = row * grid.columns + column < grid.count;
                INFO("cell " << column << "," << row);
                CHECK((covered > 0) == expected);
                if (expected) {
                    CHECK(covered <= mark * mark);  // a gap around each mark keeps marks apart
                    const int centre = (cell - mark) / 2 + mark / 2;
                    CHECK(image.alpha(column * cell + centre, row * cell + centre) > 128);
                }
                marks += covered > 0;
            }
        CHECK(marks == 103);
    }
}

TEST_CASE("memorial layout: the qualifier stays with the number, nothing leaves the area", "[memorial]") {
    for (const AreaCase area : {AreaCase{1080, 1840, 35}, AreaCase{800, 436, 20}, AreaCase{1920, 1000, 42},
                                AreaCase{3840, 2000, 83}, AreaCase{480, 760, 20}}) {
        INFO(area.width << "x" << area.height);
        const layout::FontSet fonts = fake_fonts(area.body);
        layout::MemorialLayoutParams params;
        params.y = 80.0f;
        params.width = area.width;
        params.height = area.height;
        params.margin = std::round(std::min(area.width, area.height) * 0.05f);
        params.column_width = std::min(area.width - 2 * params.margin, area.body * 0.47f * 60.0f);
        const content::Memorial memorial = memorial_of(30000);
        const layout::MemorialLayout layout = layout::layout_memorial(memorial, fonts, params);
        CHECK(layout.side_by_side == (area.width > area.height * 1.2f));

        // The qualifier is on the screen, next to or right above the number.
        const layout::MemorialLine* qualifier = nullptr;
        for (const layout::MemorialLine& line : layout.lines)
            if (line.part == layout::MemorialPart::Qualifier) qualifier = &line;
        REQUIRE(qualifier != nullptr);
        CHECK(qualifier->text == "More than");
        const float figure_size = fonts[layout::FontRole::Figure].size;
        CHECK(layout.figure_baseline - qualifier->baseline >= 0.0f);
        CHECK(layout.figure_baseline - qualifier->baseline <= figure_size * 1.5f);
        CHECK(qualifier->x + qualifier->width <= layout.figure_right - layout.figure_width + 1.0f);
        CHECK(layout.figure_width == Approx(6 * figure_size * 0.5f));  // "30,000" in the fake font

        // Every word of the bundle's memorial is there, verbatim, and inside the area.
        std::map<layout::MemorialPart, std::string> parts;
        for (const layout::MemorialLine& line : layout.lines) {
            std::string& text = parts[line.part];
            text += (text.empty() ? "" : " ") + line.text;  // lines break at spaces
            CHECK(line.x >= 0.0f);
            CHECK(line.x + line.width <= area.width + 0.5f);
            CHECK(line.baseline <= params.y + area.height);
            CHECK(line.baseline - fonts[line.role].ascent >= params.y);
        }
        CHECK(parts[layout::MemorialPart::Caption] == memorial.caption);
        CHECK(parts[layout::MemorialPart::Attribution] == memorial.attribution);
        CHECK(parts[layout::MemorialPart::Remembrance] == memorial.remembrance);
        CHECK(parts[layout::MemorialPart::Dates] == memorial.dates);
        CHECK(parts[layout::MemorialPart::Qualifier] == memorial.qualifier);

        // The field: every person, inside the area, clear of the words.
        REQUIRE(layout.field.count == 30000);
        CHECK(layout.field.x >= 0.0f);
        CHECK(layout.field.x + layout.field.width() <= area.width);
        CHECK(layout.field.y >= params.y);
        CHECK(layout.field.y + layout.field.height() <= params.y + area.height);
        for (const layout::MemorialLine& line : layout.lines) {
            const float top = line.baseline - fonts[line.role].ascent, bottom = line.baseline + fonts[line.role].descent;
            const bool apart_y = bottom <= layout.field.y || top >= layout.field.y + layout.field.height();
            const bool apart_x = line.x + line.width <= layout.field.x || line.x >= layout.field.x + layout.field.width();
            CHECK((apart_x || apart_y));
        }
    }
}

TEST_CASE("memorial layout: a qualifier too long for the line goes above the number", "[memorial]") {
    const layout::FontSet fonts = fake_fonts(20);
    layout::MemorialLayoutParams params;
    params.width = 480;
    params.height = 760;
    params.margin = 24;
    params.column_width = 432;
    content::Memorial memorial = memorial_of(30000);
    memorial.qualifier = "According to the estimate of the test suite, more than";
    const layout::MemorialLayout layout = layout::layout_memorial(memorial, fonts, params);
    float last_qualifier_baseline = -1.0f;
    for (const layout::MemorialLine& line : layout.lines)
        if (line.part == layout::MemorialPart::Qualifier) last_qualifier_baseline = line.baseline;
    REQUIRE(last_qualifier_baseline > 0.0f);
    CHECK(last_qualifier_baseline < layout.figure_baseline - fonts[layout::FontRole::Figure].ascent * 0.5f);
}

TEST_CASE("memorial layout: the figure's separators follow the bundle's language", "[memorial]") {
    const layout::FontSet fonts = fake_fonts(20);
    layout::MemorialLayoutParams params;
    params.language = "fr";  // U+202F is one glyph: the width is of six glyphs, as in English
    const layout::MemorialLayout french = layout::layout_memorial(memorial_of(1234567), fonts, params);
    params.language = "en";
    const layout::MemorialLayout english = layout::layout_memorial(memorial_of(1234567), fonts, params);
    CHECK(french.figure_width == Approx(english.figure_width));
    CHECK(english.figure_width == Approx(9 * fonts[layout::FontRole::Figure].size * 0.5f));  // "1,234,567"
}

namespace {

content::Bundle builtin() {
    content::LoadResult loaded = content::load_builtin_bundle();
    REQUIRE(loaded.usable);
    return loaded.bundle;
}

// Counts the pictures only (the field, QR codes): the article's frames also upload the text
// engine's glyph atlas, which these tests do not judge.
app::TextureUploader picture_uploader(const app::App* app, int* uploads) {
    return [app, uploads, next = uintptr_t(200)](int width, int height, const uint8_t*, platform::TextureFilter,
                                                 uintptr_t replace) mutable -> uintptr_t {
        const bool glyphs = width == app->glyph_atlas().width() && height == app->glyph_atlas().height();
        if (!glyphs) ++*uploads;
        return replace != 0 ? replace : next++;
    };
}

}  // namespace

TEST_CASE("memorial frames: the field is a few textured quads at any count, uploaded once", "[memorial][app]") {
    app::AppParams params;
    params.view = app::ViewId::Memorial;
    app::App app(builtin(), params);
    int uploads = 0;
    app.set_texture_uploader(picture_uploader(&app, &uploads));  // the glyph atlas goes up as new digits show
    const app::FrameSize size{1080, 1920, 96.0f};
    const double end = app.counter_settles_after();
    int uploads_after_first = -1;
    int previous_vertices = -1;
    for (double t : {0.0, 1.0, 2.0, 3.0, end, end + 5.0}) {
        INFO("t = " << t);
        app.frame(size, t);
        if (uploads_after_first < 0) uploads_after_first = uploads;
        const app::FrameStats& stats = app.last_frame_stats();
        CHECK(stats.field_quads >= 1);
        CHECK(stats.field_quads <= 4);
        CHECK(stats.vertices < 2000);  // text + a few quads, not 30,000 rectangles
        if (t > 0.0) CHECK(std::abs(stats.vertices - previous_vertices) < 200);  // only the number's digits change
        previous_vertices = stats.vertices;
    }
    CHECK(uploads_after_first == 1);  // the field; the built-in bundle has no addresses, so no QR codes
    CHECK(uploads == 1);              // never again while the size stays
    CHECK(app.counter_value(end + 5.0) == app.bundle().memorial.figure);
    app.frame({800, 480, 96.0f}, end + 6.0);
    CHECK(uploads == 2);  // a new size: a new field, in the same texture
}

TEST_CASE("memorial frames: still during the pause, every frame while counting, then none", "[memorial][app]") {
    app::AppParams params;
    params.view = app::ViewId::Memorial;
    params.config.idle.quiet_s = 0.0;  // no idle card: it would ask for a frame at 90 s
    app::App app(builtin(), params);
    const app::FrameSize size{800, 480, 96.0f};
    const app::CounterParams counter;
    app.frame(size, 0.0);
    // The count starts after its pause: the loop may sleep until then.
    CHECK(app.next_frame_due(0.1) == Approx(counter.delay_seconds));
    app.frame(size, counter.delay_seconds + 0.5);
    CHECK(app.next_frame_due(counter.delay_seconds + 0.6) == Approx(counter.delay_seconds + 0.6));
    // A frame drawn just before the end is followed by one more, at the figure; then nothing.
    const double end = app.counter_settles_after();
    app.frame(size, end - 0.001);
    CHECK(app.next_frame_due(end + 0.01) == Approx(end + 0.01));
    app.frame(size, end + 0.01);
    CHECK(app.next_frame_due(end + 0.02) == app::kNever);
    CHECK(app.next_frame_due(end + 1000.0) == app::kNever);
    // Opening the view again counts again from 0.
    app.show(app::ViewId::Memorial, 100.0);
    CHECK(app.counter_value(100.0) == 0);
    CHECK(app.next_frame_due(100.0) == 100.0);
}

TEST_CASE("memorial frames: reduced motion shows the figure at once and asks for no more frames", "[memorial][app]") {
    app::AppParams params;
    params.view = app::ViewId::Memorial;
    params.reduced_motion = true;
    params.config.idle.quiet_s = 0.0;  // no idle card: it would ask for a frame at 90 s
    app::App app(builtin(), params);
    CHECK(app.counter_value(0.0) == app.bundle().memorial.figure);
    app.frame({1080, 1920, 96.0f}, 0.0);
    CHECK(app.next_frame_due(0.0) == app::kNever);
    CHECK(app.next_frame_due(0.5) == app::kNever);
}

TEST_CASE("pictures: the article's first frame uploads none, the first idle moment uploads the field", "[memorial][app]") {
    app::App app(builtin(), app::AppParams{});
    REQUIRE(app.view() == app::ViewId::Article);
    int uploads = 0;
    app.set_texture_uploader(picture_uploader(&app, &uploads));
    const app::FrameSize size{1080, 1920, 96.0f};
    app.frame(size, 0.0);
    CHECK(app.last_frame_stats().runs_drawn > 0);  // the article is on screen
    CHECK(uploads == 0);                           // and the field of marks waits
    CHECK(app.upload_waiting_pictures());
    CHECK(uploads == 1);
    CHECK_FALSE(app.upload_waiting_pictures());  // nothing left to upload
    app.show(app::ViewId::Memorial, 1.0);
    app.frame(size, 1.0);
    CHECK(uploads == 1);  // the frame after the visitor's tap uploads nothing
    CHECK(app.last_frame_stats().field_quads >= 1);
}

TEST_CASE("pictures: a view that shows one still waiting uploads it in its own frame", "[memorial][app]") {
    app::App app(builtin(), app::AppParams{});
    int uploads = 0;
    app.set_texture_uploader(picture_uploader(&app, &uploads));
    const app::FrameSize size{1080, 1920, 96.0f};
    app.frame(size, 0.0);
    CHECK(uploads == 0);
    app.show(app::ViewId::Memorial, 1.0);  // no idle moment came: the memorial uploads its field
    app.frame(size, 1.0);
    CHECK(uploads == 1);
    CHECK(app.last_frame_stats().field_quads >= 1);
}
