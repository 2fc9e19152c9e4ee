// Draws the sources: the numbered list (the sources view) and the card one citation opens over the
// article. Words are drawn like the article's (draw_article); QR codes are textures the app made
// once from views::qr_image. Does NOT lay out (layout/sources_layout.h), scroll or handle taps.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "layout/sources_layout.h"
#include "layout/touch_targets.h"
#include "views/article_view.h"
#include "views/fonts.h"
#include "views/text_painter.h"
#include "views/theme.h"

struct ImDrawList;

namespace kiosk::views {

// Draws the list in the viewport of `params` (scrolled like the article). `code_textures[i]`: the
// texture of source i's code, 0 for none or not uploaded (then only the address shows).
ArticleDrawStats draw_sources(ImDrawList* draw_list, const layout::SourcesLayout& layout, const Fonts& fonts,
                              const Theme& theme, const ArticleViewParams& params,
                              const std::vector<uintptr_t>& code_textures);

struct CardViewParams {
    Rect page;                         // the area the card dims behind it (the view below the top bar)
    layout::CardLayout geometry;       // from layout::place_card
    std::string close_label = "Close"; // the close control's word, at the side where a reader ends (right, or left right to left)
    uintptr_t code_texture = 0;        // the source's QR code texture, 0 for none
    float corner_radius = 8.0f;        // the card's corners
    float rule_thickness = 1.0f;       // its outline and the line above the close control
};

// Draws the card holding one source's entry (laid out by layout_source_entry) over a dimmed page.
// The entry's words come from the painter's atlas, as the list's do.
void draw_citation_card(ImDrawList* draw_list, const layout::SourcesLayout& entry, const TextPainter& painter,
                        const Theme& theme, const CardViewParams& params);

}  // namespace kiosk::views
