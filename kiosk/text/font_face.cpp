#include "text/font_face.h"

#include <stb/stb_truetype.h>

namespace kiosk::text {

struct FontFace::Impl {
    stbtt_fontinfo info{};
};

std::unique_ptr<FontFace> FontFace::from_bytes(std::string_view bytes) {
    if (bytes.size() < 12) return nullptr;
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const int offset = stbtt_GetFontOffsetForIndex(data, 0);
    if (offset < 0) return nullptr;
    std::unique_ptr<FontFace> face(new FontFace());
    face->impl_ = std::make_unique<Impl>();
    if (!stbtt_InitFont(&face->impl_->info, data, offset)) return nullptr;
    return face;
}

FontFace::~FontFace() = default;

bool FontFace::covers(uint32_t codepoint) const { return glyph_index(codepoint) != 0; }

uint32_t FontFace::glyph_index(uint32_t codepoint) const {
    return static_cast<uint32_t>(stbtt_FindGlyphIndex(&impl_->info, static_cast<int>(codepoint)));
}

float FontFace::advance(uint32_t codepoint, float pixel_size) const {
    int advance_units = 0, left_bearing = 0;
    stbtt_GetCodepointHMetrics(&impl_->info, static_cast<int>(codepoint), &advance_units, &left_bearing);
    return static_cast<float>(advance_units) * stbtt_ScaleForPixelHeight(&impl_->info, pixel_size);
}

VerticalMetrics FontFace::vertical_metrics(float pixel_size) const {
    int ascent = 0, descent = 0, line_gap = 0;
    stbtt_GetFontVMetrics(&impl_->info, &ascent, &descent, &line_gap);
    const float scale = stbtt_ScaleForPixelHeight(&impl_->info, pixel_size);
    return {ascent * scale, -descent * scale, line_gap * scale};
}

float FontFace::em_pixels(float pixel_size) const {
    // Both scales are pixels per font unit; the em is units_per_em font units.
    return pixel_size * stbtt_ScaleForPixelHeight(&impl_->info, 1.0f) / stbtt_ScaleForMappingEmToPixels(&impl_->info, 1.0f);
}

FontFace::GlyphBox FontFace::glyph_box(uint32_t glyph, float em_size) const {
    const float scale = stbtt_ScaleForMappingEmToPixels(&impl_->info, em_size);
    GlyphBox box;
    stbtt_GetGlyphBitmapBox(&impl_->info, static_cast<int>(glyph), scale, scale, &box.x0, &box.y0, &box.x1, &box.y1);
    if (box.x1 <= box.x0 || box.y1 <= box.y0) box = {};
    return box;
}

void FontFace::rasterise_glyph(uint32_t glyph, float em_size, unsigned char* out, int stride) const {
    const GlyphBox box = glyph_box(glyph, em_size);
    if (box.x1 == box.x0) return;
    const float scale = stbtt_ScaleForMappingEmToPixels(&impl_->info, em_size);
    stbtt_MakeGlyphBitmap(&impl_->info, out, box.x1 - box.x0, box.y1 - box.y0, stride, scale, scale, static_cast<int>(glyph));
}

std::vector<uint32_t> missing_codepoints(const std::set<uint32_t>& wanted, const std::vector<const FontFace*>& faces) {
    std::vector<uint32_t> missing;
    for (uint32_t codepoint : wanted) {
        if (codepoint <= 0x20) continue;
        bool covered = codepoint <= 0xFFFF;
        if (covered) {
            covered = false;
            for (const FontFace* face : faces)
                if (face && face->covers(codepoint)) { covered = true; break; }
        }
        if (!covered) missing.push_back(codepoint);
    }
    return missing;
}

std::vector<uint16_t> glyph_ranges(const std::set<uint32_t>& codepoints) {
    std::vector<uint16_t> ranges;
    for (uint32_t codepoint : codepoints) {
        if (codepoint == 0 || codepoint > 0xFFFF) continue;
        if (!ranges.empty() && ranges.back() + 1u == codepoint) {
            ranges.back() = static_cast<uint16_t>(codepoint);
        } else {
            ranges.push_back(static_cast<uint16_t>(codepoint));
            ranges.push_back(static_cast<uint16_t>(codepoint));
        }
    }
    ranges.push_back(0);
    return ranges;
}

}  // namespace kiosk::text
