// Draws the laid-out article into an ImGui draw list: only the lines inside the viewport, and a
// thin indicator of where the reader is. Runs the text engine set (with glyphs) are quads from
// the glyph atlas; other runs are ImGui text in their role's font. Does NOT lay out text, scroll,
// handle input or upload the atlas (glyphs not yet in it are added as they are drawn; the app
// uploads it).
#pragma once
#include <cstdint>
#include <vector>

#include "layout/article_layout.h"
#include "text/glyph_atlas.h"
#include "views/fonts.h"
#include "views/theme.h"

struct ImDrawList;

namespace kiosk::views {

struct Rect {
    float x = 0.0f, y = 0.0f, width = 0.0f, height = 0.0f;
};

// How a placed photograph is drawn: its texture, or a calm placeholder while it is decoded or
// when it cannot be shown.
struct FigureShow {
    uintptr_t texture = 0;             // 0: the placeholder
    bool broken = false;               // the placeholder stays (drawn with a thin frame)
};

struct ArticleViewParams {
    Rect viewport;                     // where the article shows, in framebuffer pixels
    float column_x = 0.0f;             // the column's left edge
    float scroll = 0.0f;               // pixels of the article above the viewport's top
    float padding_top = 0.0f;          // space above the article's first line
    float padding_bottom = 0.0f;       // space the reader can scroll past the last line
    float indicator_width = 4.0f;      // the scroll position indicator
    bool indicator_at_left = false;    // at the left edge (a right-to-left page), else the right
    // Where the engine's glyphs come from: the atlas (faces as in layout::embedded_article_faces)
    // and its uploaded texture. Without either, engine runs are drawn as ImGui text. Glyphs not
    // yet in the atlas are added as they are drawn.
    text::GlyphAtlas* atlas = nullptr;
    uintptr_t atlas_texture = 0;
    std::vector<FigureShow> figures;   // by index of layout.figures; missing: placeholders
};

struct ArticleDrawStats {
    int runs_drawn = 0;
};

ArticleDrawStats draw_article(ImDrawList* draw_list, const layout::ArticleLayout& layout, const Fonts& fonts,
                              const Theme& theme, const ArticleViewParams& params);

// The photographs between `top` and `bottom` (article pixels), each in its letterbox band, with
// the article's origin at (origin_x, origin_y). draw_article calls it; the full-screen view too.
void draw_figures(ImDrawList* draw_list, const layout::ArticleLayout& layout, const Theme& theme,
                  const ArticleViewParams& params, float origin_x, float origin_y, float top, float bottom);

// How far the article can scroll in a viewport of `viewport_height`.
float max_scroll(const layout::ArticleLayout& layout, float viewport_height, float padding_top, float padding_bottom);

}  // namespace kiosk::views
