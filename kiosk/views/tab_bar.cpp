#include "views/tab_bar.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::views {

void draw_tab_bar(ImDrawList* draw_list, const Fonts& fonts, const Theme& theme, const TabBarParams& params) {
    // Opaque ground: the article scrolls under the bar.
    draw_list->AddRectFilled(ImVec2(0.0f, 0.0f), ImVec2(params.width, params.height), pack(theme.background));
    ImFont* font = fonts[layout::FontRole::Ui];
    if (!font || params.boxes.empty()) return;
    const float left = params.boxes.front().x;
    const float right = params.boxes.back().x + params.boxes.back().width;
    const float hairline = std::max(1.0f, std::round(params.rule_thickness));
    draw_list->AddRectFilled(ImVec2(left, params.height - hairline), ImVec2(right, params.height), pack(theme.rule, 0.7f));
    const size_t count = std::min(params.labels.size(), params.boxes.size());
    for (size_t i = 0; i < count; ++i) {
        const layout::Box& box = params.boxes[i];
        const std::string& label = params.labels[i];
        const bool active = static_cast<int>(i) == params.active;
        const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, label.data(), label.data() + label.size());
        const float x = std::round(box.x + (box.width - size.x) * 0.5f);
        const float y = std::round(box.y + (box.height - size.y) * 0.5f);
        draw_list->AddText(font, font->FontSize, ImVec2(x, y), pack(active ? theme.text : theme.text_muted),
                           label.data(), label.data() + label.size());
        if (active) {
            // The current view: a short rule under its name, resting on the bar's hairline.
            const float mark = std::max(2.0f, std::round(hairline * 2.5f));
            const float pad = std::round(font->FontSize * 0.4f);
            draw_list->AddRectFilled(ImVec2(x - pad, params.height - mark), ImVec2(x + size.x + pad, params.height),
                                     pack(theme.accent));
        }
    }
}

}  // namespace kiosk::views
