// Draws the memorial view into an ImGui draw list: the running number beside the words that
// qualify it, the bundle's words around it, and the field of marks, one per person, lit up to the
// counter's value. The field is one texture built once per layout (build_mark_field); each frame
// draws at most four textured quads of it, whatever the figure. Does NOT count (app/counter.h),
// lay out (layout/memorial_layout.h) or upload textures (the platform does).
#pragma once
#include <cstdint>
#include <string>

#include "layout/memorial_layout.h"
#include "views/fonts.h"
#include "views/text_painter.h"
#include "views/rgba_image.h"
#include "views/theme.h"

struct ImDrawList;

namespace kiosk::views {

// Every mark of `grid` in white, its alpha the mark's coverage (round when a mark is 4 px or more,
// square below), drawn at the grid's own pixel size. Cells after `grid.count` stay transparent.
RgbaImage build_mark_field(const layout::MarkGrid& grid);

struct MemorialViewParams {
    int64_t value = 0;                 // the counter's value this frame (0 to the figure)
    uintptr_t field_texture = 0;       // the uploaded build_mark_field image; 0: the field is not drawn
    float lit_alpha = 0.92f;           // marks already counted
    float unlit_alpha = 0.2f;          // marks still to come: the field's whole extent shows from the start
};

struct MemorialDrawStats {
    int field_quads = 0;               // textured quads drawn for the field (at most 4)
};

// The painter's language gives the figure's separator and, right to left, a field filled from the right.
MemorialDrawStats draw_memorial(ImDrawList* draw_list, const layout::MemorialLayout& layout, const TextPainter& painter,
                                const Theme& theme, const MemorialViewParams& params);

}  // namespace kiosk::views
