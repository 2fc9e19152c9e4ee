#include "views/memorial_view.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "layout/article_layout.h"
#include "layout/number_format.h"

namespace kiosk::views {

using layout::MemorialPart;

RgbaImage build_mark_field(const layout::MarkGrid& grid) {
    RgbaImage image;
    if (grid.count <= 0 || grid.columns <= 0 || grid.cell <= 0) return image;
    image.width = grid.width();
    image.height = grid.height();
    image.rgba.assign(static_cast<size_t>(image.width) * image.height * 4, 0);
    for (size_t i = 0; i < image.rgba.size(); i += 4) image.rgba[i] = image.rgba[i + 1] = image.rgba[i + 2] = 255;

    // One mark's coverage, computed once and stamped into every cell.
    const int side = std::clamp(grid.mark, 1, grid.cell);
    std::vector<uint8_t> stamp(static_cast<size_t>(side) * side, 255);
    if (side >= 4) {
        constexpr int kSamples = 4;  // per axis, per pixel: a smooth edge without a blur
        const float radius = side * 0.5f;
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) {
                int inside = 0;
                for (int sy = 0; sy < kSamples; ++sy)
                    for (int sx = 0; sx < kSamples; ++sx) {
                        const float dx = x + (sx + 0.5f) / kSamples - radius;
                        const float dy = y + (sy + 0.5f) / kSamples - radius;
                        if (dx * dx + dy * dy <= radius * radius) ++inside;
                    }
                stamp[static_cast<size_t>(y) * side + x] =
                    static_cast<uint8_t>(std::lround(255.0 * inside / (kSamples * kSamples)));
            }
    }
    const int inset = (grid.cell - side) / 2;
    for (int64_t i = 0; i < grid.count; ++i) {
        const int left = static_cast<int>(i % grid.columns) * grid.cell + inset;
        const int top = static_cast<int>(i / grid.columns) * grid.cell + inset;
        for (int y = 0; y < side; ++y) {
            uint8_t* row = &image.rgba[(static_cast<size_t>(top + y) * image.width + left) * 4];
            for (int x = 0; x < side; ++x) row[x * 4 + 3] = stamp[static_cast<size_t>(y) * side + x];
        }
    }
    return image;
}

namespace {

uint32_t colour_of(MemorialPart part, const Theme& theme) {
    switch (part) {
        case MemorialPart::Dates: return pack(theme.accent);
        case MemorialPart::Attribution: return pack(theme.text_muted);
        case MemorialPart::Qualifier:
        case MemorialPart::Caption:
        case MemorialPart::Remembrance: break;
    }
    return pack(theme.text);
}

// Draws the field's cells [first, last) of rows [row_begin, row_end) from the texture, tinted.
// `mirrored`: column 0 at the right, so the marks fill each row from the right (a right-to-left page).
bool draw_cells(ImDrawList* draw_list, const layout::MarkGrid& grid, uintptr_t texture, int64_t row_begin,
                int64_t row_end, int64_t column_begin, int64_t column_end, uint32_t tint, bool mirrored) {
    if (row_end <= row_begin || column_end <= column_begin) return false;
    const float w = static_cast<float>(grid.width()), h = static_cast<float>(grid.height());
    const float x0 = static_cast<float>(column_begin * grid.cell), x1 = static_cast<float>(column_end * grid.cell);
    const float y0 = static_cast<float>(row_begin * grid.cell), y1 = static_cast<float>(row_end * grid.cell);
    const float left = mirrored ? w - x1 : x0, right = mirrored ? w - x0 : x1;
    draw_list->AddImage(reinterpret_cast<ImTextureID>(texture), ImVec2(grid.x + left, grid.y + y0),
                        ImVec2(grid.x + right, grid.y + y1), ImVec2((mirrored ? x1 : x0) / w, y0 / h),
                        ImVec2((mirrored ? x0 : x1) / w, y1 / h), tint);
    return true;
}

}  // namespace

MemorialDrawStats draw_memorial(ImDrawList* draw_list, const layout::MemorialLayout& layout, const TextPainter& painter,
                                const Theme& theme, const MemorialViewParams& params) {
    MemorialDrawStats stats;
    for (const layout::MemorialLine& line : layout.lines)
        painter.draw_runs(draw_list, line.runs, line.x, line.baseline, colour_of(line.part, theme));

    // The running number in tabular figures, right-aligned in the final figure's box: its digits
    // keep their places as it counts, and the qualifier beside it stays put.
    if (painter.fonts) {
        const layout::LineOfRuns number = layout::set_figure(layout::format_count(params.value, painter.setting.language),
                                                             layout::FontRole::Figure, painter.fonts->metrics, painter.setting);
        painter.draw_line(draw_list, number, std::round(layout.figure_right - number.width), layout.figure_baseline,
                          pack(theme.text));
    }

    const layout::MarkGrid& grid = layout.field;
    if (params.field_texture == 0 || grid.count <= 0 || grid.columns <= 0) return stats;
    // Marks are lit in reading order: whole rows above, part of one row, the rest unlit.
    const int64_t value = std::clamp<int64_t>(params.value, 0, grid.count);
    const int64_t full_rows = value / grid.columns;
    const int64_t in_row = value % grid.columns;
    const uint32_t lit = pack(theme.accent, params.lit_alpha);
    const uint32_t unlit = pack(theme.text_muted, params.unlit_alpha);
    const uintptr_t texture = params.field_texture;
    const bool mirrored = painter.rtl();
    stats.field_quads += draw_cells(draw_list, grid, texture, 0, full_rows, 0, grid.columns, lit, mirrored);
    stats.field_quads += draw_cells(draw_list, grid, texture, full_rows, full_rows + 1, 0, in_row, lit, mirrored);
    if (full_rows < grid.rows) {
        stats.field_quads +=
            draw_cells(draw_list, grid, texture, full_rows, full_rows + 1, in_row, grid.columns, unlit, mirrored);
        stats.field_quads += draw_cells(draw_list, grid, texture, full_rows + 1, grid.rows, 0, grid.columns, unlit, mirrored);
    }
    return stats;
}

}  // namespace kiosk::views
