// A face as HarfBuzz shapes with it, made over the same bytes stb_truetype reads (FontFace), so
// the glyph ids HarfBuzz returns are the ones stb_truetype rasterises by index. Does NOT own the
// bytes (embedded fonts live for the whole run), rasterise, or choose which face a character takes
// (itemize.h does).
#pragma once
#include <cstdint>
#include <memory>
#include <string_view>

struct hb_font_t;                      // HarfBuzz's font; only shape.cpp looks inside

namespace kiosk::text {

class ShapingFace {
public:
    // nullptr when `bytes` hold no font with glyphs. `bytes` must outlive the face.
    static std::unique_ptr<ShapingFace> from_bytes(std::string_view bytes);
    ~ShapingFace();
    ShapingFace(const ShapingFace&) = delete;
    ShapingFace& operator=(const ShapingFace&) = delete;

    // The face's glyph for `codepoint` through its cmap; 0 (.notdef) when it has none.
    uint32_t glyph_for(uint32_t codepoint) const;
    bool covers(uint32_t codepoint) const { return glyph_for(codepoint) != 0; }
    // Font units per em: HarfBuzz positions come in these units, so they scale with any size.
    int units_per_em() const { return units_per_em_; }
    hb_font_t* hb_font() const { return font_; }

private:
    ShapingFace() = default;
    hb_font_t* font_ = nullptr;
    int units_per_em_ = 1000;
};

}  // namespace kiosk::text
