// text_preview LANG WIDTH EM TEXT_FILE OUT.png: sets each paragraph (line) of TEXT_FILE with the
// text engine (kiosk/text: bidi, runs, HarfBuzz, line breaks, reordering) in a column WIDTH pixels
// wide at EM pixels per em, and writes it as a PNG, light on dark, glyphs from the glyph atlas.
// For looking at what the engine does before the views draw with it; not part of the kiosk.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/embedded.h"
#include "platform/platform.h"
#include "text/glyph_atlas.h"
#include "text/line_layout.h"
#include "text/shape.h"

using namespace kiosk;

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(stderr, "usage: text_preview LANG WIDTH EM TEXT_FILE OUT.png\n");
        return 2;
    }
    const std::string language = argv[1];
    const float width = static_cast<float>(std::atof(argv[2]));
    const float em = static_cast<float>(std::atof(argv[3]));
    std::ifstream in(argv[4], std::ios::binary);
    if (!in || width < 16.0f || em < 4.0f) {
        std::fprintf(stderr, "text_preview: cannot read %s, or WIDTH < 16 or EM < 4\n", argv[4]);
        return 2;
    }
    const std::string_view serif_bytes = core::embedded("fonts/NotoSerif-Regular.ttf");
    const std::string_view naskh_bytes = core::embedded("fonts/NotoNaskhArabic-Regular.ttf");
    const auto serif = text::ShapingFace::from_bytes(serif_bytes);
    const auto naskh = text::ShapingFace::from_bytes(naskh_bytes);
    const auto serif_raster = text::FontFace::from_bytes(serif_bytes);
    const auto naskh_raster = text::FontFace::from_bytes(naskh_bytes);
    if (!serif || !naskh || !serif_raster || !naskh_raster) {
        std::fprintf(stderr, "text_preview: the embedded fonts cannot be read\n");
        return 1;
    }
    const bool arabic_first = text::direction_of_language(language) == text::ParagraphDirection::Rtl;
    const std::vector<const text::ShapingFace*> faces =
        arabic_first ? std::vector<const text::ShapingFace*>{naskh.get(), serif.get()}
                     : std::vector<const text::ShapingFace*>{serif.get(), naskh.get()};
    // The atlas's faces in the same order as the shaping faces, so a glyph's face index serves both.
    text::GlyphAtlas atlas(arabic_first ? std::vector<const text::FontFace*>{naskh_raster.get(), serif_raster.get()}
                                        : std::vector<const text::FontFace*>{serif_raster.get(), naskh_raster.get()});

    text::ShapeParams params;
    params.language = language;
    std::vector<text::LaidOutParagraph> laid;
    for (std::string paragraph; std::getline(in, paragraph);) {
        if (paragraph.empty()) continue;
        const text::ShapedParagraph shaped =
            text::shape_paragraph(paragraph, text::direction_of_language(language), faces, params);
        const text::BreakOpportunities breaks = text::find_line_breaks(shaped.bidi.text, language);
        text::LaidOutParagraph lines = text::lay_out_lines(shaped, breaks.breaks, {width, em});
        if (!lines.error.ok() || !breaks.error.ok()) {
            std::fprintf(stderr, "text_preview: %s\n", std::string(text::text_error_name(lines.error.code)).c_str());
            return 1;
        }
        if (text::notdef_count(shaped) > 0) std::fprintf(stderr, "text_preview: %d .notdef glyphs\n", text::notdef_count(shaped));
        laid.push_back(std::move(lines));
    }
    const float leading = std::round(em * 1.7f), margin = std::round(em);
    int line_count = 0;
    for (const auto& paragraph : laid) line_count += static_cast<int>(paragraph.lines.size()) + 1;
    platform::Pixels image;
    image.width = static_cast<int>(width + 2 * margin);
    image.height = static_cast<int>(line_count * leading + margin);
    image.rgba.assign(static_cast<size_t>(image.width) * image.height * 4, 0);
    for (size_t i = 0; i < image.rgba.size(); i += 4) image.rgba[i] = 24, image.rgba[i + 1] = 26, image.rgba[i + 2] = 30, image.rgba[i + 3] = 255;
    // The column's edges, faintly, to see where the lines stand.
    for (int y = 0; y < image.height; ++y)
        for (int x : {static_cast<int>(margin) - 1, static_cast<int>(margin + width)}) image.rgba[(static_cast<size_t>(y) * image.width + x) * 4] = 90;
    float baseline = margin + std::round(em);
    for (const auto& paragraph : laid) {
        for (const auto& line : paragraph.lines) {
            for (const auto& glyph : line.glyphs) {
                const auto slot = atlas.glyph({glyph.face, glyph.glyph, text::GlyphAtlas::em_size_key(glyph.em_size)});
                if (!slot) continue;
                const int left = static_cast<int>(std::round(margin + glyph.x)) + slot->left;
                const int top = static_cast<int>(std::round(baseline + glyph.y)) + slot->top;
                for (int y = 0; y < slot->height; ++y)
                    for (int x = 0; x < slot->width; ++x) {
                        const int px = left + x, py = top + y;
                        if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
                        const int coverage = atlas.pixels()[static_cast<size_t>(slot->y + y) * atlas.width() + slot->x + x];
                        uint8_t* p = &image.rgba[(static_cast<size_t>(py) * image.width + px) * 4];
                        for (int c = 0; c < 3; ++c) p[c] = static_cast<uint8_t>(std::max<int>(p[c], coverage * 235 / 255));
                    }
            }
            baseline += leading;
        }
        baseline += leading;
    }
    std::string error;
    if (!platform::write_png(argv[5], image, &error)) {
        std::fprintf(stderr, "text_preview: %s\n", error.c_str());
        return 1;
    }
    return 0;
}
