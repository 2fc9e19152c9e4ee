// Where the memorial view puts things: the figure with the words that qualify it, the caption, the
// dates, the line of remembrance, the attribution, and a field of one mark per person. Pure
// geometry from the bundle's words and the fonts' metrics, computed once per panel size.
// Does NOT draw, count, format the running number, or know the time: the view and the counter do.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "content/bundle.h"
#include "layout/article_layout.h"
#include "layout/metrics.h"

namespace kiosk::layout {

class TextCache;

// A grid of square cells, one mark per person, filled row by row from the top left.
struct MarkGrid {
    int64_t count = 0;                 // marks in the field: the figure; 0: no field
    int columns = 0, rows = 0;         // the last row holds count - (rows - 1) × columns marks
    int cell = 0;                      // pixels from one mark to the next
    int mark = 0;                      // pixels of a mark's side inside its cell
    float x = 0.0f, y = 0.0f;          // top-left corner in framebuffer pixels (whole pixels)

    int width() const { return columns * cell; }
    int height() const { return rows * cell; }
};

struct MarkGridParams {
    int min_cell = 2;                  // a pixel of gap at least: touching marks would read as one block
    int max_cell = 24;                 // marks never grow past this, however few there are
    float mark_ratio = 0.45f;          // a mark's side against its cell: the rest is the gap between marks
    int max_side = 2048;               // the field's texture side limit (the Raspberry Pi 3's VC4 GPU)
};

// The largest whole-pixel cell at which `count` marks fit in width × height (and in max_side).
// columns = 0 when they cannot fit even at min_cell: then no field is shown, since a field where a
// mark stood for more than one person would no longer be one mark per person.
MarkGrid fit_mark_grid(int64_t count, float width, float height, const MarkGridParams& params);

// What a line of the memorial view is, so the view can choose its colour.
enum class MemorialPart { Dates, Qualifier, Caption, Remembrance, Attribution };

struct MemorialLine {
    MemorialPart part = MemorialPart::Caption;
    FontRole role = FontRole::Body;
    float x = 0.0f;                    // left edge, framebuffer pixels
    float baseline = 0.0f;             // framebuffer pixels
    float width = 0.0f;
    std::string text;                  // UTF-8, verbatim from the bundle
    std::vector<PlacedRun> runs;       // as drawn: x from the line's x, glyphs set by the text engine (or none)
};

struct MemorialLayoutParams {
    float x = 0.0f, y = 0.0f;          // the view's area in framebuffer pixels (below the top bar)
    float width = 1080.0f, height = 1840.0f;
    float margin = 54.0f;              // kept free at the area's edges
    float column_width = 900.0f;       // the longest a line of text may be
    float body_leading = 1.12f;        // line height / pixel size, as the article sets its text
    std::string language = "en";       // the bundle's: the figure's separator, direction, shaping
    bool text_engine = false;          // set by the text engine (text_lines.h); false: the FontSet's advances
    TextCache* cache = nullptr;        // shapes kept between layouts; null: shaped each time
    MarkGridParams grid;
};

struct MemorialLayout {
    std::vector<MemorialLine> lines;   // every line of words except the running number
    // The running number is drawn right-aligned to figure_right: its units digit stays put and new
    // digits grow leftwards, as numbers read left to right in every script.
    float figure_right = 0.0f;         // the running number is drawn right-aligned to this x,
    float figure_baseline = 0.0f;      // on this baseline, in FontRole::Figure,
    float figure_width = 0.0f;         // in a box as wide as the final figure: the qualifier never moves
    MarkGrid field;                    // count 0: no field
    bool side_by_side = false;         // a wide panel: words at the start side (left, or right for RTL), the field beside
    float top = 0.0f, bottom = 0.0f;   // the extent of everything placed, for tests and the caller
};

MemorialLayout layout_memorial(const content::Memorial& memorial, const FontSet& fonts,
                               const MemorialLayoutParams& params);

}  // namespace kiosk::layout
