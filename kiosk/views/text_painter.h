// Draws text set by layout (PlacedRun, LineOfRuns) into an ImGui draw list: the engine's glyphs as
// quads from the glyph atlas (rasterised into it the first time they are drawn), or, for a run the
// engine did not set or when there is no atlas texture, ImGui text in the run's role font. The
// TextPainter gives every view one way to set and draw a string: through the TextCache (shaped
// once, re-broken only when width or size change), aligned to the start or end side of the
// bundle's language or centred. Does NOT upload the atlas (the app does, and draws the frame again
// when the atlas grew while drawing it), choose words or lay out pages.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "layout/article_layout.h"
#include "layout/text_lines.h"
#include "layout/touch_targets.h"
#include "text/glyph_atlas.h"
#include "views/fonts.h"

struct ImDrawList;

namespace kiosk::views {

// One run at `x` (its left edge) on `baseline`: atlas quads when `atlas` and `texture` are given
// and the run has glyphs, else ImGui text. Glyphs missing from the atlas are rasterised into it.
void draw_run(ImDrawList* draw_list, const layout::PlacedRun& run, float x, float baseline, uint32_t colour,
              const Fonts& fonts, text::GlyphAtlas* atlas, uintptr_t texture);

struct TextPainter {
    const Fonts* fonts = nullptr;      // ImGui's fonts and their metrics (sizes, ascents)
    layout::TextSetting setting;       // engine on or off, the bundle's language, the cache
    text::GlyphAtlas* atlas = nullptr;  // the engine's glyphs; null or texture 0: ImGui text
    uintptr_t texture = 0;             // the atlas's uploaded texture

    bool rtl() const { return setting.rtl(); }
    // `text` in lines no wider than `width`: from the cache when the setting has one; valid until
    // the next call either way.
    const std::vector<layout::LineOfRuns>& lines(const std::string& text, layout::FontRole role, float width,
                                                 bool tabular_figures = false) const;
    // The width of `text` on one line.
    float width_of(const std::string& text, layout::FontRole role, bool tabular_figures = false) const;
    // One line's runs from `x` (the line's left edge) on `baseline`.
    void draw_line(ImDrawList* draw_list, const layout::LineOfRuns& line, float x, float baseline,
                   uint32_t colour) const {
        draw_runs(draw_list, line.runs, x, baseline, colour);
    }
    void draw_runs(ImDrawList* draw_list, const std::vector<layout::PlacedRun>& runs, float x, float baseline,
                   uint32_t colour) const;
    // `text` on one line in `box`, centred vertically, aligned with `inset` kept from the aligned
    // edge; returns the line's left edge and width. An interface word still at its English
    // default (content::Labels) is set left to right, whatever the page's direction.
    struct Placed {
        float x = 0.0f, width = 0.0f;
    };
    Placed draw_in_box(ImDrawList* draw_list, const std::string& text, layout::FontRole role, const layout::Box& box,
                       layout::Align align, uint32_t colour, float inset = 0.0f, bool tabular_figures = false) const;
    // The baseline that centres a line of `role` in a box `height` high from `top`.
    float centred_baseline(layout::FontRole role, float top, float height) const;

    mutable std::vector<layout::LineOfRuns> scratch;  // lines() without a cache
};

}  // namespace kiosk::views
