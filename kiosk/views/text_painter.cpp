#include "views/text_painter.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "content/labels.h"

namespace kiosk::views {

namespace {

// The nearest whole pixel, inline: std::round is a library call, and this runs for every glyph
// on screen every frame.
float whole_pixel(float value) {
    const float truncated = static_cast<float>(static_cast<int>(value));
    const float rest = value - truncated;
    return rest >= 0.5f ? truncated + 1.0f : rest <= -0.5f ? truncated - 1.0f : truncated;
}

// The engine's glyphs of one run as textured quads, each on whole pixels.
void draw_glyphs(ImDrawList* draw_list, const layout::PlacedRun& run, float x, float baseline, uint32_t colour,
                 text::GlyphAtlas& atlas, uintptr_t texture) {
    draw_list->PushTextureID(reinterpret_cast<ImTextureID>(texture));
    // Room for every glyph at once; what spaces (no ink) and missing glyphs leave is given back.
    const int reserved = static_cast<int>(run.glyphs.size());
    draw_list->PrimReserve(6 * reserved, 4 * reserved);
    int drawn = 0;
    const int em_key = text::GlyphAtlas::em_size_key(run.em_size);
    // When placing a glyph makes the atlas taller, these go stale: the app draws the frame again.
    const float u = 1.0f / static_cast<float>(atlas.width()), v = 1.0f / static_cast<float>(atlas.height());
    for (const layout::RunGlyph& glyph : run.glyphs) {
        const std::optional<text::AtlasGlyph> slot = atlas.glyph({glyph.face, glyph.glyph, em_key});
        if (!slot || slot->width == 0) continue;
        const float left = whole_pixel(x + glyph.x) + static_cast<float>(slot->left);
        const float top = whole_pixel(baseline + glyph.y) + static_cast<float>(slot->top);
        draw_list->PrimRectUV(ImVec2(left, top), ImVec2(left + slot->width, top + slot->height),
                              ImVec2(slot->x * u, slot->y * v), ImVec2((slot->x + slot->width) * u, (slot->y + slot->height) * v),
                              colour);
        ++drawn;
    }
    draw_list->PrimUnreserve(6 * (reserved - drawn), 4 * (reserved - drawn));
    draw_list->PopTextureID();
}

}  // namespace

void draw_run(ImDrawList* draw_list, const layout::PlacedRun& run, float x, float baseline, uint32_t colour,
              const Fonts& fonts, text::GlyphAtlas* atlas, uintptr_t texture) {
    if (atlas != nullptr && texture != 0 && !run.glyphs.empty()) {
        draw_glyphs(draw_list, run, x, baseline, colour, *atlas, texture);
        return;
    }
    ImFont* font = fonts[run.role];
    if (!font || run.text.empty()) return;
    draw_list->AddText(font, font->FontSize, ImVec2(x, baseline - font->Ascent), colour, run.text.data(),
                       run.text.data() + run.text.size());
}

const std::vector<layout::LineOfRuns>& TextPainter::lines(const std::string& text, layout::FontRole role, float width,
                                                          bool tabular_figures) const {
    if (setting.cache && fonts)
        return setting.cache->lines(text, role, fonts->metrics, width, setting.engine, setting.language, tabular_figures);
    scratch = fonts ? layout::set_lines(text, role, fonts->metrics, width, setting, tabular_figures)
                    : std::vector<layout::LineOfRuns>{};
    return scratch;
}

float TextPainter::width_of(const std::string& text, layout::FontRole role, bool tabular_figures) const {
    float widest = 0.0f;
    for (const layout::LineOfRuns& line : lines(text, role, layout::kOneLine, tabular_figures)) widest = std::max(widest, line.width);
    return widest;
}

void TextPainter::draw_runs(ImDrawList* draw_list, const std::vector<layout::PlacedRun>& runs, float x, float baseline,
                            uint32_t colour) const {
    if (!fonts) return;
    for (const layout::PlacedRun& run : runs)
        draw_run(draw_list, run, x + run.x, baseline - run.raise, colour, *fonts, atlas, texture);
}

float TextPainter::centred_baseline(layout::FontRole role, float top, float height) const {
    if (!fonts) return top;
    const layout::FontMetrics& metrics = fonts->metrics[role];
    return std::round(top + (height - (metrics.ascent + metrics.descent)) * 0.5f + metrics.ascent);
}

namespace {
// An interface word the bundle left at its English default: set left to right even on a
// right-to-left page ("Still reading?", not "?Still reading"); --check asks the curator for it.
bool english_default(const std::string& text) {
    static const content::Labels defaults;
    for (const content::LabelKey& key : content::label_keys())
        if (defaults.*key.field == text) return true;
    return false;
}
}  // namespace

TextPainter::Placed TextPainter::draw_in_box(ImDrawList* draw_list, const std::string& text, layout::FontRole role,
                                             const layout::Box& box, layout::Align align, uint32_t colour, float inset,
                                             bool tabular_figures) const {
    Placed placed;
    // Aligned by the page's direction either way: an English word in a Persian row still starts at the right.
    TextPainter english;
    const bool left_to_right_word = rtl() && english_default(text);
    if (left_to_right_word) {
        english = *this;
        english.setting.language = "en";
    }
    const TextPainter& setter = left_to_right_word ? english : *this;
    const std::vector<layout::LineOfRuns>& set = setter.lines(text, role, layout::kOneLine, tabular_figures);
    if (set.empty()) return placed;
    const layout::LineOfRuns& line = set.front();
    placed.width = line.width;
    placed.x = std::round(layout::line_x(line.width, box.x + inset, box.width - 2.0f * inset, align, rtl()));
    draw_line(draw_list, line, placed.x, centred_baseline(role, box.y, box.height), colour);
    return placed;
}

}  // namespace kiosk::views
