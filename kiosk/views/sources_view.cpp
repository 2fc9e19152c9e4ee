#include "views/sources_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::views {

namespace {

void draw_codes(ImDrawList* draw_list, const layout::SourcesLayout& layout, float origin_x, float origin_y,
                const std::vector<uintptr_t>& code_textures, uintptr_t only_texture) {
    for (const layout::PlacedCode& code : layout.codes) {
        const size_t index = static_cast<size_t>(code.source - 1);
        const uintptr_t texture = only_texture != 0 ? only_texture
                                  : index < code_textures.size() ? code_textures[index]
                                                                 : 0;
        if (texture == 0) continue;
        const ImVec2 top_left(std::round(origin_x + code.x), std::round(origin_y + code.y));
        draw_list->AddImage(reinterpret_cast<ImTextureID>(texture), top_left,
                            ImVec2(top_left.x + code.side, top_left.y + code.side));
    }
}

// The card's ground: a touch lighter than the page, so it reads as lying on top of it.
Rgb card_ground(const Theme& theme) {
    constexpr float kLift = 0.06f;
    return {theme.background.r + (theme.text.r - theme.background.r) * kLift,
            theme.background.g + (theme.text.g - theme.background.g) * kLift,
            theme.background.b + (theme.text.b - theme.background.b) * kLift};
}

}  // namespace

ArticleDrawStats draw_sources(ImDrawList* draw_list, const layout::SourcesLayout& layout, const Fonts& fonts,
                              const Theme& theme, const ArticleViewParams& params,
                              const std::vector<uintptr_t>& code_textures) {
    const ArticleDrawStats stats = draw_article(draw_list, layout.text, fonts, theme, params);
    const Rect& view = params.viewport;
    draw_list->PushClipRect(ImVec2(view.x, view.y), ImVec2(view.x + view.width, view.y + view.height), true);
    draw_codes(draw_list, layout, params.column_x, std::round(view.y + params.padding_top - params.scroll), code_textures, 0);
    draw_list->PopClipRect();
    return stats;
}

void draw_citation_card(ImDrawList* draw_list, const layout::SourcesLayout& entry, const TextPainter& painter,
                        const Theme& theme, const CardViewParams& params) {
    if (!painter.fonts) return;
    const Fonts& fonts = *painter.fonts;
    const Rect& page = params.page;
    draw_list->AddRectFilled(ImVec2(page.x, page.y), ImVec2(page.x + page.width, page.y + page.height),
                             pack(theme.background, 0.82f));
    const layout::Box& card = params.geometry.card;
    const ImVec2 card_min(card.x, card.y), card_max(card.x + card.width, card.y + card.height);
    draw_list->AddRectFilled(card_min, card_max, pack(card_ground(theme)), params.corner_radius);
    draw_list->AddRect(card_min, card_max, pack(theme.rule, 0.8f), params.corner_radius, 0, params.rule_thickness);

    const layout::Box& content = params.geometry.content;
    ArticleViewParams text;
    text.viewport = {content.x, content.y, content.width, params.geometry.close.y - content.y};
    text.column_x = content.x;
    text.indicator_width = 0.0f;
    text.atlas = painter.atlas;
    text.atlas_texture = painter.texture;
    draw_article(draw_list, entry.text, fonts, theme, text);
    draw_list->PushClipRect(ImVec2(text.viewport.x, text.viewport.y),
                            ImVec2(text.viewport.x + text.viewport.width, text.viewport.y + text.viewport.height), true);
    draw_codes(draw_list, entry, content.x, content.y, {}, params.code_texture);
    draw_list->PopClipRect();

    const layout::Box& close = params.geometry.close;
    const float inset = std::round(params.corner_radius);
    draw_list->AddRectFilled(ImVec2(close.x + inset, close.y), ImVec2(close.x + close.width - inset, close.y + params.rule_thickness),
                             pack(theme.rule, 0.8f));
    painter.draw_in_box(draw_list, params.close_label, layout::FontRole::Ui, close, layout::Align::End, pack(theme.accent),
                        std::round(params.corner_radius + fonts.metrics[layout::FontRole::Ui].size));
}

}  // namespace kiosk::views
