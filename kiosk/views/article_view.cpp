#include "views/article_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "views/text_painter.h"

namespace kiosk::views {

using layout::FontRole;

namespace {
uint32_t colour_of(FontRole role, const Theme& theme) {
    switch (role) {
        case FontRole::Label:
        case FontRole::Superscript: return pack(theme.accent);
        case FontRole::Small: return pack(theme.text_muted);
        default: return pack(theme.text);
    }
}

// The runs inside the viewport: [first, end) of layout.runs, and where the article's origin is.
struct VisibleRuns {
    size_t first = 0, end = 0;
    float origin_x = 0.0f, origin_y = 0.0f;
};

VisibleRuns visible_runs(const layout::ArticleLayout& layout, const Fonts& fonts, const ArticleViewParams& params) {
    VisibleRuns visible;
    const Rect& view = params.viewport;
    // Whole pixels keep glyph edges crisp while scrolling.
    visible.origin_y = std::round(view.y + params.padding_top - params.scroll);
    visible.origin_x = params.column_x;
    const float tallest = fonts.metrics[FontRole::Headline].size * 2.0f;
    const float top = view.y - visible.origin_y;
    const float bottom = top + view.height;
    visible.first = std::min(layout.first_visible_run(top, tallest), layout.runs.size());
    visible.end = visible.first;
    while (visible.end < layout.runs.size() && layout.runs[visible.end].baseline - tallest <= bottom) ++visible.end;
    return visible;
}


}  // namespace

void draw_figures(ImDrawList* draw_list, const layout::ArticleLayout& layout, const Theme& theme,
                  const ArticleViewParams& params, float origin_x, float origin_y, float top, float bottom) {
    const auto first = std::lower_bound(layout.figures.begin(), layout.figures.end(), top,
                                        [](const layout::PlacedFigure& f, float y) { return f.y + f.height < y; });
    for (auto f = first; f != layout.figures.end() && f->y <= bottom; ++f) {
        const size_t index = static_cast<size_t>(f - layout.figures.begin());
        const FigureShow show = index < params.figures.size() ? params.figures[index] : FigureShow{};
        // The letterbox band across the column: the picture is whole inside it, never cropped.
        const ImVec2 band_min(origin_x, origin_y + f->y), band_max(origin_x + layout.width, origin_y + f->y + f->band_height);
        draw_list->AddRectFilled(band_min, band_max, pack(theme.rule, 0.14f));
        const ImVec2 min(origin_x + f->x, origin_y + f->y), max(origin_x + f->x + f->width, origin_y + f->y + f->height);
        if (show.texture != 0) {
            draw_list->AddImage(reinterpret_cast<ImTextureID>(show.texture), min, max);
        } else if (show.broken) {
            // Calm: a frame where the picture would be; its caption and credit stay under it.
            const float inset = std::max(1.0f, std::round(f->height * 0.02f));
            draw_list->AddRect(ImVec2(min.x + inset, min.y + inset), ImVec2(max.x - inset, max.y - inset),
                               pack(theme.rule, 0.6f), 0.0f, 0, std::max(1.0f, std::round(f->height * 0.004f)));
        }
    }
}

float max_scroll(const layout::ArticleLayout& layout, float viewport_height, float padding_top, float padding_bottom) {
    return std::max(0.0f, padding_top + layout.height + padding_bottom - viewport_height);
}

ArticleDrawStats draw_article(ImDrawList* draw_list, const layout::ArticleLayout& layout, const Fonts& fonts,
                              const Theme& theme, const ArticleViewParams& params) {
    ArticleDrawStats stats;
    const Rect& view = params.viewport;
    draw_list->PushClipRect(ImVec2(view.x, view.y), ImVec2(view.x + view.width, view.y + view.height), true);
    const VisibleRuns visible = visible_runs(layout, fonts, params);
    const float origin_x = visible.origin_x, origin_y = visible.origin_y;
    const float top = view.y - origin_y;
    draw_figures(draw_list, layout, theme, params, origin_x, origin_y, top, top + view.height);
    for (size_t i = visible.first; i < visible.end; ++i) {
        const layout::PlacedRun& run = layout.runs[i];
        draw_run(draw_list, run, origin_x + run.x, origin_y + run.baseline - run.raise, colour_of(run.role, theme), fonts,
                 params.atlas, params.atlas_texture);
        ++stats.runs_drawn;
    }
    const float rule_thickness = std::max(1.0f, std::round(fonts.metrics[FontRole::Body].size / 24.0f));
    // Rules are in reading order: start at the first one near the top, so a frame's cost does not
    // grow with the article's length.
    const auto first_rule = std::lower_bound(layout.rules.begin(), layout.rules.end(), top - 4.0f,
                                             [](const layout::PlacedRule& rule, float y) { return rule.y < y; });
    for (auto rule = first_rule; rule != layout.rules.end(); ++rule) {
        const float y = origin_y + rule->y;
        if (y > view.y + view.height + 4) break;
        draw_list->AddRectFilled(ImVec2(origin_x + rule->x, y), ImVec2(origin_x + rule->x + rule->width, y + rule_thickness),
                                 pack(theme.rule));
    }
    draw_list->PopClipRect();

    // Position indicator: a thin track at the right edge with a thumb as long as the visible part.
    const float content = params.padding_top + layout.height;
    if (content > view.height && params.indicator_width > 0.0f) {
        const float track_x = params.indicator_at_left ? view.x + params.indicator_width
                                                       : view.x + view.width - params.indicator_width * 2.0f;
        const float track_top = view.y + params.indicator_width;
        const float track_height = view.height - params.indicator_width * 2.0f;
        const float visible = std::clamp(view.height / (content + params.padding_bottom), 0.05f, 1.0f);
        const float limit = std::max(1.0f, max_scroll(layout, view.height, params.padding_top, params.padding_bottom));
        const float progress = std::clamp(params.scroll / limit, 0.0f, 1.0f);
        const float thumb_height = std::round(track_height * visible);
        const float thumb_y = std::round(track_top + (track_height - thumb_height) * progress);
        const float radius = params.indicator_width * 0.5f;
        draw_list->AddRectFilled(ImVec2(track_x, track_top), ImVec2(track_x + params.indicator_width, track_top + track_height),
                                 pack(theme.rule, 0.35f), radius);
        draw_list->AddRectFilled(ImVec2(track_x, thumb_y), ImVec2(track_x + params.indicator_width, thumb_y + thumb_height),
                                 pack(theme.indicator, 0.9f), radius);
    }
    return stats;
}

}  // namespace kiosk::views
