// Places an article's blocks in one column: line breaking, spacing and the role of every run.
// Computed once per column width and text size, then cached by the caller; drawing only reads it.
// Does NOT touch GL or ImGui, load fonts, or know the time.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "content/bundle.h"
#include "layout/metrics.h"
#include "text/text_error.h"

namespace kiosk::layout {

// A glyph of a run as the view draws it; compact, since a long article holds hundreds of
// thousands of them (the 100x article within the heap budget).
struct RunGlyph {
    uint16_t glyph = 0;                // glyph id in `face` (OpenType counts glyphs in 16 bits)
    uint8_t face = 0;                  // index into embedded_article_faces() (article_text.h)
    float x = 0.0f;                    // from the run's x, pixels
    float y = 0.0f;                    // from the baseline, pixels, y down
};

struct PlacedRun {
    float x = 0.0f;                    // left edge, pixels from the column's left
    float baseline = 0.0f;             // the line's baseline, pixels from the top of the article
    float raise = 0.0f;                // drawn this far above the baseline (superscripts)
    float width = 0.0f;
    FontRole role = FontRole::Body;
    std::string text;                  // UTF-8: the logical text its glyphs show
    int citation = 0;                  // >0: a superscript citation marker for source `citation`
    // Set by the text engine (article_text.h): the shaped glyphs, drawn from the glyph atlas at
    // em_size pixels per em. Empty: `text` is drawn with the ImGui font of `role`.
    std::vector<RunGlyph> glyphs;
    float em_size = 0.0f;
};

struct PlacedRule {
    float x = 0.0f, y = 0.0f, width = 0.0f;  // a thin horizontal rule
};

// A photograph, whole: scaled to the column's width, or less when that would be taller than the
// panel allows, never cropped or stretched. Its caption and credit are ordinary runs under it.
struct PlacedFigure {
    size_t block = 0;                  // index of its Figure block in the article
    float x = 0.0f, y = 0.0f;          // the picture's top-left, pixels from the column's left / article's top
    float width = 0.0f, height = 0.0f; // the picture as shown
    float band_height = 0.0f;          // the letterbox band across the column: y .. y + band_height
};

struct ArticleLayout {
    std::vector<PlacedRun> runs;       // in reading order, baselines never decrease
    std::vector<PlacedRule> rules;     // in reading order, y never decreases
    std::vector<PlacedFigure> figures; // in reading order, y never decreases
    float width = 0.0f;                // the column width it was made for
    float height = 0.0f;               // total height of the article
    int line_count = 0;
    text::TextError engine_error;      // the first block the text engine could not set, if any
    // Where each block begins (its first line's top, pixels from the article's top), one per
    // block: a change of language keeps the reader's place by block, not by pixels.
    std::vector<float> block_tops;

    // The block whose text is at `y` (the last one beginning at or above it); -1 when there is none.
    int block_at(float y) const;

    // Index of the first run whose line may be visible at `top` (binary search on baselines).
    size_t first_visible_run(float top, float max_line_height) const;
};

struct ArticleLayoutParams {
    float column_width = 600.0f;
    // Set the text with the text engine (article_text.h) in `language`, block by block; a block
    // it cannot set, or every block when false, is measured with the FontSet instead (the tests'
    // fixed-advance fonts).
    bool text_engine = false;
    std::string language = "en";       // BCP 47, the bundle's: direction, shaping, line breaks
    // Leadings are relative to ImGui's pixel size, which is the face's ascent-to-descent height
    // (about 1.36 em for Noto): 1.12 of it is about 1.5 em, a comfortable book leading.
    float body_leading = 1.12f;        // line height / body size
    float headline_leading = 0.9f;
    float standfirst_leading = 1.02f;
    float paragraph_gap = 0.75f;       // space between paragraphs, in body lines
    // A photograph with its caption and credit is at most this tall (the panel's height less its
    // margins), so it can be seen whole; 0: only the column's width limits it.
    float figure_max_height = 0.0f;
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
