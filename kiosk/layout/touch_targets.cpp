#include "layout/touch_targets.h"

#include <algorithm>
#include <cmath>

namespace kiosk::layout {

std::vector<Box> tab_boxes(int count, float left, float width, float height) {
    std::vector<Box> boxes;
    if (count <= 0) return boxes;
    for (int i = 0; i < count; ++i) {
        const float x0 = std::round(left + width * static_cast<float>(i) / static_cast<float>(count));
        const float x1 = std::round(left + width * static_cast<float>(i + 1) / static_cast<float>(count));
        boxes.push_back({x0, 0.0f, x1 - x0, height});
    }
    return boxes;
}

int box_at(const std::vector<Box>& boxes, float x, float y) {
    for (size_t i = 0; i < boxes.size(); ++i)
        if (boxes[i].contains(x, y)) return static_cast<int>(i);
    return -1;
}

Box citation_box(const PlacedRun& run, const FontMetrics& superscript) {
    const float top = run.baseline - run.raise - superscript.ascent;
    return {run.x, top, run.width, superscript.ascent + superscript.descent};
}

int citation_at(const ArticleLayout& layout, const FontMetrics& superscript, float x, float y, float min_side) {
    int best = 0;
    bool found = false;
    float best_distance = 0.0f;
    // Markers more than a target away in y cannot match; runs are sorted by baseline.
    const float reach = std::max(min_side, superscript.ascent + superscript.descent) + superscript.ascent;
    for (size_t i = layout.first_visible_run(y - reach, 0.0f); i < layout.runs.size(); ++i) {
        const PlacedRun& run = layout.runs[i];
        if (run.baseline > y + reach * 2.0f) break;
        if (run.role != FontRole::Superscript) continue;  // unknown markers have citation 0
        const Box glyphs = citation_box(run, superscript);
        const float cx = glyphs.x + glyphs.width * 0.5f, cy = glyphs.y + glyphs.height * 0.5f;
        const float half_w = std::max(glyphs.width, min_side) * 0.5f, half_h = std::max(glyphs.height, min_side) * 0.5f;
        const float dx = std::abs(x - cx), dy = std::abs(y - cy);
        if (dx > half_w || dy > half_h) continue;
        const float distance = dx * dx + dy * dy;
        if (!found || distance < best_distance) {
            found = true;
            best = run.citation > 0 ? run.citation : kUnknownCitation;
            best_distance = distance;
        }
    }
    return best;
}

CardLayout place_card(const Box& area, float content_width, float content_height, float padding, float min_side) {
    CardLayout card;
    const float width = std::min(area.width, content_width + 2.0f * padding);
    const float close_height = std::max(min_side, 0.0f);
    const float height = std::min(area.height, content_height + 2.0f * padding + close_height);
    card.card = {std::round(area.x + (area.width - width) * 0.5f), std::round(area.y + (area.height - height) * 0.5f),
                 std::round(width), std::round(height)};
    card.content = {card.card.x + padding, card.card.y + padding, content_width, content_height};
    // The close control spans the card's bottom edge: easy to find, impossible to miss.
    card.close = {card.card.x, card.card.y + card.card.height - close_height - padding * 0.5f, card.card.width,
                  close_height + padding * 0.5f};
    return card;
}

}  // namespace kiosk::layout
