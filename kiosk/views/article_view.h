// Draws the laid-out article into an ImGui draw list: only the lines inside the viewport, and a
// thin indicator of where the reader is. Does NOT lay out text, scroll, or handle input.
#pragma once
#include "layout/article_layout.h"
#include "views/fonts.h"
#include "views/theme.h"

struct ImDrawList;

namespace kiosk::views {

struct Rect {
    float x = 0.0f, y = 0.0f, width = 0.0f, height = 0.0f;
};

struct ArticleViewParams {
    Rect viewport;                     // where the article shows, in framebuffer pixels
    float column_x = 0.0f;             // the column's left edge
    float scroll = 0.0f;               // pixels of the article above the viewport's top
    float padding_top = 0.0f;          // space above the article's first line
    float padding_bottom = 0.0f;       // space the reader can scroll past the last line
    float indicator_width = 4.0f;      // the scroll position indicator
};

struct ArticleDrawStats {
    int runs_drawn = 0;
};

ArticleDrawStats draw_article(ImDrawList* draw_list, const layout::ArticleLayout& layout, const Fonts& fonts,
                              const Theme& theme, const ArticleViewParams& params);

// How far the article can scroll in a viewport of `viewport_height`.
float max_scroll(const layout::ArticleLayout& layout, float viewport_height, float padding_top, float padding_bottom);

}  // namespace kiosk::views
