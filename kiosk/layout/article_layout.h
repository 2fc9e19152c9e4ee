// Places an article's blocks in one column: line breaking, spacing and the role of every run.
// Computed once per column width and text size, then cached by the caller; drawing only reads it.
// Does NOT touch GL or ImGui, load fonts, or know the time.
#pragma once
#include <string>
#include <vector>

#include "content/bundle.h"
#include "layout/metrics.h"
#include "text/line_layout.h"

namespace kiosk::layout {

struct PlacedRun {
    float x = 0.0f;                    // left edge, pixels from the column's left
    float baseline = 0.0f;             // the line's baseline, pixels from the top of the article
    float raise = 0.0f;                // drawn this far above the baseline (superscripts)
    float width = 0.0f;
    FontRole role = FontRole::Body;
    std::string text;                  // UTF-8: the logical text its glyphs show
    int citation = 0;                  // >0: a superscript citation marker for source `citation`
    // Set by the text engine (article_text.h): the shaped glyphs, x from the run's x, drawn from
    // the glyph atlas. Empty: `text` is drawn with the ImGui font of `role`.
    std::vector<text::PositionedGlyph> glyphs;
};

struct PlacedRule {
    float x = 0.0f, y = 0.0f, width = 0.0f;  // a thin horizontal rule
};

struct ArticleLayout {
    std::vector<PlacedRun> runs;       // in reading order, baselines never decrease
    std::vector<PlacedRule> rules;     // in reading order, y never decreases
    float width = 0.0f;                // the column width it was made for
    float height = 0.0f;               // total height of the article
    int line_count = 0;

    // Index of the first run whose line may be visible at `top` (binary search on baselines).
    size_t first_visible_run(float top, float max_line_height) const;
};

struct ShapedArticle;                  // article_text.h

struct ArticleLayoutParams {
    float column_width = 600.0f;
    // The article as the text engine shaped it (article_text.h): its lines, when it matches the
    // blocks and has no error; otherwise the lines are measured with the FontSet.
    const ShapedArticle* shaped = nullptr;
    // Leadings are relative to ImGui's pixel size, which is the face's ascent-to-descent height
    // (about 1.36 em for Noto): 1.12 of it is about 1.5 em, a comfortable book leading.
    float body_leading = 1.12f;        // line height / body size
    float headline_leading = 0.9f;
    float standfirst_leading = 1.02f;
    float paragraph_gap = 0.75f;       // space between paragraphs, in body lines
};

ArticleLayout layout_article(const std::vector<content::Block>& blocks, const FontSet& fonts,
                             const ArticleLayoutParams& params);

// One line of a paragraph: runs placed on it, x relative to the column.
struct LineOfRuns {
    std::vector<PlacedRun> runs;
    float width = 0.0f;
};

// Breaks styled spans into lines no wider than `width` (a word longer than a line is split).
// `role_for` maps a span to the face it is drawn with.
std::vector<LineOfRuns> break_lines(const std::vector<content::Span>& spans, FontRole base_role,
                                    const FontSet& fonts, float width);

float measure(const FontMetrics& metrics, const std::string& text);

// The role a block of `kind` is set in, and the role of one of its spans (emphasis, a marker).
FontRole base_role_of(content::BlockKind kind);
FontRole role_for(FontRole base, const content::Span& span);

}  // namespace kiosk::layout
