// Places the sources the article cites as a numbered list (the sources view), or one of them alone
// (the card a citation opens): who, what, when, what the article uses from it, and the curator's web
// address with room for its QR code. Also how large a QR code must be to scan from a given distance.
// Does NOT draw, encode QR codes, or scroll.
#pragma once
#include <string>
#include <vector>

#include "content/bundle.h"
#include "layout/article_layout.h"
#include "layout/metrics.h"

namespace kiosk::layout {

class TextCache;

// How big a QR code is drawn. A rule of thumb from QR code printing guides: a code reads from up
// to ten times its own width, so from 50 cm it must be at least 5 cm wide; and no module under 1 mm.
struct QrSizeParams {
    float reading_distance_mm = 500.0f;  // a visitor holds a phone about this far from the panel
    float distance_per_width = 10.0f;    // a code reads from this many times its width
    float min_module_mm = 1.0f;          // no module smaller than this, however many there are
    int quiet_modules = 4;               // the light margin the QR standard asks for, each side
};

// Whole pixels a module for a code `modules` wide (without quiet zone) on a panel of `px_per_mm`.
int qr_module_pixels(int modules, float px_per_mm, const QrSizeParams& params = {});

// The side of the drawn code, quiet zone included, in pixels; 0 when modules is 0.
float qr_side_pixels(int modules, float px_per_mm, const QrSizeParams& params = {});

struct PlacedCode {
    int source = 0;                    // 1-based number of the source whose address it encodes
    float x = 0.0f, y = 0.0f;          // top-left, x from the column's left, y from the list's top
    float side = 0.0f;                 // pixels, quiet zone included
};

struct SourcesLayout {
    ArticleLayout text;                // runs in reading order, as the article view draws them
    std::vector<PlacedCode> codes;     // one per source with a web address (and a code)
    std::vector<float> entry_tops;     // y of each entry's top, by source index
};

struct SourcesLayoutParams {
    float column_width = 600.0f;       // the list's width, codes included
    float body_leading = 1.12f;        // line height / pixel size, as the article sets its text
    float entry_gap = 1.0f;            // between entries, in body lines
    float code_gap = 0.8f;             // between the words and a code, in body ems
    bool text_engine = false;          // set by the text engine (text_lines.h); false: the FontSet's advances
    std::string language = "en";       // the bundle's: numbers, direction (right to left: numbers at the right)
    TextCache* cache = nullptr;        // shapes kept between layouts; null: shaped each time
};

// The whole list. `code_sides[i]`: the drawn side of source i's QR code, 0 for none (missing
// entries mean none). A code sits beside its entry's words when the column is wide enough to
// leave them half of it, else below them.
SourcesLayout layout_sources(const std::vector<content::Source>& sources, const std::vector<float>& code_sides,
                             const FontSet& fonts, const SourcesLayoutParams& params);

// One entry alone (for the citation card): source `number` (1-based; 0 or less shows "?"), with
// its code side or 0.
SourcesLayout layout_source_entry(const content::Source& source, int number, float code_side, const FontSet& fonts,
                                  const SourcesLayoutParams& params);

}  // namespace kiosk::layout
