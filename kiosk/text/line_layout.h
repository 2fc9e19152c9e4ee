// A shaped paragraph set in lines of one width at one size: lines chosen in logical order
// (line_break.h), then each line reordered for display (bidi.h), giving glyphs placed left to
// right with the line flush left (left-to-right paragraph) or flush right (right-to-left). Cheap
// next to shaping: run again for every new width or size. Does NOT shape, rasterise or place
// lines vertically (the caller stacks them with its own leading).
#pragma once
#include <cstdint>
#include <vector>

#include "text/line_break.h"
#include "text/shape.h"
#include "text/text_error.h"

namespace kiosk::text {

struct PositionedGlyph {
    uint32_t glyph = 0;                // glyph id in `face` (stb_truetype rasterises by this index)
    int face = 0;                      // index into the face table the paragraph was shaped with
    float x = 0.0f;                    // pen position plus offset, pixels from the column's left edge
    float y = 0.0f;                    // pixels below the baseline (negative: above it)
    float em_size = 0.0f;              // its own pixels per em (a style's scale applied): the atlas key
    float advance = 0.0f;              // pixels the pen moves after it
    int cluster = 0;                   // UTF-16 index of the first character it shows
    int style = 0;                     // the style of its run (TextRun::style)
};

struct PositionedLine {
    int start = 0;                     // logical range shown, [start, end), UTF-16 units
    int end = 0;
    float x = 0.0f;                    // left edge of its first glyph, pixels from the column's left
    float width = 0.0f;                // pixels, hanging spaces excluded
    bool word_cut = false;             // a word too wide for the column was cut here
    std::vector<PositionedGlyph> glyphs;  // left to right on the screen
};

struct LineLayoutParams {
    float width = 600.0f;              // the column, pixels
    float em_size = 24.0f;             // pixels per em (ImGui's SizePixels is larger: ascent to descent)
};

struct LaidOutParagraph {
    std::vector<PositionedLine> lines;  // top to bottom
    TextError error;
};

// `breaks` from find_line_breaks over shaped.bidi.text (kept with the shaped paragraph: they do
// not change with the width).
LaidOutParagraph lay_out_lines(const ShapedParagraph& shaped, const std::vector<BreakOpportunity>& breaks,
                               const LineLayoutParams& params);

}  // namespace kiosk::text
