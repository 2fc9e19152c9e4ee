// The glyph atlas: glyphs rasterised by index, packed without overlap, asked for once each.
#include <catch2/catch.hpp>

#include <set>

#include "core/embedded.h"
#include "text/glyph_atlas.h"
#include "text/shape.h"

using namespace kiosk;

namespace {

struct Faces {
    std::unique_ptr<text::FontFace> serif = text::FontFace::from_bytes(core::embedded("fonts/NotoSerif-Regular.ttf"));
    std::unique_ptr<text::FontFace> naskh = text::FontFace::from_bytes(core::embedded("fonts/NotoNaskhArabic-Regular.ttf"));
    std::unique_ptr<text::ShapingFace> serif_shaping =
        text::ShapingFace::from_bytes(core::embedded("fonts/NotoSerif-Regular.ttf"));
    std::unique_ptr<text::ShapingFace> naskh_shaping =
        text::ShapingFace::from_bytes(core::embedded("fonts/NotoNaskhArabic-Regular.ttf"));
};
constexpr int kSerif = 0, kNaskh = 1;  // in the atlas's faces

bool overlap(const text::AtlasGlyph& a, const text::AtlasGlyph& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

uint8_t coverage(const text::GlyphAtlas& atlas, int x, int y) {
    return atlas.pixels()[static_cast<size_t>(y) * atlas.width() + x];
}

}  // namespace

TEST_CASE("glyph atlas: a glyph is rasterised once, sits on the baseline and has ink", "[text][atlas]") {
    const Faces faces;
    REQUIRE(faces.serif);
    text::GlyphAtlas atlas({faces.serif.get(), faces.naskh.get()});
    const float em = 48.0f;
    const text::GlyphKey h{kSerif, faces.serif_shaping->glyph_for('H'), text::GlyphAtlas::em_size_key(em)};
    const auto first = atlas.glyph(h);
    REQUIRE(first);
    const uint64_t version = atlas.version();
    const auto again = atlas.glyph(h);
    REQUIRE(again);
    CHECK(again->x == first->x);
    CHECK(again->y == first->y);
    CHECK(atlas.version() == version);  // nothing new to upload
    CHECK(atlas.glyph_count() == 1);
    // A capital stands on the baseline and is about 0.7 em tall in Noto Serif.
    CHECK(first->top + first->height >= 0);
    CHECK(first->top + first->height <= 1);
    CHECK(first->height > 0.6f * em);
    CHECK(first->height < 0.8f * em);
    // Solid ink in its stems, nothing in the padding around it.
    int solid = 0;
    for (int y = first->y; y < first->y + first->height; ++y)
        for (int x = first->x; x < first->x + first->width; ++x) solid += coverage(atlas, x, y) > 200 ? 1 : 0;
    CHECK(solid > first->height * 4);
    for (int y = first->y - 1; y <= first->y + first->height; ++y) {
        CHECK(coverage(atlas, first->x + first->width, y) == 0);
        if (first->x > 0) CHECK(coverage(atlas, first->x - 1, y) == 0);
    }
    // A near size shares it; another size, face or glyph does not.
    CHECK(atlas.glyph({kSerif, h.glyph, text::GlyphAtlas::em_size_key(em + 0.001f)})->x == first->x);
    CHECK(atlas.glyph_count() == 1);
    atlas.glyph({kSerif, h.glyph, text::GlyphAtlas::em_size_key(em * 2)});
    atlas.glyph({kNaskh, faces.naskh_shaping->glyph_for(0x0628), h.em_size_64});
    CHECK(atlas.glyph_count() == 3);
    // The space has no ink and takes no room.
    const auto space = atlas.glyph({kSerif, faces.serif_shaping->glyph_for(' '), h.em_size_64});
    REQUIRE(space);
    CHECK(space->width == 0);
}

TEST_CASE("glyph atlas: every glyph of a Persian and an English paragraph packs without overlap", "[text][atlas]") {
    const Faces faces;
    text::GlyphAtlas atlas({faces.serif.get(), faces.naskh.get()}, {256, 4096, 1});
    const std::string persian = "\xD8\xAA\xD9\x85\xD8\xA7\xD9\x85 \xD8\xA7\xD9\x81\xD8\xB1\xD8\xA7\xD8\xAF \xD8\xA8\xD8\xB4\xD8\xB1 "
                                "\xD8\xA2\xD8\xB2\xD8\xA7\xD8\xAF \xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xA2\xDB\x8C\xD9\x86\xD8\xAF.";
    const std::string english = "All human beings are born free and equal in dignity and rights.";
    std::set<std::pair<int, uint32_t>> keys;
    std::vector<text::AtlasGlyph> placed;
    for (const auto& [utf8, direction, shaping] :
         {std::tuple{persian, text::ParagraphDirection::Rtl, std::vector<const text::ShapingFace*>{faces.naskh_shaping.get(), faces.serif_shaping.get()}},
          std::tuple{english, text::ParagraphDirection::Ltr, std::vector<const text::ShapingFace*>{faces.serif_shaping.get(), faces.naskh_shaping.get()}}}) {
        const text::ShapedParagraph shaped = text::shape_paragraph(utf8, direction, shaping, {direction == text::ParagraphDirection::Rtl ? "fa" : "en"});
        REQUIRE(shaped.error.ok());
        for (const auto& run : shaped.runs) {
            // The shaping faces' order differs per paragraph; the atlas's is fixed.
            const int face = shaping[static_cast<size_t>(run.run.face)] == faces.serif_shaping.get() ? kSerif : kNaskh;
            for (const auto& glyph : run.glyphs) {
                const auto slot = atlas.glyph({face, glyph.glyph, text::GlyphAtlas::em_size_key(30.0f)});
                REQUIRE(slot);
                if (keys.insert({face, glyph.glyph}).second && slot->width > 0) placed.push_back(*slot);
            }
        }
    }
    CHECK(atlas.glyph_count() == keys.size());  // each distinct glyph once, nothing else
    CHECK(placed.size() > 30);
    CHECK(atlas.height() > 64);                 // it grew to hold them
    for (size_t i = 0; i < placed.size(); ++i) {
        CHECK(placed[i].x >= 0);
        CHECK(placed[i].y >= 0);
        CHECK(placed[i].x + placed[i].width <= atlas.width());
        CHECK(placed[i].y + placed[i].height <= atlas.height());
        for (size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(overlap(placed[i], placed[j]));
    }
    const uint64_t version = atlas.version();
    atlas.clear();
    CHECK(atlas.glyph_count() == 0);
    CHECK(atlas.version() != version);
}

TEST_CASE("glyph atlas: a full atlas or an unknown face gives nothing, and keeps what it has", "[text][atlas]") {
    const Faces faces;
    text::GlyphAtlas atlas({faces.serif.get()}, {32, 32, 1});
    const int em = text::GlyphAtlas::em_size_key(200.0f);  // a glyph bigger than the whole atlas
    CHECK_FALSE(atlas.glyph({kSerif, faces.serif_shaping->glyph_for('W'), em}));
    CHECK(atlas.glyph_count() == 0);
    const auto small = atlas.glyph({kSerif, faces.serif_shaping->glyph_for('i'), text::GlyphAtlas::em_size_key(12.0f)});
    REQUIRE(small);
    CHECK(atlas.glyph_count() == 1);
    int refused = 0;
    for (uint32_t c = 'a'; c <= 'z'; ++c)
        refused += atlas.glyph({kSerif, faces.serif_shaping->glyph_for(c), text::GlyphAtlas::em_size_key(14.0f)}) ? 0 : 1;
    CHECK(refused > 0);                                  // 32 × 32 cannot hold the alphabet
    CHECK(atlas.glyph({kSerif, faces.serif_shaping->glyph_for('i'), text::GlyphAtlas::em_size_key(12.0f)})->x == small->x);
    CHECK_FALSE(atlas.glyph({5, 1, em}));                // no such face
    CHECK_FALSE(atlas.glyph({kSerif, 1, 0}));            // no size
}

TEST_CASE("glyph atlas: stb_truetype and HarfBuzz read the same glyph ids from the same bytes", "[text][atlas]") {
    const Faces faces;
    // Every character of the Persian and English fixtures, and the digits of both.
    int compared = 0;
    for (const auto& [stb, shaping] : {std::pair{faces.serif.get(), faces.serif_shaping.get()},
                                       std::pair{faces.naskh.get(), faces.naskh_shaping.get()}}) {
        for (uint32_t c = 0x20; c < 0x700; ++c) {
            CHECK(stb->glyph_index(c) == shaping->glyph_for(c));
            compared += shaping->glyph_for(c) != 0 ? 1 : 0;
        }
        for (uint32_t c : {0x06F4u, 0x06F6u, 0x06F7u, 0x200Cu, 0x2019u, 0x201Cu}) CHECK(stb->glyph_index(c) == shaping->glyph_for(c));
    }
    CHECK(compared > 500);  // both faces cover hundreds of them
}
