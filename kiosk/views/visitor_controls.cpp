// [helpers] text and shapes  [access] the Aa button and its panel  [idle] the card and the caption
#include "views/visitor_controls.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::views {

using layout::FontRole;

namespace {

// [helpers] -------------------------------------------------------------------------------------

constexpr const char* kButtonLabel = "Aa";
constexpr const char* kTextSizeLabel = "Text size";
constexpr const char* kSmallerLabel = "A\u2013";  // Noto Sans has no U+2212 minus; the en dash stands in
constexpr const char* kLargerLabel = "A+";
constexpr const char* kContrastLabel = "High contrast";
constexpr const char* kMotionLabel = "Less motion";
constexpr const char* kDoneLabel = "Done";
constexpr const char* kCardTitle = "Still reading?";
constexpr const char* kCardLine = "Touch anywhere to keep reading.";
constexpr const char* kCardNote = "Otherwise the kiosk returns to the start.";
constexpr const char* kKeepLabel = "Keep reading";
constexpr const char* kAttractCaption = "Touch the screen to read";

float font_size(const Fonts& fonts, FontRole role) {
    const ImFont* font = fonts[role];
    return font ? font->FontSize : fonts.metrics[role].size;
}

ImVec2 text_size(ImFont* font, const char* text) {
    if (!font) return ImVec2(0, 0);
    return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, text);
}

void text_at(ImDrawList* draw_list, ImFont* font, float x, float y, uint32_t colour, const char* text) {
    if (font) draw_list->AddText(font, font->FontSize, ImVec2(std::round(x), std::round(y)), colour, text);
}

void text_centred(ImDrawList* draw_list, ImFont* font, const layout::Box& box, uint32_t colour, const char* text) {
    const ImVec2 size = text_size(font, text);
    text_at(draw_list, font, box.x + (box.width - size.x) * 0.5f, box.y + (box.height - size.y) * 0.5f, colour, text);
}

void text_left(ImDrawList* draw_list, ImFont* font, const layout::Box& box, float inset, uint32_t colour, const char* text) {
    const ImVec2 size = text_size(font, text);
    text_at(draw_list, font, box.x + inset, box.y + (box.height - size.y) * 0.5f, colour, text);
}

ImVec2 top_left(const layout::Box& r) { return ImVec2(r.x, r.y); }
ImVec2 bottom_right(const layout::Box& r) { return ImVec2(r.x + r.width, r.y + r.height); }

float hairline(const layout::Panel& panel) { return std::max(1.0f, std::round(panel.mm * 0.35f)); }

// A button: an outline, filled while pressed or when `on`.
void draw_button(ImDrawList* draw_list, const Theme& theme, const layout::Box& box, float rounding, float line, bool pressed,
                 bool on) {
    draw_list->AddRectFilled(top_left(box), bottom_right(box), pack(theme.background), rounding);
    if (on) draw_list->AddRectFilled(top_left(box), bottom_right(box), pack(theme.accent, 0.22f), rounding);
    if (pressed) draw_list->AddRectFilled(top_left(box), bottom_right(box), pack(theme.text, 0.18f), rounding);
    draw_list->AddRect(top_left(box), bottom_right(box), pack(on ? theme.accent : theme.rule), rounding, 0, line);
}

// A card over a dimmed page.
void draw_card(ImDrawList* draw_list, const Theme& theme, const layout::Box& card, float width, float height, float rounding,
               float line) {
    draw_list->AddRectFilled(ImVec2(0, 0), ImVec2(width, height), pack({0, 0, 0}, 0.55f));
    draw_list->AddRectFilled(top_left(card), bottom_right(card), pack(theme.background), rounding);
    draw_list->AddRect(top_left(card), bottom_right(card), pack(theme.rule), rounding, 0, line);
}

}  // namespace

std::string visitor_controls_text() {
    std::string text = "0123456789 ";
    for (const char* s : {kButtonLabel, kTextSizeLabel, kSmallerLabel, kLargerLabel, kContrastLabel, kMotionLabel,
                          kDoneLabel, kCardTitle, kCardLine, kCardNote, kKeepLabel, kAttractCaption})
        text += std::string(s) + " ";
    return text;
}

// [access] --------------------------------------------------------------------------------------

AccessLayout access_layout(const layout::Panel& panel, float width, float height, float min_target) {
    AccessLayout out;
    const float ui = panel.role_sizes[static_cast<int>(FontRole::Ui)];
    // Inside the top bar with a little air when the bar has room; never under the target size.
    const float button_h = std::max(min_target, std::min(std::round(ui * 2.2f), panel.top_bar - 2.0f * std::round(panel.mm)));
    const float button_w = std::round(std::max(min_target, button_h * 1.2f));
    const float gap = std::max(std::round(panel.mm * 1.5f), std::round((panel.top_bar - button_h) * 0.5f));
    out.button = {width - gap - button_w, std::max(0.0f, std::round((panel.top_bar - button_h) * 0.5f)), button_w, button_h};

    const float row = std::max(min_target, std::round(ui * 2.6f));
    const float pad = std::round(row * 0.35f);
    const float spacing = std::round(row * 0.2f);
    out.row_height = row;
    const float panel_w = std::min(width - 2.0f * gap, std::round(std::max(ui * 17.0f, row * 6.5f)));
    const float panel_h = 2.0f * pad + 4.0f * row + 3.0f * spacing;
    const float panel_y = std::min(out.button.y + out.button.height + gap, std::max(0.0f, height - panel_h - gap));
    out.panel = {width - gap - panel_w, panel_y, panel_w, panel_h};

    const float inner_x = out.panel.x + pad, inner_w = panel_w - 2.0f * pad;
    float y = out.panel.y + pad;
    const float square = row;
    out.larger = {inner_x + inner_w - square, y, square, row};
    out.smaller = {out.larger.x - spacing - square, y, square, row};
    const float steps_w = std::round(row * 1.4f);
    out.steps = {out.smaller.x - spacing - steps_w, y, steps_w, row};
    y += row + spacing;
    out.contrast = {inner_x, y, inner_w, row};
    y += row + spacing;
    out.motion = {inner_x, y, inner_w, row};
    y += row + spacing;
    const float done_w = std::max(row * 2.2f, std::round(ui * 5.0f));
    out.done = {inner_x + inner_w - done_w, y, done_w, row};
    return out;
}

void draw_access_button(ImDrawList* draw_list, const Fonts& fonts, const Theme& theme, const AccessLayout& layout,
                        const AccessState& state) {
    const float line = std::max(1.0f, std::round(layout.button.height / 30.0f));
    draw_button(draw_list, theme, layout.button, layout.button.height * 0.22f, line, state.pressed == 0, state.open);
    text_centred(draw_list, fonts[FontRole::Ui], layout.button, pack(theme.text), kButtonLabel);
}

void draw_access_panel(ImDrawList* draw_list, const Fonts& fonts, const Theme& theme, const AccessLayout& layout,
                       const AccessState& state, float width, float height) {
    const float row = layout.row_height;
    const float rounding = row * 0.22f;
    const float line = std::max(1.0f, std::round(row / 30.0f));
    draw_card(draw_list, theme, layout.panel, width, height, rounding, line);
    ImFont* ui = fonts[FontRole::Ui];
    const uint32_t text = pack(theme.text);

    // Text size: label, one dot a step (the current one filled), − and +.
    const layout::Box size_row{layout.panel.x + (layout.contrast.x - layout.panel.x), layout.smaller.y,
                        layout.steps.x - layout.contrast.x, row};
    text_left(draw_list, ui, size_row, 0.0f, text, kTextSizeLabel);
    const int steps = std::max(1, state.text_steps);
    const float dot = std::max(2.0f, std::round(font_size(fonts, FontRole::Ui) * 0.18f));
    const float pitch = layout.steps.width / static_cast<float>(steps);
    for (int i = 0; i < steps; ++i) {
        const ImVec2 c(layout.steps.x + pitch * (i + 0.5f), layout.steps.y + row * 0.5f);
        if (i <= state.text_step) draw_list->AddCircleFilled(c, dot, pack(theme.accent), 12);
        else draw_list->AddCircle(c, dot, pack(theme.rule), 12, line);
    }
    const bool at_smallest = state.text_step <= 0, at_largest = state.text_step >= steps - 1;
    draw_button(draw_list, theme, layout.smaller, rounding, line, state.pressed == 1 && !at_smallest, false);
    text_centred(draw_list, ui, layout.smaller, pack(at_smallest ? theme.rule : theme.text), kSmallerLabel);
    draw_button(draw_list, theme, layout.larger, rounding, line, state.pressed == 2 && !at_largest, false);
    text_centred(draw_list, ui, layout.larger, pack(at_largest ? theme.rule : theme.text), kLargerLabel);

    // Switches: the knob's side and the fill both say on or off (not colour alone).
    const auto toggle_row = [&](const layout::Box& r, const char* label, bool on, bool pressed) {
        if (pressed) draw_list->AddRectFilled(top_left(r), bottom_right(r), pack(theme.text, 0.12f), rounding);
        text_left(draw_list, ui, r, 0.0f, text, label);
        const float h = std::round(row * 0.5f), w = std::round(h * 1.9f);
        const layout::Box pill{r.x + r.width - w, r.y + (row - h) * 0.5f, w, h};
        if (on) draw_list->AddRectFilled(top_left(pill), bottom_right(pill), pack(theme.accent), h * 0.5f);
        else draw_list->AddRect(top_left(pill), bottom_right(pill), pack(theme.rule), h * 0.5f, 0, line * 1.5f);
        const float knob = h * 0.5f - std::max(2.0f, line * 2.0f);
        const ImVec2 c(on ? pill.x + pill.width - h * 0.5f : pill.x + h * 0.5f, pill.y + h * 0.5f);
        draw_list->AddCircleFilled(c, knob, on ? pack(theme.background) : pack(theme.text_muted), 20);
    };
    toggle_row(layout.contrast, kContrastLabel, state.high_contrast, state.pressed == 3);
    toggle_row(layout.motion, kMotionLabel, state.reduced_motion, state.pressed == 4);

    draw_button(draw_list, theme, layout.done, rounding, line, state.pressed == 5, false);
    text_centred(draw_list, ui, layout.done, text, kDoneLabel);
}

// [idle] ----------------------------------------------------------------------------------------

IdleCardLayout idle_card_layout(const layout::Panel& panel, float width, float height, float min_target) {
    IdleCardLayout out;
    const float body = panel.body_size;
    const float title = panel.role_sizes[static_cast<int>(FontRole::Standfirst)];
    const float ui = panel.role_sizes[static_cast<int>(FontRole::Ui)];
    const float pad = std::round(body * 1.1f);
    const float gap = std::round(body * 0.7f);
    const float button_h = std::max(min_target, std::round(ui * 2.4f));
    const float text_block = title * 1.3f + gap + 2.0f * ui * 1.35f;
    // The ring shrinks before anything else on a short panel.
    const float room = height - 2.0f * panel.margin - 2.0f * pad - text_block - button_h - 2.0f * gap;
    const float ring = std::clamp(std::round(body * 3.4f), std::max(min_target, body * 1.6f), std::max(min_target, room));
    const float card_w = std::min(width - 2.0f * panel.margin, std::round(std::max(body * 17.0f, ui * 21.0f)));
    const float card_h = 2.0f * pad + text_block + gap + ring + gap + button_h;
    out.card = {std::round((width - card_w) * 0.5f), std::round((height - card_h) * 0.5f), card_w, card_h};
    out.ring_radius = ring * 0.5f;
    out.ring_x = out.card.x + card_w * 0.5f;
    out.ring_y = out.card.y + pad + text_block + gap + ring * 0.5f;
    const float keep_w = std::min(card_w - 2.0f * pad, std::max(min_target * 3.0f, std::round(ui * 9.0f)));
    out.keep = {std::round(out.card.x + (card_w - keep_w) * 0.5f), out.card.y + card_h - pad - button_h, keep_w, button_h};
    return out;
}

void draw_idle_card(ImDrawList* draw_list, const Fonts& fonts, const Theme& theme, const IdleCardLayout& layout,
                    const IdleCardState& state, float width, float height) {
    const float body = font_size(fonts, FontRole::Body);
    const float rounding = body * 0.6f;
    const float line = std::max(1.0f, std::round(body / 22.0f));
    draw_card(draw_list, theme, layout.card, width, height, rounding, line);
    ImFont* title = fonts[FontRole::Standfirst];
    ImFont* ui = fonts[FontRole::Ui];
    const float pad = std::round(body * 1.1f);
    float y = layout.card.y + pad;
    const layout::Box title_row{layout.card.x, y, layout.card.width, font_size(fonts, FontRole::Standfirst) * 1.3f};
    text_centred(draw_list, title, title_row, pack(theme.text), kCardTitle);
    y += title_row.height + std::round(body * 0.7f);
    const float ui_line = font_size(fonts, FontRole::Ui) * 1.35f;
    text_centred(draw_list, ui, {layout.card.x, y, layout.card.width, ui_line}, pack(theme.text), kCardLine);
    text_centred(draw_list, ui, {layout.card.x, y + ui_line, layout.card.width, ui_line}, pack(theme.text_muted), kCardNote);

    // The ring drains as the seconds pass; the number says how many are left.
    const ImVec2 c(layout.ring_x, layout.ring_y);
    const float thickness = std::max(2.0f, std::round(layout.ring_radius * 0.12f));
    const float r = layout.ring_radius - thickness * 0.5f;
    draw_list->AddCircle(c, r, pack(theme.rule, 0.6f), 64, thickness);
    const float remaining = std::clamp(state.remaining, 0.0f, 1.0f);
    if (remaining > 0.0f) {
        constexpr float kTop = -1.5707963f;
        draw_list->PathArcTo(c, r, kTop, kTop + 6.2831853f * remaining, 64);
        draw_list->PathStroke(pack(theme.accent), 0, thickness);
    }
    const std::string number = std::to_string(std::max(0, state.seconds_shown));
    const layout::Box ring_box{c.x - r, c.y - r, 2.0f * r, 2.0f * r};
    text_centred(draw_list, title, ring_box, pack(theme.text), number.c_str());

    draw_button(draw_list, theme, layout.keep, layout.keep.height * 0.22f, line, state.pressed, true);
    text_centred(draw_list, ui, layout.keep, pack(theme.text), kKeepLabel);
}

void draw_attract_caption(ImDrawList* draw_list, const Fonts& fonts, const Theme& theme, const layout::Panel& panel,
                          float width, float height, float alpha) {
    ImFont* ui = fonts[FontRole::Ui];
    if (!ui || alpha <= 0.0f) return;
    const ImVec2 size = text_size(ui, kAttractCaption);
    const float pad_x = std::round(ui->FontSize * 1.2f), pad_y = std::round(ui->FontSize * 0.6f);
    const layout::Box pill{std::round((width - size.x) * 0.5f - pad_x), std::round(height - panel.margin - size.y - 2.0f * pad_y),
                    std::round(size.x + 2.0f * pad_x), std::round(size.y + 2.0f * pad_y)};
    draw_list->AddRectFilled(top_left(pill), bottom_right(pill), pack(theme.background, 0.92f * alpha), pill.height * 0.5f);
    draw_list->AddRect(top_left(pill), bottom_right(pill), pack(theme.rule, alpha), pill.height * 0.5f, 0, hairline(panel));
    text_centred(draw_list, ui, pill, pack(theme.text, alpha), kAttractCaption);
}

}  // namespace kiosk::views
