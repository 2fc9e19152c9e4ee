#include "text/shape.h"

#include <memory>

#include <hb.h>
#include <unicode/uloc.h>

#include "text/utf8.h"

namespace kiosk::text {
namespace {

using BufferHandle = std::unique_ptr<hb_buffer_t, decltype(&hb_buffer_destroy)>;

// "fa" -> "Arab", "en" -> "Latn", by ICU's likely-subtags data.
std::string script_of_language(const std::string& language) {
    char likely[ULOC_FULLNAME_CAPACITY] = {};
    UErrorCode status = U_ZERO_ERROR;
    uloc_addLikelySubtags(language.c_str(), likely, sizeof likely, &status);
    if (U_FAILURE(status)) return "";
    char script[ULOC_SCRIPT_CAPACITY] = {};
    uloc_getScript(likely, script, sizeof script, &status);
    return U_FAILURE(status) ? "" : script;
}

std::vector<hb_feature_t> features_for(const ShapeParams& params) {
    const auto feature = [](char a, char b, char c, char d, bool on) {
        return hb_feature_t{HB_TAG(a, b, c, d), on ? 1u : 0u, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END};
    };
    return {feature('k', 'e', 'r', 'n', params.kerning), feature('l', 'i', 'g', 'a', params.ligatures),
            feature('c', 'l', 'i', 'g', params.ligatures), feature('t', 'n', 'u', 'm', params.tabular_figures)};
}

// Gotcha, Debian's Noto Naskh Arabic 2.004: its 'locl' swaps ۴ ۶ ۷ (U+06F4, U+06F6, U+06F7) for
// their Urdu shapes in every language system, Persian (FAR) and the default included; the Persian
// shapes are the cmap's own glyphs. So 'locl' is switched off on just those digits unless the
// language writes them the Urdu way, keeping the rest of Persian 'locl' (the ٬ and ٫ separators).
// Can go when the font's FAR system stops doing this (the Persian digit test then passes without it).
bool writes_urdu_digits(const std::string& language) {
    const std::string primary = language.substr(0, language.find_first_of("-_"));
    return primary == "ur" || primary == "ks" || primary == "sd";
}

void keep_persian_digit_shapes(const std::u16string& text, const TextRun& run, std::vector<hb_feature_t>& features) {
    for (int i = run.start; i < run.end; ++i) {
        const char16_t unit = text[static_cast<size_t>(i)];
        if (unit == u'\u06F4' || unit == u'\u06F6' || unit == u'\u06F7')
            features.push_back({HB_TAG('l', 'o', 'c', 'l'), 0, static_cast<unsigned>(i), static_cast<unsigned>(i + 1)});
    }
}

// The style of each UTF-16 unit, from the spans' byte ranges.
std::vector<int> styles_of_units(const StyledText& text, const std::vector<int>& utf8_offset, size_t units) {
    std::vector<int> style_of(units, 0);
    for (const StyleSpan& span : text.spans)
        for (size_t i = 0; i < units; ++i) {
            const size_t byte = static_cast<size_t>(utf8_offset[i]);
            if (byte >= span.start && byte < span.end) style_of[i] = span.style;
        }
    return style_of;
}

}  // namespace

ShapedParagraph shape_paragraph(std::string_view text, ParagraphDirection direction,
                                const std::vector<const ShapingFace*>& faces, const ShapeParams& params) {
    StyledText styled;
    styled.text = text;
    styled.styles.resize(1);
    for (size_t i = 0; i < faces.size(); ++i) styled.styles[0].faces.push_back(static_cast<int>(i));
    return shape_paragraph(styled, direction, faces, params);
}

ShapedParagraph shape_paragraph(const StyledText& text, ParagraphDirection direction,
                                const std::vector<const ShapingFace*>& faces, const ShapeParams& params) {
    ShapedParagraph shaped;
    shaped.language = params.language;
    shaped.styles = text.styles;
    shaped.bidi = resolve_bidi(utf16_from_utf8(text.text, &shaped.utf8_offset), direction);
    if (!shaped.bidi.error.ok()) {
        shaped.error = shaped.bidi.error;
        return shaped;
    }
    ItemizedParagraph items = itemize(shaped.bidi, faces, text.styles,
                                      styles_of_units(text, shaped.utf8_offset, shaped.bidi.text.size()));
    if (!items.error.ok()) {
        shaped.error = items.error;
        return shaped;
    }
    shaped.uncovered = std::move(items.uncovered);
    const std::u16string& units = shaped.bidi.text;
    shaped.advance_em.assign(units.size(), 0.0f);
    shaped.cluster_start.assign(units.size(), 0);

    const bool arabic_paragraph = script_of_language(params.language) == "Arab";
    const hb_language_t paragraph_language = hb_language_from_string(params.language.c_str(), -1);
    const std::string& arabic_tag = arabic_paragraph ? params.language : params.arabic_script_language;
    const hb_language_t arabic_language = hb_language_from_string(arabic_tag.c_str(), -1);
    const std::vector<hb_feature_t> paragraph_features = features_for(params);
    std::vector<hb_feature_t> features;
    const BufferHandle buffer(hb_buffer_create(), &hb_buffer_destroy);

    shaped.runs.reserve(items.runs.size());
    for (const TextRun& run : items.runs) {
        const ShapingFace& face = *faces[static_cast<size_t>(run.face)];
        hb_buffer_clear_contents(buffer.get());
        // The whole paragraph goes in, the run is the item: HarfBuzz sees the letters on either
        // side, so a word cut into runs by a face change still joins across the cut.
        hb_buffer_add_utf16(buffer.get(), reinterpret_cast<const uint16_t*>(units.data()), static_cast<int>(units.size()),
                            static_cast<unsigned>(run.start), run.end - run.start);
        hb_buffer_set_direction(buffer.get(), run.rtl() ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        hb_buffer_set_script(buffer.get(), static_cast<hb_script_t>(run.script));
        const bool arabic = run.script == kScriptArabic;
        hb_buffer_set_language(buffer.get(), arabic ? arabic_language : paragraph_language);
        features = paragraph_features;
        if (arabic && !writes_urdu_digits(arabic_tag)) keep_persian_digit_shapes(units, run, features);
        hb_shape(face.hb_font(), buffer.get(), features.data(), static_cast<unsigned>(features.size()));
        if (!hb_buffer_allocation_successful(buffer.get())) {
            shaped.error = {TextErrorCode::ShapingFailed, "hb_buffer allocation for a run of " +
                                                              std::to_string(run.end - run.start) + " units"};
            shaped.runs.clear();
            return shaped;
        }
        unsigned count = 0;
        const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
        const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer.get(), &count);
        ShapedRun out;
        out.run = run;
        out.units_per_em = face.units_per_em();
        const float em_per_unit = text.styles[static_cast<size_t>(run.style)].scale / static_cast<float>(out.units_per_em);
        out.glyphs.reserve(count);
        for (unsigned i = 0; i < count; ++i) {
            ShapedGlyph glyph;
            glyph.glyph = infos[i].codepoint;
            glyph.advance = positions[i].x_advance;
            glyph.x_offset = positions[i].x_offset;
            glyph.y_offset = positions[i].y_offset;
            glyph.cluster = static_cast<int>(infos[i].cluster);
            glyph.unsafe_to_break = (hb_glyph_info_get_glyph_flags(&infos[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
            out.glyphs.push_back(glyph);
            const size_t cluster = static_cast<size_t>(glyph.cluster);
            if (cluster < units.size()) {
                shaped.advance_em[cluster] += static_cast<float>(glyph.advance) * em_per_unit;
                shaped.cluster_start[cluster] = 1;
            }
        }
        shaped.runs.push_back(std::move(out));
    }
    return shaped;
}

int notdef_count(const ShapedParagraph& paragraph) {
    int count = 0;
    for (const ShapedRun& run : paragraph.runs)
        for (const ShapedGlyph& glyph : run.glyphs) count += glyph.glyph == 0 ? 1 : 0;
    return count;
}

}  // namespace kiosk::text
