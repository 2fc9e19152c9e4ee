#include "views/tab_bar.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace kiosk::views {

void draw_tab_bar(ImDrawList* draw_list, const TextPainter& painter, const Theme& theme, const TabBarParams& params) {
    // Opaque ground: the article scrolls under the bar.
    draw_list->AddRectFilled(ImVec2(0.0f, 0.0f), ImVec2(params.width, params.height), pack(theme.background));
    if (!painter.fonts || params.boxes.empty()) return;
    // The boxes may come in any order (right to left for a right-to-left language).
    float left = params.boxes.front().x, right = left;
    for (const layout::Box& box : params.boxes) {
        left = std::min(left, box.x);
        right = std::max(right, box.x + box.width);
    }
    const float hairline = std::max(1.0f, std::round(params.rule_thickness));
    draw_list->AddRectFilled(ImVec2(left, params.height - hairline), ImVec2(right, params.height), pack(theme.rule, 0.7f));
    const size_t count = std::min(params.labels.size(), params.boxes.size());
    const float size = painter.fonts->metrics[layout::FontRole::Ui].size;
    for (size_t i = 0; i < count; ++i) {
        const layout::Box& box = params.boxes[i];
        const bool active = static_cast<int>(i) == params.active;
        const TextPainter::Placed label = painter.draw_in_box(draw_list, params.labels[i], layout::FontRole::Ui, box,
                                                              layout::Align::Centre,
                                                              pack(active ? theme.text : theme.text_muted));
        if (active) {
            // The current view: a short rule under its name, resting on the bar's hairline.
            const float mark = std::max(2.0f, std::round(hairline * 2.5f));
            const float pad = std::round(size * 0.4f);
            draw_list->AddRectFilled(ImVec2(label.x - pad, params.height - mark),
                                     ImVec2(label.x + label.width + pad, params.height), pack(theme.accent));
        }
    }
}

}  // namespace kiosk::views
