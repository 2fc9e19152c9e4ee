#include "layout/article_text.h"

#include <algorithm>
#include <memory>

#include "core/embedded.h"
#include "layout/number_format.h"

namespace kiosk::layout {
namespace {

constexpr const char* kArabicFace = "fonts/NotoNaskhArabic-Regular.ttf";
constexpr const char* kArticleFonts[] = {"fonts/NotoSerif-Regular.ttf", "fonts/NotoSerif-Italic.ttf",
                                         "fonts/NotoSerif-Bold.ttf", "fonts/NotoSans-Regular.ttf", kArabicFace};

// A marker as the reader sees it: the source's number in the language's digits (as the sources
// list numbers it), "?" for an id that names none, and a comma between markers side by side ("1,2").
std::string marker_text(const content::Span& span, bool follows_marker, std::string_view language) {
    const std::string number = span.citation > 0 ? format_count(span.citation, language) : std::string("?");
    return follows_marker ? "," + number : number;
}

// Shapes `styled` into `out` (its text already in out.text) and finds its break opportunities.
void shape_styled(const text::StyledText& styled, std::string_view language, bool tabular_figures,
                  const ArticleFaces& faces, ShapedBlock& out) {
    text::ShapeParams params;
    params.language = std::string(language);
    params.tabular_figures = tabular_figures;
    out.shaped = text::shape_paragraph(styled, text::direction_of_language(language), faces.shaping, params);
    text::BreakOpportunities breaks = text::find_line_breaks(out.shaped.bidi.text, language);
    out.error = !out.shaped.error.ok() ? out.shaped.error : breaks.error;
    out.breaks = std::move(breaks.breaks);
}

}  // namespace

int ArticleFaces::index_of(std::string_view file) const {
    const auto found = std::find(files.begin(), files.end(), file);
    return found == files.end() ? -1 : static_cast<int>(found - files.begin());
}

const ArticleFaces& embedded_article_faces() {
    // Faces point into the embedded bytes, which live for the whole run.
    static const std::vector<std::unique_ptr<text::ShapingFace>> shaping = [] {
        std::vector<std::unique_ptr<text::ShapingFace>> made;
        for (const char* file : kArticleFonts) made.push_back(text::ShapingFace::from_bytes(core::embedded(file)));
        return made;
    }();
    static const std::vector<std::unique_ptr<text::FontFace>> raster = [] {
        std::vector<std::unique_ptr<text::FontFace>> made;
        for (const char* file : kArticleFonts) made.push_back(text::FontFace::from_bytes(core::embedded(file)));
        return made;
    }();
    static const ArticleFaces faces = [] {
        ArticleFaces table;
        for (size_t i = 0; i < shaping.size(); ++i) {
            if (!shaping[i] || !raster[i]) return ArticleFaces{};
            table.shaping.push_back(shaping[i].get());
            table.raster.push_back(raster[i].get());
            table.files.emplace_back(kArticleFonts[i]);
        }
        return table;
    }();
    return faces;
}

std::vector<int> faces_for_role(const ArticleFaces& faces, FontRole role, std::string_view language) {
    const int own = faces.index_of(font_file_for(role));
    const int arabic = faces.index_of(kArabicFace);
    std::vector<int> order;
    const bool arabic_first = text::direction_of_language(language) == text::ParagraphDirection::Rtl;
    for (int face : arabic_first ? std::vector<int>{arabic, own} : std::vector<int>{own, arabic})
        if (face >= 0 && std::find(order.begin(), order.end(), face) == order.end()) order.push_back(face);
    return order;
}

ShapedBlock shape_block(const content::Block& block, std::string_view language, const ArticleFaces& faces) {
    ShapedBlock shaped;
    if (!faces.ok()) {
        shaped.error = {text::TextErrorCode::NoFace, "an embedded font cannot be read"};
        return shaped;
    }
    const FontRole base = base_role_of(block.kind);
    shaped.base = base;
    std::string& paragraph = shaped.text;
    text::StyledText styled;
    bool previous_was_marker = false;
    for (const content::Span& span : block.spans) {
        const FontRole role = role_for(base, span);
        const bool marker = !span.citation_id.empty();
        const int citation = marker ? span.citation : 0;
        // One style per role and cited source, so each marker knows what it cites.
        int style = -1;
        for (size_t i = 0; i < shaped.style_roles.size(); ++i)
            if (shaped.style_roles[i] == role && shaped.style_citations[i] == citation) style = static_cast<int>(i);
        if (style < 0) {
            style = static_cast<int>(styled.styles.size());
            styled.styles.push_back({faces_for_role(faces, role, language), role_scale(role) / role_scale(base), 0.0f});
            shaped.style_roles.push_back(role);
            shaped.style_citations.push_back(citation);
        }
        const std::string text = marker ? marker_text(span, previous_was_marker, language) : span.text;
        styled.spans.push_back({paragraph.size(), paragraph.size() + text.size(), style});
        paragraph += text;
        previous_was_marker = marker;
    }
    if (styled.styles.empty()) {  // a block with no spans: one style, nothing to set
        styled.styles.push_back({faces_for_role(faces, base, language)});
        shaped.style_roles.push_back(base);
        shaped.style_citations.push_back(0);
    }
    styled.text = paragraph;
    shape_styled(styled, language, false, faces, shaped);
    return shaped;
}

ShapedBlock shape_plain(std::string_view text, FontRole role, std::string_view language, bool tabular_figures,
                        const ArticleFaces& faces) {
    ShapedBlock shaped;
    if (!faces.ok()) {
        shaped.error = {text::TextErrorCode::NoFace, "an embedded font cannot be read"};
        return shaped;
    }
    shaped.base = role;
    shaped.text = std::string(text);
    shaped.style_roles.push_back(role);
    shaped.style_citations.push_back(0);
    text::StyledText styled;
    styled.styles.push_back({faces_for_role(faces, role, language)});
    styled.text = shaped.text;
    shape_styled(styled, language, tabular_figures, faces, shaped);
    return shaped;
}

std::vector<LineOfRuns> engine_lines(const ShapedBlock& block, const FontSet& fonts, float width, const ArticleFaces& faces) {
    std::vector<LineOfRuns> lines;
    const text::ShapedParagraph& shaped = block.shaped;
    if (!shaped.error.ok() || block.style_roles.empty() || !faces.ok()) return lines;
    // ImGui sizes a face by its ascent to descent; the engine by the em of the block's own face.
    const int base_face = faces.index_of(font_file_for(block.base));
    if (base_face < 0) return lines;
    const float em = faces.raster[static_cast<size_t>(base_face)]->em_pixels(fonts[block.base].size);
    const text::LaidOutParagraph laid = text::lay_out_lines(shaped, block.breaks, {width, em});
    if (!laid.error.ok()) return lines;
    // The UTF-8 from the cluster starting at `first` to the end of the one starting at `last`.
    const int units = static_cast<int>(shaped.bidi.text.size());
    const auto utf8_of = [&](int first, int last) {
        int end = last + 1;
        while (end < units && shaped.cluster_start[static_cast<size_t>(end)] == 0) ++end;
        const size_t a = static_cast<size_t>(shaped.utf8_offset[static_cast<size_t>(first)]);
        const size_t b = static_cast<size_t>(shaped.utf8_offset[static_cast<size_t>(end)]);
        return block.text.substr(a, b - a);
    };
    for (const text::PositionedLine& line : laid.lines) {
        LineOfRuns out;
        PlacedRun* run = nullptr;
        int first = 0, last = 0;       // the run's logical range, for its text
        float pen = line.x;
        const auto finish = [&] {
            if (run) run->text = utf8_of(first, last);
        };
        for (const text::PositionedGlyph& glyph : line.glyphs) {
            const FontRole role = block.style_roles[static_cast<size_t>(glyph.style)];
            const int citation = block.style_citations[static_cast<size_t>(glyph.style)];
            if (!run || run->role != role || run->citation != citation) {
                finish();
                out.runs.push_back(PlacedRun{});
                run = &out.runs.back();
                run->x = pen;
                run->role = role;
                run->citation = citation;
                first = glyph.cluster;
                last = glyph.cluster;
            }
            run->glyphs.push_back({static_cast<uint16_t>(glyph.glyph), static_cast<uint8_t>(glyph.face), glyph.x - run->x, glyph.y});
            run->em_size = glyph.em_size;
            run->width += glyph.advance;
            pen += glyph.advance;
            first = std::min(first, glyph.cluster);
            last = std::max(last, glyph.cluster);
        }
        finish();
        out.width = line.width;
        lines.push_back(std::move(out));
    }
    return lines;
}

}  // namespace kiosk::layout
