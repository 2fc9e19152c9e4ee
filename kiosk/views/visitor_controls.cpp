// [helpers] text and shapes  [access] the Aa button and its panel  [idle] the card and the caption
// [language] the language switch  [close] the full-screen photograph's Close
#include "views/visitor_controls.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "layout/number_format.h"

namespace kiosk::views {

using layout::FontRole;

namespace {

// [helpers] -------------------------------------------------------------------------------------

constexpr const char* kButtonLabel = "Aa";
constexpr const char* kSmallerLabel = "A\u2013";  // Noto Sans has no U+2212 minus; the en dash stands in
constexpr const char* kLargerLabel = "A+";

float font_size(const TextPainter& painter, FontRole role) {
    return painter.fonts ? painter.fonts->metrics[role].size : 16.0f;
}

void text_centred(ImDrawList* draw_list, const TextPainter& painter, FontRole role, const layout::Box& box,
                  uint32_t colour, const std::string& text) {
    painter.draw_in_box(draw_list, text, role, box, layout::Align::Centre, colour);
}

// "Aa", "A–", "A+" are signs, not words: set left to right whatever the page's direction (in a
// right-to-left paragraph the dash would move before the A).
void sign_centred(ImDrawList* draw_list, const TextPainter& painter, const layout::Box& box, uint32_t colour,
                  const char* sign) {
    TextPainter ltr = painter;
    ltr.setting.language = "en";
    ltr.draw_in_box(draw_list, sign, FontRole::Ui, box, layout::Align::Centre, colour);
}

// At the box's start edge: the left for a left-to-right language, the right for a right-to-left one.
void text_start(ImDrawList* draw_list, const TextPainter& painter, FontRole role, const layout::Box& box, float inset,
                uint32_t colour, const std::string& text) {
    painter.draw_in_box(draw_list, text, role, box, layout::Align::Start, colour, inset);
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

// A button along the bottom edge (the language switch's, the photograph's Close) with one word
// centred in the text colour: the brightest the theme has on its dark page, so a small word
// (Persian's thin strokes too) reads from a step back. Its line and corners follow its height.
void draw_word_button(ImDrawList* draw_list, const TextPainter& painter, const Theme& theme, const layout::Box& box,
                      const std::string& word, bool pressed) {
    const float line = std::max(1.0f, std::round(box.height / 30.0f));
    draw_button(draw_list, theme, box, box.height * 0.22f, line, pressed, false);
    text_centred(draw_list, painter, FontRole::Ui, box, pack(theme.text), word);
}

// A card over a dimmed page.
void draw_card(ImDrawList* draw_list, const Theme& theme, const layout::Box& card, float width, float height, float rounding,
               float line) {
    draw_list->AddRectFilled(ImVec2(0, 0), ImVec2(width, height), pack({0, 0, 0}, 0.55f));
    draw_list->AddRectFilled(top_left(card), bottom_right(card), pack(theme.background), rounding);
    draw_list->AddRect(top_left(card), bottom_right(card), pack(theme.rule), rounding, 0, line);
}

}  // namespace

// Every word of `words`, space-separated.
static std::string all_words(const content::Labels& words) {
    std::string text;
    for (const content::LabelKey& key : content::label_keys()) text += words.*key.field + " ";
    return text;
}

std::string visitor_controls_text(const content::Labels& words) {
    return std::string("0123456789 ") + kButtonLabel + " " + kSmallerLabel + " " + kLargerLabel + " " + all_words(words);
}


static layout::Box mirrored(const layout::Box& box, float width) { return {width - box.x - box.width, box.y, box.width, box.height}; }

// [access] --------------------------------------------------------------------------------------

AccessLayout access_layout(const layout::Panel& panel, float width, float height, float min_target, bool rtl) {
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
    if (rtl) {
        // The page mirrored: the button at the top left, the panel's rows from the right.
        for (layout::Box* box : {&out.button, &out.panel, &out.smaller, &out.larger, &out.steps, &out.contrast, &out.motion,
                                 &out.done})
            *box = mirrored(*box, width);
        out.rtl = true;
    }
    return out;
}

void draw_access_button(ImDrawList* draw_list, const TextPainter& painter, const Theme& theme, const AccessLayout& layout,
                        const AccessState& state) {
    const float line = std::max(1.0f, std::round(layout.button.height / 30.0f));
    draw_button(draw_list, theme, layout.button, layout.button.height * 0.22f, line, state.pressed == 0, state.open);
    sign_centred(draw_list, painter, layout.button, pack(theme.text), kButtonLabel);
}

void draw_access_panel(ImDrawList* draw_list, const TextPainter& painter, const content::Labels& words, const Theme& theme,
                       const AccessLayout& layout, const AccessState& state, float width, float height) {
    const float row = layout.row_height;
    const float rounding = row * 0.22f;
    const float line = std::max(1.0f, std::round(row / 30.0f));
    draw_card(draw_list, theme, layout.panel, width, height, rounding, line);
    const FontRole ui = FontRole::Ui;
    const uint32_t text = pack(theme.text);
    const bool rtl = layout.rtl;

    // Text size: label, one dot a step (the current one filled), − and +; mirrored right to left.
    const float steps_end = layout.steps.x + layout.steps.width, contrast_end = layout.contrast.x + layout.contrast.width;
    const layout::Box size_row = rtl ? layout::Box{steps_end, layout.steps.y, contrast_end - steps_end, row}
                                     : layout::Box{layout.contrast.x, layout.steps.y, layout.steps.x - layout.contrast.x, row};
    text_start(draw_list, painter, ui, size_row, 0.0f, text, words.text_size);
    const int steps = std::max(1, state.text_steps);
    const float dot = std::max(2.0f, std::round(font_size(painter, FontRole::Ui) * 0.18f));
    const float pitch = layout.steps.width / static_cast<float>(steps);
    for (int i = 0; i < steps; ++i) {
        const int place = rtl ? steps - 1 - i : i;  // the steps grow in reading order
        const ImVec2 c(layout.steps.x + pitch * (place + 0.5f), layout.steps.y + row * 0.5f);
        if (i <= state.text_step) draw_list->AddCircleFilled(c, dot, pack(theme.accent), 12);
        else draw_list->AddCircle(c, dot, pack(theme.rule), 12, line);
    }
    const bool at_smallest = state.text_step <= 0, at_largest = state.text_step >= steps - 1;
    draw_button(draw_list, theme, layout.smaller, rounding, line, state.pressed == 1 && !at_smallest, false);
    sign_centred(draw_list, painter, layout.smaller, pack(at_smallest ? theme.rule : theme.text), kSmallerLabel);
    draw_button(draw_list, theme, layout.larger, rounding, line, state.pressed == 2 && !at_largest, false);
    sign_centred(draw_list, painter, layout.larger, pack(at_largest ? theme.rule : theme.text), kLargerLabel);

    // Switches: the knob's side and the fill both say on or off (not colour alone).
    // Right to left, the switch is at the row's left end and "on" is its left side.
    const auto toggle_row = [&](const layout::Box& r, const std::string& label, bool on, bool pressed) {
        if (pressed) draw_list->AddRectFilled(top_left(r), bottom_right(r), pack(theme.text, 0.12f), rounding);
        text_start(draw_list, painter, ui, r, 0.0f, text, label);
        const float h = std::round(row * 0.5f), w = std::round(h * 1.9f);
        const layout::Box pill{rtl ? r.x : r.x + r.width - w, r.y + (row - h) * 0.5f, w, h};
        if (on) draw_list->AddRectFilled(top_left(pill), bottom_right(pill), pack(theme.accent), h * 0.5f);
        else draw_list->AddRect(top_left(pill), bottom_right(pill), pack(theme.rule), h * 0.5f, 0, line * 1.5f);
        const float knob = h * 0.5f - std::max(2.0f, line * 2.0f);
        const bool knob_right = on != rtl;
        const ImVec2 c(knob_right ? pill.x + pill.width - h * 0.5f : pill.x + h * 0.5f, pill.y + h * 0.5f);
        draw_list->AddCircleFilled(c, knob, on ? pack(theme.background) : pack(theme.text_muted), 20);
    };
    toggle_row(layout.contrast, words.high_contrast, state.high_contrast, state.pressed == 3);
    toggle_row(layout.motion, words.less_motion, state.reduced_motion, state.pressed == 4);

    draw_button(draw_list, theme, layout.done, rounding, line, state.pressed == 5, false);
    text_centred(draw_list, painter, ui, layout.done, text, words.done);
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

void draw_idle_card(ImDrawList* draw_list, const TextPainter& painter, const content::Labels& words, const Theme& theme,
                    const IdleCardLayout& layout, const IdleCardState& state, float width, float height) {
    const float body = font_size(painter, FontRole::Body);
    const float rounding = body * 0.6f;
    const float line = std::max(1.0f, std::round(body / 22.0f));
    draw_card(draw_list, theme, layout.card, width, height, rounding, line);
    const FontRole title = FontRole::Standfirst, ui = FontRole::Ui;
    const float pad = std::round(body * 1.1f);
    float y = layout.card.y + pad;
    const layout::Box title_row{layout.card.x, y, layout.card.width, font_size(painter, FontRole::Standfirst) * 1.3f};
    text_centred(draw_list, painter, title, title_row, pack(theme.text), words.still_reading);
    y += title_row.height + std::round(body * 0.7f);
    const float ui_line = font_size(painter, FontRole::Ui) * 1.35f;
    text_centred(draw_list, painter, ui, {layout.card.x, y, layout.card.width, ui_line}, pack(theme.text),
                 words.touch_to_continue);
    text_centred(draw_list, painter, ui, {layout.card.x, y + ui_line, layout.card.width, ui_line}, pack(theme.text_muted),
                 words.returns_to_start);

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
    const std::string number = layout::format_count(std::max(0, state.seconds_shown), painter.setting.language);
    const layout::Box ring_box{c.x - r, c.y - r, 2.0f * r, 2.0f * r};
    text_centred(draw_list, painter, title, ring_box, pack(theme.text), number);

    draw_button(draw_list, theme, layout.keep, layout.keep.height * 0.22f, line, state.pressed, true);
    text_centred(draw_list, painter, ui, layout.keep, pack(theme.text), words.keep_reading);
}

void draw_attract_caption(ImDrawList* draw_list, const TextPainter& painter, const content::Labels& words, const Theme& theme,
                          const layout::Panel& panel, float width, float height, float alpha) {
    if (!painter.fonts || alpha <= 0.0f) return;
    const FontRole ui = FontRole::Ui;
    const float size = font_size(painter, ui);
    const ImVec2 extent(painter.width_of(words.touch_to_read, ui), size);
    const float pad_x = std::round(size * 1.2f), pad_y = std::round(size * 0.6f);
    const layout::Box pill{std::round((width - extent.x) * 0.5f - pad_x),
                           std::round(height - panel.margin - extent.y - 2.0f * pad_y), std::round(extent.x + 2.0f * pad_x),
                           std::round(extent.y + 2.0f * pad_y)};
    draw_list->AddRectFilled(top_left(pill), bottom_right(pill), pack(theme.background, 0.92f * alpha), pill.height * 0.5f);
    draw_list->AddRect(top_left(pill), bottom_right(pill), pack(theme.rule, alpha), pill.height * 0.5f, 0, hairline(panel));
    text_centred(draw_list, painter, ui, pill, pack(theme.text, alpha), words.touch_to_read);
}

// [language] ------------------------------------------------------------------------------------

LanguageSwitchLayout language_switch_layout(const LanguageSwitchParams& p) {
    LanguageSwitchLayout out;
    if (p.buttons <= 0) return out;
    const float height = std::round(
        std::max(p.min_target, std::min(std::max(15.0f * p.mm, p.ui_size * 2.2f), p.height * 0.1f)));
    const float pad = std::round(height * 0.45f);
    // Widths come in steps of half the height: a name measured a fraction of a pixel wider at
    // another language's text size leaves the button where it was.
    const float step = std::max(1.0f, std::round(height * 0.5f));
    float button_w = std::max(std::round(height * 2.4f), std::ceil((p.widest_name + 2.0f * pad) / step) * step);
    const float gap = std::round(std::max(p.mm * 2.0f, height * 0.25f));
    const float room = p.width - 2.0f * p.margin - gap * static_cast<float>(p.buttons - 1);
    button_w = std::max(p.min_target, std::min(button_w, std::floor(room / static_cast<float>(p.buttons))));
    const float row_w = button_w * static_cast<float>(p.buttons) + gap * static_cast<float>(p.buttons - 1);
    const float y = p.height - std::round(p.margin * 0.5f) - height;
    float x = std::round((p.width - row_w) * 0.5f);
    for (int i = 0; i < p.buttons; ++i, x += button_w + gap) out.buttons.push_back({x, y, button_w, height});
    return out;
}

void draw_language_switch(ImDrawList* draw_list, const TextPainter& painter, const Theme& theme,
                          const LanguageSwitchLayout& layout, const std::vector<LanguageChoice>& choices, int pressed) {
    for (size_t i = 0; i < layout.buttons.size() && i < choices.size(); ++i) {
        // Each name in its own language: "فارسی" joined right to left on an English page too.
        TextPainter own = painter;
        own.setting.language = choices[i].tag;
        draw_word_button(draw_list, own, theme, layout.buttons[i], choices[i].name, pressed == static_cast<int>(i));
    }
}

// [close] ---------------------------------------------------------------------------------------

layout::Box photo_close_layout(const PhotoCloseParams& p) {
    const float height = std::round(std::max(p.min_target, p.row_height));
    const float pad = std::round(height * 0.45f);  // the language switch's room beside a word
    const float room = std::max(p.min_target, p.width - 2.0f * p.margin);
    const float width = std::min(room, std::max(p.min_target, std::ceil(p.word_width + 2.0f * pad)));
    const layout::Box box{p.width - p.margin - width, p.height - std::round(p.margin * 0.5f) - height, width, height};
    return p.rtl ? mirrored(box, p.width) : box;
}

void draw_photo_close(ImDrawList* draw_list, const TextPainter& painter, const Theme& theme, const layout::Box& box,
                      const std::string& word, bool pressed) {
    draw_word_button(draw_list, painter, theme, box, word, pressed);  // drawn as the language switch's buttons
}

}  // namespace kiosk::views
