// One 8-bit coverage image holding the glyphs that are drawn, each rasterised once by glyph index
// with stb_truetype, keyed by face, glyph id and size. Glyphs are added when first asked for, so it
// holds only what the screen draws; clear() drops them all when the text size changes. Does NOT
// upload textures or draw (views/ hands the pixels to the GPU and makes the quads), shape or
// choose faces.
#pragma once
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "text/font_face.h"

namespace kiosk::text {

struct GlyphKey {
    int face = 0;                      // index into the atlas's faces
    uint32_t glyph = 0;                // glyph id in that face
    int em_size_64 = 0;                // pixels per em, in 1/64 px, so that near sizes share a glyph

    bool operator==(const GlyphKey& other) const = default;
};

// Where a glyph's coverage is in the atlas and how it sits on the pen position.
struct AtlasGlyph {
    int x = 0, y = 0;                  // top-left in the atlas image, pixels
    int width = 0, height = 0;         // 0 for a glyph with no ink (a space)
    int left = 0;                      // from the pen position to the image's left edge, pixels
    int top = 0;                       // from the baseline to the image's top edge, pixels, y down
};

struct GlyphAtlasParams {
    int width = 1024;                  // pixels; glyphs go in rows (shelves) across it
    int max_height = 4096;             // the image grows downwards to this, then add() refuses
    int padding = 1;                   // empty pixels around each glyph, so sampling never bleeds
};

class GlyphAtlas {
public:
    // `faces` (not owned, outliving the atlas) are what GlyphKey::face indexes.
    GlyphAtlas(std::vector<const FontFace*> faces, GlyphAtlasParams params = {});

    static int em_size_key(float em_size) { return static_cast<int>(em_size * 64.0f + 0.5f); }

    // The glyph, rasterised and packed the first time it is asked for; nothing when the face
    // index is unknown or the atlas is full (the caller draws without it and logs once).
    std::optional<AtlasGlyph> glyph(const GlyphKey& key);
    // The glyph when it is already there; never rasterises.
    std::optional<AtlasGlyph> find(const GlyphKey& key) const;

    void clear();                      // every glyph gone, the image back to one empty shelf

    const std::vector<uint8_t>& pixels() const { return pixels_; }  // width() × height(), row by row
    int width() const { return params_.width; }
    int height() const { return height_; }
    size_t glyph_count() const { return glyphs_.size(); }
    // Grows by one whenever the pixels change: the view uploads again when it differs.
    uint64_t version() const { return version_; }

private:
    struct KeyHash {
        size_t operator()(const GlyphKey& key) const;
    };
    bool place(int width, int height, int& x, int& y);

    std::vector<const FontFace*> faces_;
    GlyphAtlasParams params_;
    std::unordered_map<GlyphKey, AtlasGlyph, KeyHash> glyphs_;
    std::vector<uint8_t> pixels_;
    int height_ = 0;
    int shelf_y_ = 0, shelf_height_ = 0, shelf_x_ = 0;  // the row being filled
    uint64_t version_ = 0;
};

}  // namespace kiosk::text
