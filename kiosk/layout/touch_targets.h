// Where a finger lands: the tabs of the top bar, the citation markers of the laid-out article, and
// the parts of the citation card. Pure geometry; targets are at least `min_side` pixels (9 mm on the
// panel) however small what they show is, without moving any glyph.
// Does NOT recognise taps (app/touch.h) or draw anything.
#pragma once
#include <vector>

#include "layout/article_layout.h"
#include "layout/metrics.h"

namespace kiosk::layout {

struct Box {
    float x = 0.0f, y = 0.0f, width = 0.0f, height = 0.0f;
    bool contains(float px, float py) const { return px >= x && py >= y && px < x + width && py < y + height; }
    // Some area in common (boxes that only touch do not overlap).
    bool overlaps(const Box& o) const { return x < o.x + o.width && o.x < x + width && y < o.y + o.height && o.y < y + height; }
};

// `count` tabs side by side filling [left, left + width) of a bar `height` high at the top.
std::vector<Box> tab_boxes(int count, float left, float width, float height);

// Index of the box holding (x, y), or -1.
int box_at(const std::vector<Box>& boxes, float x, float y);

// A marker whose id names no source (drawn "?"): tapping it says the source is unavailable.
constexpr int kUnknownCitation = -1;

// The citation number (1-based source) whose marker is nearest (x, y), counting each marker's box
// widened and heightened to at least min_side around its centre; kUnknownCitation for a marker that
// names no source; 0 when no marker is that close.
// (x, y) are in the layout's own coordinates: from the column's left and the article's top.
int citation_at(const ArticleLayout& layout, const FontMetrics& superscript, float x, float y, float min_side);

// The box a citation marker's glyphs occupy, in the layout's coordinates.
Box citation_box(const PlacedRun& run, const FontMetrics& superscript);

// The citation card over the article: centred in `area`, sized to its content, with a close
// control (at least min_side high) along its bottom edge.
struct CardLayout {
    Box card;                          // the card itself
    Box content;                       // where the source's entry goes (its top-left)
    Box close;                         // the close control
};
CardLayout place_card(const Box& area, float content_width, float content_height, float padding, float min_side);

}  // namespace kiosk::layout
