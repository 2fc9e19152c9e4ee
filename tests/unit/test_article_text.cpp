// The article set by the text engine: the built-in article verbatim, in the column, 55 to 80
// characters a line, markers as superscripts; a Persian article flush right.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "content/bundle.h"
#include "core/embedded.h"
#include "layout/article_text.h"
#include "layout/metrics.h"

using namespace kiosk;
using layout::FontRole;

namespace {

// The metrics layout_article stacks lines with, from the real faces at a panel's sizes.
layout::FontSet real_fonts(const layout::Panel& panel) {
    layout::FontSet fonts;
    for (int role = 0; role < layout::kFontRoleCount; ++role) {
        const auto face = text::FontFace::from_bytes(core::embedded(layout::font_file_for(static_cast<FontRole>(role))));
        REQUIRE(face);
        layout::FontMetrics& metrics = fonts.roles[role];
        metrics.size = panel.role_sizes[role];
        const auto vertical = face->vertical_metrics(metrics.size);
        metrics.ascent = vertical.ascent;
        metrics.descent = vertical.descent;
        metrics.default_advance = face->advance('n', metrics.size);
    }
    return fonts;
}

content::Block paragraph(const std::string& text) {
    content::Block block;
    content::Span span;
    span.text = text;
    block.spans.push_back(span);
    return block;
}

content::Span marker(int number) {
    content::Span span;
    span.citation = number;
    span.citation_id = "s" + std::to_string(number);
    return span;
}

std::vector<std::string> fixture_paragraphs(const std::string& name) {
    std::ifstream in(std::string(KIOSK_TEST_DATA) + "/text/" + name);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

size_t non_spaces(const std::string& text) { return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return c != ' '; })); }

}  // namespace

TEST_CASE("article text: the built-in article is set verbatim, in the column, 55 to 80 characters a line", "[layout][text]") {
    const content::LoadResult loaded = content::load_builtin_bundle();
    REQUIRE(loaded.usable);
    const layout::Panel panel = layout::panel_layout({});
    const layout::FontSet fonts = real_fonts(panel);
    size_t full_line_chars = 0, full_lines = 0, markers = 0;
    for (size_t b = 0; b < loaded.bundle.article.size(); ++b) {
        const content::Block& block = loaded.bundle.article[b];
        const layout::ShapedBlock shaped_block = layout::shape_block(block, loaded.bundle.manifest.language);
        REQUIRE(shaped_block.error.ok());
        INFO("block " << b << ": " << shaped_block.text);
        // The shaped text is the block's text with the markers' numbers where they stand.
        std::string without_markers;
        for (const content::Span& span : block.spans)
            if (span.citation_id.empty()) without_markers += span.text;
        CHECK(without_markers == content::block_text(block));
        CHECK(text::notdef_count(shaped_block.shaped) == 0);
        const std::vector<layout::LineOfRuns> lines = layout::engine_lines(shaped_block, fonts, panel.column_width);
        REQUIRE_FALSE(lines.empty());
        // Verbatim: the runs' texts, in order, are the paragraph with only spaces between them.
        size_t at = 0, shown = 0;
        for (const layout::LineOfRuns& line : lines) {
            CHECK(line.width <= panel.column_width + 0.01f);
            for (const layout::PlacedRun& run : line.runs) {
                const size_t found = shaped_block.text.find(run.text, at);
                REQUIRE(found != std::string::npos);
                CHECK(non_spaces(shaped_block.text.substr(at, found - at)) == 0);
                at = found + run.text.size();
                shown += non_spaces(run.text);
                CHECK(run.x >= -0.01f);
                CHECK(run.x + run.width <= panel.column_width + 0.01f);
                CHECK_FALSE(run.glyphs.empty());
                if (run.citation > 0) {
                    ++markers;
                    CHECK(run.role == FontRole::Superscript);
                    CHECK(run.text.find(std::to_string(run.citation)) != std::string::npos);
                }
            }
        }
        CHECK(shown == non_spaces(shaped_block.text));
        if (block.kind == content::BlockKind::Paragraph)
            for (size_t i = 0; i + 1 < lines.size(); ++i) {
                for (const auto& run : lines[i].runs) full_line_chars += run.text.size();
                ++full_lines;
            }
    }
    CHECK(markers > 5);
    REQUIRE(full_lines > 10);
    const double mean = static_cast<double>(full_line_chars) / static_cast<double>(full_lines);
    CHECK(mean > 55.0);
    CHECK(mean < 80.0);

    // Through layout_article: every run from the engine, baselines going down.
    layout::ArticleLayoutParams params;
    params.column_width = panel.column_width;
    params.text_engine = true;
    params.language = loaded.bundle.manifest.language;
    const layout::ArticleLayout article = layout::layout_article(loaded.bundle.article, fonts, params);
    REQUIRE_FALSE(article.runs.empty());
    CHECK(article.engine_error.ok());
    for (size_t i = 0; i < article.runs.size(); ++i) {
        CHECK_FALSE(article.runs[i].glyphs.empty());
        CHECK(article.runs[i].em_size > 0.0f);
        if (i > 0) CHECK(article.runs[i].baseline >= article.runs[i - 1].baseline);
    }
    // Without the engine, the FontSet measures and ImGui draws.
    params.text_engine = false;
    CHECK(layout::layout_article(loaded.bundle.article, fonts, params).runs.front().glyphs.empty());
}

TEST_CASE("article text: a Persian article is set flush right, its markers with it", "[layout][text]") {
    std::vector<content::Block> blocks;
    for (const std::string& text : fixture_paragraphs("udhr.fa.txt")) blocks.push_back(paragraph(text));
    REQUIRE(blocks.size() == 2);
    blocks[0].spans.push_back(marker(1));
    const layout::Panel panel = layout::panel_layout({});
    const layout::FontSet fonts = real_fonts(panel);
    const float width = 500.0f;
    bool marker_seen = false;
    for (const content::Block& content_block : blocks) {
        const layout::ShapedBlock block = layout::shape_block(content_block, "fa");
        REQUIRE(block.error.ok());
        CHECK(text::notdef_count(block.shaped) == 0);
        const std::vector<layout::LineOfRuns> lines = layout::engine_lines(block, fonts, width);
        REQUIRE_FALSE(lines.empty());
        for (size_t i = 0; i < lines.size(); ++i) {
            float right = 0.0f;
            for (const auto& run : lines[i].runs) right = std::max(right, run.x + run.width);
            CHECK(right == Approx(width).margin(0.01));  // flush right
            CHECK(lines[i].runs.front().x >= width - lines[i].width - 0.01f);
        }
        // The marker ends the first paragraph: at the left end of its last line, after the full stop.
        const auto& last = lines.back().runs;
        const auto found = std::find_if(last.begin(), last.end(), [](const layout::PlacedRun& run) { return run.citation == 1; });
        if (found != last.end()) {
            marker_seen = true;
            CHECK(found == last.begin());
            CHECK(found->text == "\u06F1");  // in Persian digits, as the sources list numbers it
        }
    }
    CHECK(marker_seen);
    // Persian's faces: the Arabic face first, then the role's own for what it lacks.
    const layout::ArticleFaces& faces = layout::embedded_article_faces();
    REQUIRE(faces.ok());
    CHECK(layout::faces_for_role(faces, FontRole::Body, "fa").front() == faces.index_of("fonts/NotoNaskhArabic-Regular.ttf"));
    CHECK(layout::faces_for_role(faces, FontRole::Body, "en").front() == faces.index_of("fonts/NotoSerif-Regular.ttf"));
}
