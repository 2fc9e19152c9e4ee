// Draws the navigation bar at the top of the panel: one tab a view, the current one marked by a
// short rule under its name. Quiet by design: no fills, no icons. Does NOT decide where the tabs
// are (layout::tab_boxes) or handle taps.
#pragma once
#include <string>
#include <vector>

#include "layout/touch_targets.h"
#include "views/fonts.h"
#include "views/text_painter.h"
#include "views/theme.h"

struct ImDrawList;

namespace kiosk::views {

struct TabBarParams {
    std::vector<std::string> labels;   // one per tab, in order
    std::vector<layout::Box> boxes;    // the tabs' touch targets, as many as labels (right to left for an RTL page)
    int active = 0;                    // index of the current view's tab
    float width = 1080.0f;             // the panel's width: the bar's opaque ground spans it
    float height = 80.0f;              // the bar's height
    float rule_thickness = 1.0f;       // the hairline under the bar and the current tab's mark
};

void draw_tab_bar(ImDrawList* draw_list, const TextPainter& painter, const Theme& theme, const TabBarParams& params);

}  // namespace kiosk::views
