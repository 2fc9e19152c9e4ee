#include "views/operator_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "views/visitor_controls.h"

namespace kiosk::views {

using layout::FontRole;

namespace {

constexpr const char* kPinTitle = "Operator PIN";
constexpr const char* kBack = "Back";
constexpr const char* kEnter = "OK";
constexpr const char* kCancel = "Cancel";
constexpr const char* kFactsTitle = "Operator";
constexpr const char* kReload = "Reload content";
constexpr const char* kExit = "Exit kiosk";
constexpr const char* kClose = "Close";
constexpr const char* kFaultsHeading = "Faults seen";
constexpr const char* kNoFaults = "none";

ImVec2 tl(const layout::Box& r) { return ImVec2(r.x, r.y); }
ImVec2 br(const layout::Box& r) { return ImVec2(r.x + r.width, r.y + r.height); }

// The overlay is for technicians and reads left to right whatever the bundle's language (a
// Persian title in its facts is still shaped and joined by the engine).
TextPainter left_to_right(const TextPainter& painter) {
    TextPainter ltr = painter;
    ltr.setting.language = "en";
    return ltr;
}

void centred(ImDrawList* dl, const TextPainter& painter, const layout::Box& box, uint32_t colour, const std::string& text) {
    painter.draw_in_box(dl, text, FontRole::Ui, box, layout::Align::Centre, colour);
}

// `text` with its line's top at y (where ImGui would put it), from x.
void text_at(ImDrawList* dl, const TextPainter& painter, float x, float y, uint32_t colour, const std::string& text) {
    const std::vector<layout::LineOfRuns>& lines = painter.lines(text, FontRole::Ui, layout::kOneLine);
    if (lines.empty() || !painter.fonts) return;
    painter.draw_line(dl, lines.front(), std::round(x), std::round(y + painter.fonts->metrics[FontRole::Ui].ascent), colour);
}

void key(ImDrawList* dl, const TextPainter& painter, const Theme& theme, const layout::Box& box, const std::string& label,
         bool pressed, float line) {
    const float rounding = box.height * 0.18f;
    if (pressed) dl->AddRectFilled(tl(box), br(box), pack(theme.text, 0.2f), rounding);
    dl->AddRect(tl(box), br(box), pack(theme.rule), rounding, 0, line);
    centred(dl, painter, box, pack(theme.text), label);
}

// Cuts `text` to fit `width` with an ellipsis ("..." : ASCII, which the atlas always has).
std::string fit(ImFont* font, const std::string& text, float width) {
    if (!font || font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, text.c_str()).x <= width) return text;
    std::string cut = text;
    while (!cut.empty() && font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, (cut + "...").c_str()).x > width) {
        cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();  // whole characters
        if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();
    }
    return cut + "...";
}

// `text` broken at spaces (inside a word only when one word is wider than the line) into at most
// `max_lines` lines, the first `first_width` wide and the rest `width`; the last one ends in an
// ellipsis when text is left over.
std::vector<std::string> wrap(ImFont* font, const std::string& text, float first_width, float width, int max_lines) {
    std::vector<std::string> lines;
    if (!font) return {text};
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    while (begin < end && static_cast<int>(lines.size()) < max_lines) {
        const float line_width = lines.empty() ? first_width : width;
        if (static_cast<int>(lines.size()) == max_lines - 1) {
            lines.push_back(fit(font, std::string(begin, end), line_width));
            break;
        }
        const char* brk = font->CalcWordWrapPositionA(1.0f, begin, end, line_width);
        if (brk <= begin) brk = begin + 1;
        while (brk < end && (static_cast<unsigned char>(*brk) & 0xC0) == 0x80) ++brk;  // never inside a character
        lines.emplace_back(begin, brk);
        begin = brk;
        while (begin < end && *begin == ' ') ++begin;
    }
    return lines;
}

}  // namespace

std::string operator_view_text() {
    std::string text;
    for (char c = 32; c < 127; ++c) text += c;
    return text;
}

PinPadLayout pin_pad_layout(const layout::Panel& panel, float width, float height, float min_target) {
    PinPadLayout out;
    const float ui = panel.role_sizes[static_cast<int>(FontRole::Ui)];
    const float gap = std::max(std::round(panel.mm * 1.5f), std::round(ui * 0.4f));
    const float line_h = std::round(ui * 1.8f);
    // Keys: as large as fit, within reason; never under the target size.
    const float for_height = (height - 2.0f * panel.margin - 3.0f * line_h - 5.0f * gap) / 5.0f;
    const float for_width = (std::min(width, height * 1.2f) - 2.0f * panel.margin - 2.0f * gap) / 3.0f;
    const float side = std::max(min_target, std::round(std::min({for_height, for_width, min_target * 2.2f})));
    const float pad_w = 3.0f * side + 2.0f * gap;
    const float total_h = 3.0f * line_h + 5.0f * side + 5.0f * gap;
    const float x0 = std::round((width - pad_w) * 0.5f);
    float y = std::round(std::max(0.0f, (height - total_h) * 0.5f));
    out.title = {x0, y, pad_w, line_h};
    y += line_h;
    out.dots = {x0, y, pad_w, line_h};
    y += line_h;
    out.message = {std::round(width * 0.05f), y, std::round(width * 0.9f), line_h};
    y += line_h + gap;
    for (int i = 0; i < 12; ++i)
        out.keys[i] = {x0 + (i % 3) * (side + gap), y + (i / 3) * (side + gap), side, side};
    out.cancel = {x0, y + 4.0f * (side + gap), pad_w, side};
    return out;
}

void draw_pin_pad(ImDrawList* dl, const TextPainter& bundle_painter, const Theme& theme, const PinPadLayout& layout,
                  const PinPadState& state, float width, float height) {
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(width, height), pack(theme.background));
    const TextPainter ui = left_to_right(bundle_painter);
    const float line = std::max(1.0f, std::round(layout.keys[0].height / 40.0f));
    centred(dl, ui, layout.title, pack(theme.text_muted), kPinTitle);
    const float dot = std::max(3.0f, std::round(layout.dots.height * 0.14f));
    const float pitch = dot * 3.5f;
    const float start = layout.dots.x + layout.dots.width * 0.5f - pitch * (state.digits - 1) * 0.5f;
    for (int i = 0; i < state.digits; ++i)
        dl->AddCircleFilled(ImVec2(start + pitch * i, layout.dots.y + layout.dots.height * 0.5f), dot, pack(theme.text), 16);
    centred(dl, ui, layout.message, pack(theme.accent), state.message);
    for (int i = 0; i < 12; ++i) {
        const int k = kPinKeys[i];
        const std::string label = k == kPinBack ? kBack : k == kPinEnter ? kEnter : std::to_string(k);
        key(dl, ui, theme, layout.keys[i], label, state.pressed == i, line);
    }
    key(dl, ui, theme, layout.cancel, kCancel, state.pressed == 12, line);
}

FactsLayout facts_layout(const layout::Panel& panel, float width, float height, float min_target) {
    FactsLayout out;
    const float ui = panel.role_sizes[static_cast<int>(FontRole::Ui)];
    const float button_h = std::max(min_target, std::round(ui * 2.4f));
    const float gap = std::round(std::max(panel.mm * 2.0f, ui * 0.6f));
    const float left = panel.margin, inner = width - 2.0f * panel.margin;
    const float button_w = std::round((inner - 2.0f * gap) / 3.0f);
    const float buttons_y = height - panel.margin - button_h;
    out.text = {left, panel.margin, inner, buttons_y - gap - panel.margin};
    out.reload = {left, buttons_y, button_w, button_h};
    out.exit = {left + button_w + gap, buttons_y, button_w, button_h};
    out.close = {left + 2.0f * (button_w + gap), buttons_y, button_w, button_h};
    return out;
}

void draw_facts(ImDrawList* dl, const TextPainter& bundle_painter, const Theme& theme, const FactsLayout& layout,
                const OperatorFacts& facts, float width, float height) {
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(width, height), pack(theme.background));
    if (!bundle_painter.fonts) return;
    const TextPainter painter = left_to_right(bundle_painter);
    ImFont* ui = (*painter.fonts)[FontRole::Ui];  // measures for fitting and wrapping (ASCII, as drawn)
    if (!ui) return;
    const float line_h = std::round(ui->FontSize * 1.4f);
    const layout::Box& area = layout.text;
    float label_w = 0.0f;
    for (const auto& [label, value] : facts.lines)
        label_w = std::max(label_w, ui->CalcTextSizeA(ui->FontSize, 1e9f, 0.0f, label.c_str()).x);
    label_w += ui->FontSize;
    const float value_w = std::max(0.0f, area.width - label_w);
    float y = area.y;
    text_at(dl, painter, area.x, y, pack(theme.accent), kFactsTitle);
    y += line_h * 1.3f;
    dl->PushClipRect(tl(area), br(area), true);
    for (const auto& [label, value] : facts.lines) {
        text_at(dl, painter, area.x, y, pack(theme.text_muted), label.c_str());
        text_at(dl, painter, area.x + label_w, y, pack(theme.text), fit(ui, value, value_w));
        y += line_h;
    }
    y += line_h * 0.4f;
    const std::string heading = std::string(kFaultsHeading) + " (" + std::to_string(facts.faults.size()) + ")";
    text_at(dl, painter, area.x, y, pack(theme.text_muted), heading.c_str());
    y += line_h;
    if (facts.faults.empty()) text_at(dl, painter, area.x, y, pack(theme.text), kNoFaults);
    // The newest faults that fit, oldest of them first, each on up to three lines (the message is
    // the part worth reading, and it comes last).
    int room = std::max(0, static_cast<int>((area.y + area.height - y) / line_h));
    std::vector<std::vector<std::string>> shown;
    for (size_t i = facts.faults.size(); i-- > 0 && room > 0;) {
        std::vector<std::string> lines =
            wrap(ui, facts.faults[i], area.width, area.width - ui->FontSize, std::min(3, room));
        room -= static_cast<int>(lines.size());
        shown.push_back(std::move(lines));
    }
    for (auto fault = shown.rbegin(); fault != shown.rend(); ++fault) {
        for (size_t l = 0; l < fault->size(); ++l) {
            const float indent = l == 0 ? 0.0f : ui->FontSize;
            text_at(dl, painter, area.x + indent, y, pack(theme.text), (*fault)[l].c_str());
            y += line_h;
        }
    }
    dl->PopClipRect();
    const float line = std::max(1.0f, std::round(layout.exit.height / 40.0f));
    key(dl, painter, theme, layout.reload, kReload, facts.pressed == 0, line);
    key(dl, painter, theme, layout.exit, kExit, facts.pressed == 1, line);
    key(dl, painter, theme, layout.close, kClose, facts.pressed == 2, line);
}

}  // namespace kiosk::views
