// A TrueType face read with stb_truetype: which code points it covers and how wide they are at a
// pixel size. Layout measures with this; ImGui rasterises the same faces for drawing, with the
// same stb_truetype scale, so the widths agree. Does NOT rasterise or own the font bytes.
#pragma once
#include <cstdint>
#include <memory>
#include <set>
#include <string_view>
#include <vector>

namespace kiosk::text {

struct VerticalMetrics {
    float ascent = 0.0f;               // pixels above the baseline
    float descent = 0.0f;              // pixels below the baseline (positive)
    float line_gap = 0.0f;
};

class FontFace {
public:
    // `bytes` must outlive the face (embedded fonts live for the whole run).
    static std::unique_ptr<FontFace> from_bytes(std::string_view bytes);
    ~FontFace();

    bool covers(uint32_t codepoint) const;
    // The face's glyph for `codepoint` by its cmap; 0 (.notdef) when it has none. The same id
    // HarfBuzz finds for it in the same bytes (ShapingFace::glyph_for).
    uint32_t glyph_index(uint32_t codepoint) const;
    // Advance width in pixels at a font size of `pixel_size` (ImGui's SizePixels).
    float advance(uint32_t codepoint, float pixel_size) const;
    VerticalMetrics vertical_metrics(float pixel_size) const;
    // Pixels per em at ImGui's `pixel_size` (which spans ascent to descent, not the em): the size
    // the text engine (line_layout.h) sets this face at to match ImGui's text.
    float em_pixels(float pixel_size) const;

    // Rasterising by glyph index (the ids HarfBuzz returns for the same bytes), at `em_size`
    // pixels per em. The box is in pixels from the pen position on the baseline, y down; empty
    // (x0 == x1) for a glyph with no outline, such as the space.
    struct GlyphBox {
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    };
    GlyphBox glyph_box(uint32_t glyph, float em_size) const;
    // Writes the glyph's coverage (0–255) into `out`, a box.x1-box.x0 by box.y1-box.y0 area whose
    // rows are `stride` bytes apart.
    void rasterise_glyph(uint32_t glyph, float em_size, unsigned char* out, int stride) const;

private:
    FontFace() = default;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Code points in `wanted` that none of `faces` covers (spaces and controls are never missing).
std::vector<uint32_t> missing_codepoints(const std::set<uint32_t>& wanted, const std::vector<const FontFace*>& faces);

// ImGui-style glyph ranges (pairs of first,last; 0-terminated) that hold exactly `codepoints`,
// merging neighbours. Code points above 0xFFFF are left out: Debian's ImGui uses 16-bit ImWchar.
std::vector<uint16_t> glyph_ranges(const std::set<uint32_t>& codepoints);

}  // namespace kiosk::text
