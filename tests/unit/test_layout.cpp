// Line breaking and placement with a fixed-advance fake font, plus one run on the real fonts.
#include <catch2/catch.hpp>

#include <algorithm>

#include "content/bundle.h"
#include "layout/article_layout.h"
#include "layout/metrics.h"
#include "text/font_face.h"
#include "core/embedded.h"

using namespace kiosk;
using layout::FontRole;

namespace {

// Every code point is 10 px wide, superscripts 5 px; sizes 20 px.
layout::FontSet fixed_font() {
    layout::FontSet fonts;
    for (auto& metrics : fonts.roles) {
        metrics.size = 20.0f;
        metrics.ascent = 15.0f;
        metrics.descent = 5.0f;
        metrics.default_advance = 10.0f;
    }
    fonts[FontRole::Superscript].default_advance = 5.0f;
    fonts[FontRole::Headline].size = 40.0f;
    return fonts;
}

content::Block paragraph(std::vector<content::Span> spans, content::BlockKind kind = content::BlockKind::Paragraph) {
    content::Block block;
    block.kind = kind;
    block.spans = std::move(spans);
    return block;
}

content::Span words(std::string value) {
    content::Span span;
    span.text = std::move(value);
    return span;
}

content::Span cite(int number, std::string id = "src") {
    content::Span span;
    span.citation = number;
    span.citation_id = std::move(id);
    return span;
}

std::string line_text(const layout::LineOfRuns& line) {
    std::string out;
    for (const auto& run : line.runs) out += run.text + "|";
    return out;
}

}  // namespace

TEST_CASE("break_lines fills lines greedily and never exceeds the width", "[layout]") {
    const auto fonts = fixed_font();
    // "aaaa bbbb cccc dddd": words of 40 px, spaces of 10 px.
    const std::vector<content::Span> spans = {words("aaaa bbbb cccc dddd")};
    SECTION("two words a line at 90 px") {
        const auto lines = layout::break_lines(spans, FontRole::Body, fonts, 90.0f);
        REQUIRE(lines.size() == 2);
        CHECK(line_text(lines[0]) == "aaaa bbbb|");
        CHECK(line_text(lines[1]) == "cccc dddd|");
        CHECK(lines[0].width == Approx(90.0f));
    }
    SECTION("one word a line at 89 px") {
        const auto lines = layout::break_lines(spans, FontRole::Body, fonts, 89.0f);
        REQUIRE(lines.size() == 4);
        for (const auto& line : lines) CHECK(line.width <= 89.0f);
    }
    SECTION("everything on one line when wide") {
        const auto lines = layout::break_lines(spans, FontRole::Body, fonts, 1000.0f);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].width == Approx(190.0f));
    }
}

TEST_CASE("a word longer than the line is split, never clipped", "[layout]") {
    const auto fonts = fixed_font();
    const auto lines = layout::break_lines({words("abcdefghij")}, FontRole::Body, fonts, 35.0f);
    REQUIRE(lines.size() == 4);
    CHECK(line_text(lines[0]) == "abc|");
    CHECK(line_text(lines[3]) == "j|");
    for (const auto& line : lines) CHECK(line.width <= 35.0f);
}

TEST_CASE("a citation marker sticks to the word before it as a superscript", "[layout]") {
    const auto fonts = fixed_font();
    // "aaaa end." is 90 px, the marker 5 px: at 100 px the marker stays, "next" moves down.
    const std::vector<content::Span> spans = {words("aaaa end."), cite(3), words(" next")};
    const auto lines = layout::break_lines(spans, FontRole::Body, fonts, 100.0f);
    REQUIRE(lines.size() == 2);
    REQUIRE(lines[0].runs.size() == 2);
    CHECK(lines[0].runs[0].text == "aaaa end.");
    CHECK(lines[0].runs[1].text == "3");
    CHECK(lines[0].runs[1].role == FontRole::Superscript);
    CHECK(lines[0].runs[1].citation == 3);
    CHECK(lines[0].runs[1].x == Approx(90.0f));
    REQUIRE(lines[1].runs.size() == 1);
    CHECK(lines[1].runs[0].text == "next");
    // At 94 px the marker cannot fit beside its word, so the word moves down with it.
    const auto narrow = layout::break_lines(spans, FontRole::Body, fonts, 94.0f);
    REQUIRE(narrow.size() == 3);
    CHECK(line_text(narrow[0]) == "aaaa|");
    CHECK(line_text(narrow[1]) == "end.|3|");
}

TEST_CASE("markers side by side are kept apart by a comma", "[layout]") {
    const auto fonts = fixed_font();
    const auto lines = layout::break_lines({words("end."), cite(1), cite(2)}, FontRole::Body, fonts, 500.0f);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].runs.size() == 3);
    CHECK(lines[0].runs[1].text == "1");
    CHECK(lines[0].runs[2].text == ",2");
    CHECK(lines[0].runs[2].citation == 2);
}

TEST_CASE("an unknown citation shows as a question mark, not a number", "[layout]") {
    const auto fonts = fixed_font();
    const auto lines = layout::break_lines({words("word"), cite(0, "nosuch")}, FontRole::Body, fonts, 500.0f);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].runs.size() == 2);
    CHECK(lines[0].runs[1].text == "?");
}

TEST_CASE("emphasis and strong spans use their own faces", "[layout]") {
    const auto fonts = fixed_font();
    content::Span emphasis = words("soft");
    emphasis.style = content::SpanStyle::Emphasis;
    content::Span strong = words("loud");
    strong.style = content::SpanStyle::Strong;
    const auto lines = layout::break_lines({words("a "), emphasis, words(" "), strong}, FontRole::Body, fonts, 500.0f);
    REQUIRE(lines.size() == 1);
    REQUIRE(lines[0].runs.size() == 3);
    CHECK(lines[0].runs[1].role == FontRole::BodyItalic);
    CHECK(lines[0].runs[2].role == FontRole::BodyBold);
}

TEST_CASE("layout_article stacks blocks downwards with gaps and a rule before the byline", "[layout]") {
    const auto fonts = fixed_font();
    const std::vector<content::Block> blocks = {
        paragraph({words("Headline words here")}, content::BlockKind::Headline),
        paragraph({words("aaaa bbbb cccc dddd")}),
        paragraph({words("eeee")}),
        paragraph({words("Staff Writer")}, content::BlockKind::Byline),
    };
    layout::ArticleLayoutParams params;
    params.column_width = 90.0f;
    const auto article = layout::layout_article(blocks, fonts, params);
    REQUIRE_FALSE(article.runs.empty());
    for (size_t i = 1; i < article.runs.size(); ++i) CHECK(article.runs[i].baseline >= article.runs[i - 1].baseline);
    for (const auto& run : article.runs) CHECK(run.x + run.width <= params.column_width + 0.01f);
    CHECK(article.runs.front().role == FontRole::Headline);
    CHECK(article.runs.back().role == FontRole::BodyItalic);
    REQUIRE(article.rules.size() == 1);
    const auto last_body = std::find_if(article.runs.begin(), article.runs.end(),
                                        [](const layout::PlacedRun& run) { return run.text == "eeee"; });
    REQUIRE(last_body != article.runs.end());
    CHECK(article.rules[0].y > last_body->baseline);
    CHECK(article.rules[0].y < (last_body + 1)->baseline - fonts[FontRole::BodyItalic].ascent);
    CHECK(article.height > article.runs.back().baseline);
    CHECK(article.line_count >= 6);
}

TEST_CASE("first_visible_run skips what is above the viewport", "[layout]") {
    const auto fonts = fixed_font();
    std::vector<content::Block> blocks;
    for (int i = 0; i < 200; ++i) blocks.push_back(paragraph({words("word word word")}));
    layout::ArticleLayoutParams params;
    params.column_width = 1000.0f;
    const auto article = layout::layout_article(blocks, fonts, params);
    REQUIRE(article.runs.size() == 200);
    const size_t first = article.first_visible_run(article.height / 2.0f, 40.0f);
    CHECK(first > 90);
    CHECK(first < 110);
    CHECK(article.runs[first].baseline >= article.height / 2.0f - 40.0f);
    CHECK(article.runs[first - 1].baseline < article.height / 2.0f - 40.0f);
    CHECK(article.first_visible_run(0.0f, 40.0f) == 0);
}

TEST_CASE("the panel keeps a readable measure from 800x480 to 3840x2160", "[layout]") {
    struct Case { int width, height; };
    for (const Case c : {Case{800, 480}, Case{1080, 1920}, Case{1920, 1080}, Case{720, 1280}, Case{3840, 2160}}) {
        layout::PanelParams params;
        params.width = c.width;
        params.height = c.height;
        const layout::Panel panel = layout::panel_layout(params);
        INFO(c.width << "x" << c.height);
        CHECK(panel.column_x >= panel.margin - 1.0f);
        CHECK(panel.column_x + panel.column_width <= c.width - panel.margin + 1.0f);
        const float chars = panel.column_width / (panel.body_size * params.average_char_em);
        CHECK(chars >= 55.0f);
        CHECK(chars <= 75.0f);
        CHECK(panel.role_sizes[static_cast<int>(FontRole::Headline)] > panel.body_size * 1.5f);
        CHECK(panel.top_bar >= 9.0f * panel.mm);
    }
    layout::PanelParams portrait;
    layout::PanelParams small;
    small.width = 800;
    small.height = 480;
    CHECK(layout::panel_layout(portrait).body_size > layout::panel_layout(small).body_size);
}

TEST_CASE("real Noto Serif metrics give 55 to 75 characters a line on the built-in article", "[layout][fonts]") {
    const auto face = text::FontFace::from_bytes(core::embedded("fonts/NotoSerif-Regular.ttf"));
    REQUIRE(face);
    const content::LoadResult loaded = content::load_builtin_bundle();
    REQUIRE(loaded.usable);
    layout::FontSet fonts;
    for (auto& metrics : fonts.roles) {
        metrics.size = 33.0f;
        const auto vertical = face->vertical_metrics(33.0f);
        metrics.ascent = vertical.ascent;
        metrics.descent = vertical.descent;
        metrics.default_advance = face->advance('n', 33.0f);
        for (uint32_t c = 32; c < 0x2100; ++c)
            if (face->covers(c)) metrics.advances[c] = face->advance(c, 33.0f);
    }
    layout::ArticleLayoutParams params;
    params.column_width = 960.0f;
    size_t total_chars = 0, total_lines = 0;
    for (const auto& block : loaded.bundle.article) {
        if (block.kind != content::BlockKind::Paragraph) continue;
        const auto lines = layout::break_lines(block.spans, FontRole::Body, fonts, params.column_width);
        // Only full lines count: a paragraph's last line is short by nature.
        for (size_t i = 0; i + 1 < lines.size(); ++i) {
            for (const auto& run : lines[i].runs) total_chars += run.text.size();
            ++total_lines;
        }
    }
    REQUIRE(total_lines > 10);
    const double mean = static_cast<double>(total_chars) / total_lines;
    CHECK(mean > 55.0);
    CHECK(mean < 80.0);
}
