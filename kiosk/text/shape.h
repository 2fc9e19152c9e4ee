// Shapes one paragraph with HarfBuzz: bidi (bidi.h), runs by direction, script and face
// (itemize.h), then each run shaped with the paragraph's language, kerning and standard ligatures.
// Results are in font units, so they hold at every text size: a new width or size re-breaks the
// lines (line_layout.h) and never re-shapes. Does NOT break lines, rasterise or cache; the caller
// keeps a ShapedParagraph for as long as its text and style stay the same.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/bidi.h"
#include "text/itemize.h"
#include "text/shaping_face.h"
#include "text/text_error.h"

namespace kiosk::text {

struct ShapeParams {
    std::string language = "en";       // BCP 47, the bundle's: selects the fonts' language forms
    // The language Arabic-script runs are shaped in when the paragraph's own language is not
    // written in Arabic script (Persian digits in an English sentence). Noto Naskh Arabic 2.004
    // draws ۴ ۶ ۷ in their Urdu shapes unless the run says Persian, and this memorial's readers
    // are Persian.
    std::string arabic_script_language = "fa";
    bool kerning = true;               // OpenType 'kern'
    bool ligatures = true;             // 'liga' and 'clig'; Arabic's required ones (lam-alef) stay on
    bool tabular_figures = false;      // 'tnum': every digit one width, for a figure that counts
};

// A stretch of the text in one style, by UTF-8 byte offsets into the text.
struct StyleSpan {
    size_t start = 0;                  // UTF-8 bytes, [start, end)
    size_t end = 0;
    int style = 0;                     // index into StyledText::styles
};

struct StyledText {
    std::string_view text;             // UTF-8, one paragraph
    std::vector<TextStyle> styles;     // style 0 is the paragraph's own: the text outside every span
    std::vector<StyleSpan> spans;      // where they overlap, the later one wins
};

struct ShapedGlyph {
    uint32_t glyph = 0;                // glyph id in its run's face; 0 is .notdef
    int32_t advance = 0;               // horizontal advance, font units of the face
    int32_t x_offset = 0;              // from the pen position, font units
    int32_t y_offset = 0;              // font units, positive up (HarfBuzz's convention)
    int cluster = 0;                   // UTF-16 index of the first character of its cluster
    bool unsafe_to_break = false;      // cutting the run here would change the shapes (HarfBuzz flag)
};

struct ShapedRun {
    TextRun run;
    int units_per_em = 1000;           // of its face: font units to ems
    std::vector<ShapedGlyph> glyphs;   // left to right as shown (a right-to-left run's last character first)
};

struct ShapedParagraph {
    BidiParagraph bidi;                // the text, its levels and its direction
    std::vector<ShapedRun> runs;       // in logical order
    // Per UTF-16 unit: the advance of the cluster that starts there, in the paragraph's ems (0
    // inside a cluster; a style's scale applied), so a line's width is a sum over its logical
    // range, whatever the faces' units.
    std::vector<float> advance_em;
    std::vector<uint8_t> cluster_start;  // 1 where a cluster starts: the only places a word may be cut
    std::vector<uint32_t> uncovered;   // code points no face has (they show as .notdef)
    std::vector<TextStyle> styles;     // what TextRun::style indexes: sizes and raises for the lines
    std::vector<int> utf8_offset;      // per UTF-16 unit, where its character starts in the UTF-8 text; then its size
    std::string language;              // what it was shaped with, for line breaking
    TextError error;
};

// Shapes styled text; each style's faces index `faces`, the face table.
ShapedParagraph shape_paragraph(const StyledText& text, ParagraphDirection direction,
                                const std::vector<const ShapingFace*>& faces, const ShapeParams& params = {});

// Shapes `text` (UTF-8, one paragraph) in one style: `faces` in order of preference.
ShapedParagraph shape_paragraph(std::string_view text, ParagraphDirection direction,
                                const std::vector<const ShapingFace*>& faces, const ShapeParams& params = {});

// The count of glyphs that are .notdef (glyph 0) in `paragraph`: what --check reports.
int notdef_count(const ShapedParagraph& paragraph);

}  // namespace kiosk::text
