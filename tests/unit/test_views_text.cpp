// Every view's words through the text engine: the cache that shapes a text once, lines inside the
// column and flush to the language's start side, the counter's tabular figures standing still, a
// right-to-left bundle's mirrored page, --scroll on the view shown, the fallback's engine title.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "app/app.h"
#include "content/bundle.h"
#include "layout/text_lines.h"
#include "test_support.h"

using namespace kiosk;
using layout::FontRole;

namespace {

const std::string kPersian = std::string(KIOSK_TEST_DATA) + "/bundles/persian";

content::Bundle persian_bundle() {
    content::LoadResult loaded = content::load_bundle_dir(kPersian);
    REQUIRE(loaded.usable);
    return loaded.bundle;
}

content::Bundle english_bundle() {
    content::LoadResult loaded = content::load_builtin_bundle();
    REQUIRE(loaded.usable);
    return loaded.bundle;
}

// Left and right ends of the runs on each baseline.
std::map<float, std::pair<float, float>> line_ends(const std::vector<layout::PlacedRun>& runs, bool skip_labels) {
    std::map<float, std::pair<float, float>> ends;
    for (const layout::PlacedRun& run : runs) {
        if (skip_labels && run.role == FontRole::Label && run.text.size() <= 4) continue;  // an entry's number
        auto [it, fresh] = ends.try_emplace(run.baseline, run.x, run.x + run.width);
        if (!fresh) {
            it->second.first = std::min(it->second.first, run.x);
            it->second.second = std::max(it->second.second, run.x + run.width);
        }
    }
    return ends;
}

// The rightmost column with ink in rows [y0, y1) of the image.
int rightmost_ink(const test::Image& image, int y0, int y1) {
    for (int x = image.width - 1; x >= 0; --x)
        for (int y = std::max(0, y0); y < std::min(image.height, y1); ++y)
            if (image.luminance(x, y) > 0.5f) return x;
    return -1;
}

}  // namespace

TEST_CASE("text cache: a text is shaped once, and a new width or size breaks it again without shaping", "[text][views]") {
    app::App app(english_bundle());
    app.prepare({1080, 1920, 96.0f});
    const layout::FontSet& fonts = app.fonts().metrics;
    layout::TextCache cache;
    const std::string words = "Touch anywhere to keep reading.";
    const auto& wide = cache.lines(words, FontRole::Ui, fonts, 2000.0f, true, "en");
    REQUIRE(wide.size() == 1);
    REQUIRE_FALSE(wide.front().runs.empty());
    CHECK_FALSE(wide.front().runs.front().glyphs.empty());  // the engine's glyphs
    CHECK(cache.shapings() == 1);
    cache.lines(words, FontRole::Ui, fonts, 2000.0f, true, "en");
    CHECK(cache.shapings() == 1);
    CHECK(cache.breakings() == 1);                           // the same width: nothing done at all
    const auto& narrow = cache.lines(words, FontRole::Ui, fonts, wide.front().width * 0.6f, true, "en");
    CHECK(narrow.size() == 2);
    CHECK(cache.shapings() == 1);                            // broken again, not shaped again
    CHECK(cache.breakings() == 2);
    cache.lines(words, FontRole::Ui, fonts, 2000.0f, true, "fa");  // another language is another text
    CHECK(cache.shapings() == 2);
}

TEST_CASE("counter: every digit has one advance, Latin and Persian, and the figure stands still while it counts",
          "[memorial][text]") {
    app::App app(english_bundle());
    app.prepare({1080, 1920, 96.0f});
    const layout::FontSet& fonts = app.fonts().metrics;
    for (const char* language : {"en", "fa"}) {
        INFO(language);
        layout::TextSetting setting;
        setting.engine = true;
        setting.language = language;
        const std::vector<std::string> digits =
            std::string(language) == "en"
                ? std::vector<std::string>{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}
                : std::vector<std::string>{"۰", "۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹"};
        const float one = layout::set_figure(digits[1], FontRole::Figure, fonts, setting).width;
        CHECK(one > 0.0f);
        for (const std::string& digit : digits) {
            const layout::LineOfRuns figure = layout::set_figure(digit, FontRole::Figure, fonts, setting);
            INFO(digit);
            CHECK(figure.width == Approx(one).margin(0.01));
            REQUIRE(figure.runs.size() == 1);
            CHECK_FALSE(figure.runs.front().glyphs.empty());
            CHECK(figure.runs.front().glyphs.front().glyph != 0);  // never .notdef
        }
        // A number is as wide as its digits: "1,111" and "8,888" alike.
        CHECK(layout::set_figure("1,111", FontRole::Figure, fonts, setting).width ==
              Approx(layout::set_figure("8,808", FontRole::Figure, fonts, setting).width).margin(0.01));
    }

    // On screen: the units digit's right edge is where it will be at the final figure, at every
    // moment of the count (the number grows leftwards).
    app::AppParams params;
    params.view = app::ViewId::Memorial;
    app::App counting(english_bundle(), params);
    const double settled = counting.counter_settles_after();
    std::vector<int> edges;
    std::vector<int64_t> values;
    for (double fraction : {0.35, 0.6, 1.0}) {
        const double t = settled * fraction;
        const test::Image image(test::render_app(counting, 1080, 1920, {t}));
        REQUIRE(image.width == 1080);
        const layout::MemorialLayout& memorial = counting.memorial_layout();
        const int baseline = static_cast<int>(memorial.figure_baseline);
        edges.push_back(rightmost_ink(image, baseline - 20, baseline - 2));
        values.push_back(counting.counter_value(t));
        CHECK(edges.back() <= static_cast<int>(memorial.figure_right));
    }
    CHECK(values[0] < values[1]);
    CHECK(values[1] < values[2]);
    CHECK(std::abs(edges[0] - edges[2]) <= 2);
    CHECK(std::abs(edges[1] - edges[2]) <= 2);
}

TEST_CASE("sources: every line within the column, flush right with numbers at the right for fa, flush left for en",
          "[sources][text]") {
    for (const bool persian : {true, false}) {
        INFO((persian ? "fa" : "en"));
        app::App app(persian ? persian_bundle() : english_bundle());
        app.prepare({1080, 1920, 96.0f});
        const layout::SourcesLayout& sources = app.sources_layout();
        const float width = sources.text.width;
        REQUIRE_FALSE(sources.text.runs.empty());
        float number_edge = persian ? 0.0f : width;
        for (const layout::PlacedRun& run : sources.text.runs) {
            INFO(run.text);
            CHECK(run.x >= -0.5f);
            CHECK(run.x + run.width <= width + 0.5f);
            CHECK_FALSE(run.glyphs.empty());
            if (run.role == FontRole::Label && run.text.size() <= 4)  // the numbers
                number_edge = persian ? std::max(number_edge, run.x + run.width) : std::min(number_edge, run.x);
        }
        CHECK(number_edge == Approx(persian ? width : 0.0f).margin(1.0f));
        // The words: one common start edge (right for fa, left for en), beside the numbers.
        const auto ends = line_ends(sources.text.runs, true);
        float start = persian ? ends.begin()->second.second : ends.begin()->second.first;
        bool ragged = false;  // lines of different lengths: the other edge is ragged
        for (const auto& [baseline, edge] : ends) {
            INFO("baseline " << baseline);
            if (sources.codes.empty()) CHECK((persian ? edge.second : edge.first) == Approx(start).margin(1.0f));
            ragged = ragged || std::abs((persian ? edge.first : edge.second) - (persian ? ends.begin()->second.first
                                                                                        : ends.begin()->second.second)) > 2.0f;
        }
        CHECK(ragged);
        if (persian) CHECK(start < width - 10.0f);  // room for the number at the right
        else CHECK(start > 10.0f);                  // room for the number at the left
    }
}

TEST_CASE("memorial: every line within the area, the qualifier read first (left in en, right in fa)", "[memorial][text]") {
    for (const bool persian : {true, false}) {
        INFO((persian ? "fa" : "en"));
        app::App app(persian ? persian_bundle() : english_bundle());
        app.prepare({1080, 1920, 96.0f});
        const layout::MemorialLayout& memorial = app.memorial_layout();
        REQUIRE_FALSE(memorial.lines.empty());
        const float margin = app.panel().margin;
        for (const layout::MemorialLine& line : memorial.lines) {
            INFO(line.text);
            CHECK(line.x >= margin - 0.5f);
            CHECK(line.x + line.width <= 1080.0f - margin + 0.5f);
            REQUIRE_FALSE(line.runs.empty());
            for (const layout::PlacedRun& run : line.runs) {
                CHECK_FALSE(run.glyphs.empty());
                CHECK(run.x >= -0.5f);
                CHECK(run.x + run.width <= line.width + 0.5f);
            }
            if (line.part == layout::MemorialPart::Qualifier) {
                if (persian) CHECK(line.x > memorial.figure_right);
                else CHECK(line.x + line.width < memorial.figure_right - memorial.figure_width);
            }
        }
    }
}

TEST_CASE("a right-to-left bundle mirrors the page: tabs, the Aa button, the scroll indicator", "[text][views][rtl]") {
    const float width = 800.0f;
    for (const bool persian : {true, false}) {
        INFO((persian ? "fa" : "en"));
        content::Bundle bundle = persian ? persian_bundle() : english_bundle();
        const std::vector<content::Block> once = bundle.article;
        for (int i = 0; i < 4; ++i) bundle.article.insert(bundle.article.end(), once.begin(), once.end());  // longer than a page
        app::App app(bundle);
        const test::Image image(test::render_app(app, 800, 480, {0.0}));
        REQUIRE(image.width == 800);
        const std::vector<layout::Box>& tabs = app.tab_boxes();
        REQUIRE(tabs.size() == 3);
        const layout::Box& button = app.access_layout().button;
        if (persian) {
            CHECK(tabs[0].x > tabs[1].x);              // the article's tab at the right, reading first
            CHECK(tabs[1].x > tabs[2].x);
            CHECK(button.x + button.width < width * 0.2f);  // Aa at the top left
            CHECK(button.x + button.width <= tabs[2].x);
        } else {
            CHECK(tabs[0].x < tabs[1].x);
            CHECK(tabs[1].x < tabs[2].x);
            CHECK(button.x > width * 0.8f);
            CHECK(button.x >= tabs[2].x + tabs[2].width);
        }
        // The indicator's track at the start edge only.
        REQUIRE(app.scroll_limit() > 0.0f);
        const int top = static_cast<int>(app.panel().top_bar) + 20, bottom = 470;
        const double left_strip = test::ink(image, 0, top, 12, bottom);
        const double right_strip = test::ink(image, 788, top, 800, bottom);
        if (persian) {
            CHECK(left_strip > 0.0);
            CHECK(right_strip == 0.0);
        } else {
            CHECK(right_strip > 0.0);
            CHECK(left_strip == 0.0);
        }
    }
}

TEST_CASE("scroll_to (the --scroll option) moves the view shown: the sources list too", "[sources][text]") {
    app::AppParams params;
    params.view = app::ViewId::Sources;
    app::App app(english_bundle(), params);
    app.scroll_to(300.0f, 0.0);  // before the first layout: kept until the list is laid out
    app.prepare({800, 480, 96.0f});
    CHECK(app.scroll_position(app::ViewId::Sources, 0.0) == Approx(std::min(300.0f, app.scroll_limit() > 0 ? 300.0f : 0.0f)));
    CHECK(app.scroll_position(app::ViewId::Sources, 0.0) > 0.0f);
    CHECK(app.scroll_position(app::ViewId::Article, 0.0) == 0.0f);
}

TEST_CASE("the Persian column is as many ems wide as the English one", "[text][layout]") {
    for (const auto& [w, h] : {std::pair{1080, 1920}, std::pair{800, 480}, std::pair{1920, 1080}}) {
        INFO(w << "x" << h);
        app::App persian(persian_bundle());
        persian.prepare({w, h, 96.0f});
        app::App english(english_bundle());
        english.prepare({w, h, 96.0f});
        const float fa_ems = persian.panel().column_width / persian.panel().body_size;
        const float en_ems = english.panel().column_width / english.panel().body_size;
        CHECK(fa_ems == Approx(en_ems).margin(0.6f));
    }
}

TEST_CASE("the fallback screen sets a Persian title with the text engine", "[render][text]") {
    const content::Bundle bundle = persian_bundle();
    app::App app(bundle);
    test::render_app(app, 800, 480, {0.0});
    app.inject_frame_failure("view exploded");
    const test::Image image(test::render_app(app, 800, 480, {1.0}));
    REQUIRE(app.failed_frames() == 1);
    // The title on one line as the engine sets it (joined letters), not ImGui's "?" a letter:
    // the ink spans the engine's width for it.
    layout::TextSetting setting;
    setting.engine = true;
    setting.language = "fa";
    const std::vector<layout::LineOfRuns> lines =
        layout::set_lines(bundle.manifest.title, FontRole::Headline, app.fonts().metrics, app.panel().column_width, setting);
    REQUIRE(lines.size() == 1);
    int left = image.width, right = -1;
    for (int y = 100; y < 300; ++y)
        for (int x = 0; x < image.width; ++x)
            if (image.luminance(x, y) > 0.5f) {
                left = std::min(left, x);
                right = std::max(right, x);
            }
    REQUIRE(right > left);
    CHECK(static_cast<float>(right - left) == Approx(lines.front().width).margin(6.0f));
}

TEST_CASE("the English measure other scripts keep is the built-in article's", "[text][layout]") {
    std::string body;
    for (const content::Block& block : english_bundle().article)
        if (block.kind == content::BlockKind::Paragraph) body += content::block_text(block);
    CHECK(views::average_char_em(body) == Approx(views::kEnglishAverageCharEm).margin(0.002));
    CHECK(views::average_char_em("تمام افراد بشر آزاد به دنیا می‌آیند") == views::kEnglishAverageCharEm);
}

TEST_CASE("a frame whose new glyphs make the atlas taller is drawn right the first time", "[render][text]") {
    // The first frame puts every glyph in an empty atlas, which grows several times while it is
    // drawn; quads made before a growth would sample the wrong rows. The app draws such a frame
    // again: its pixels equal those of a later frame, when every glyph was already there.
    for (const app::ViewId view : {app::ViewId::Article, app::ViewId::Memorial, app::ViewId::Sources})
        for (const bool persian : {true, false}) {
            INFO(static_cast<int>(view) << (persian ? " fa" : " en"));
            app::AppParams params;
            params.view = view;
            params.opened_at = -100.0;  // the counter long settled: both frames show the same figure
            app::App first(persian ? persian_bundle() : english_bundle(), params);
            const test::Image once(test::render_app(first, 1080, 1920, {0.0}));
            if (!persian) CHECK(first.glyph_atlas().height() > 64);  // it grew while drawing (the short Persian
                                                                     // fixture may fit the first rows)
            app::App twice(persian ? persian_bundle() : english_bundle(), params);
            const test::Image again(test::render_app(twice, 1080, 1920, {0.0, 0.0}));
            REQUIRE(once.rgba.size() == again.rgba.size());
            size_t differing = 0;  // counted, not compared whole: Catch would print both pictures
            for (size_t i = 0; i < once.rgba.size(); ++i) differing += once.rgba[i] != again.rgba[i];
            CHECK(differing == 0);
        }
}
