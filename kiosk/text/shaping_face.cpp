#include "text/shaping_face.h"

#include <hb.h>

namespace kiosk::text {

std::unique_ptr<ShapingFace> ShapingFace::from_bytes(std::string_view bytes) {
    if (bytes.size() < 12) return nullptr;
    // READONLY: HarfBuzz reads the embedded bytes in place and never copies or frees them.
    hb_blob_t* blob = hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_READONLY,
                                     nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);             // the face keeps its own reference
    // hb_face_create never fails: bytes that are no font give an empty face with no glyphs.
    if (hb_face_get_glyph_count(face) == 0) {
        hb_face_destroy(face);
        return nullptr;
    }
    std::unique_ptr<ShapingFace> shaping(new ShapingFace());
    shaping->units_per_em_ = static_cast<int>(hb_face_get_upem(face));
    shaping->font_ = hb_font_create(face);  // scale defaults to the upem: positions in font units
    hb_face_destroy(face);
    return shaping;
}

ShapingFace::~ShapingFace() { hb_font_destroy(font_); }

uint32_t ShapingFace::glyph_for(uint32_t codepoint) const {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(font_, codepoint, &glyph) ? glyph : 0;
}

}  // namespace kiosk::text
