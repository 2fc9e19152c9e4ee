#include "layout/metrics.h"

#include <algorithm>
#include <cmath>

namespace kiosk::layout {

namespace {
// Relative sizes of each role against the body size.
constexpr std::array<float, kFontRoleCount> kRoleScale = {
    1.0f,   // Body
    1.0f,   // BodyItalic
    1.0f,   // BodyBold
    1.85f,  // Headline
    1.22f,  // Standfirst
    0.78f,  // Label
    0.86f,  // Small
    0.62f,  // Superscript
    0.82f,  // Ui
    3.4f,   // Figure
};
}  // namespace

const char* font_file_for(FontRole role) {
    switch (role) {
        case FontRole::BodyItalic:
        case FontRole::Standfirst: return "fonts/NotoSerif-Italic.ttf";
        case FontRole::BodyBold:
        case FontRole::Headline: return "fonts/NotoSerif-Bold.ttf";
        case FontRole::Label:
        case FontRole::Superscript:
        case FontRole::Ui: return "fonts/NotoSans-Regular.ttf";
        case FontRole::Body:
        case FontRole::Small:
        case FontRole::Figure:
        case FontRole::Count: break;
    }
    return "fonts/NotoSerif-Regular.ttf";
}

float role_scale(FontRole role) {
    const int index = static_cast<int>(role);
    return index >= 0 && index < kFontRoleCount ? kRoleScale[index] : 1.0f;
}

Panel panel_layout(const PanelParams& params) {
    Panel panel;
    const float width = static_cast<float>(std::max(params.width, 1));
    const float height = static_cast<float>(std::max(params.height, 1));
    const float dpi = params.dpi > 30.0f && params.dpi < 1000.0f ? params.dpi : 96.0f;
    panel.mm = dpi / 25.4f;
    const float short_side = std::min(width, height);
    panel.margin = std::round(std::max(short_side * 0.05f, 3.0f * panel.mm));

    // Size from the panel: large enough to read from a metre away, never under 20 px.
    const float from_panel = std::max(short_side / 26.0f, 20.0f);
    // Size from the measure: the column must hold about `chars_per_line` characters.
    const float usable = width - 2.0f * panel.margin;
    const float from_measure = usable / (params.chars_per_line * params.average_char_em);
    float body = std::min(from_panel, from_measure) * std::clamp(params.text_scale, 0.5f, 3.0f);
    body = std::max(std::round(body), 12.0f);
    panel.body_size = body;

    panel.column_width = std::min(usable, std::round(body * params.average_char_em * params.chars_per_line));
    panel.column_x = std::round((width - panel.column_width) * 0.5f);
    for (int role = 0; role < kFontRoleCount; ++role)
        panel.role_sizes[role] = std::round(body * kRoleScale[role]);
    // Navigation and controls: at least 9 mm high so a finger finds them.
    panel.top_bar = std::round(std::max(9.0f * panel.mm, body * 2.2f));
    panel.bottom_bar = 0.0f;
    return panel;
}

}  // namespace kiosk::layout
