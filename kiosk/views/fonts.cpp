#include "views/fonts.h"

#include <imgui.h>

#include <memory>

#include "core/embedded.h"
#include "text/font_face.h"
#include "text/utf8.h"

namespace kiosk::views {

using layout::font_file_for;
using layout::FontRole;

RoleCodepoints role_codepoints(const content::Bundle& bundle, const std::string& interface_text) {
    RoleCodepoints result;
    const std::string all_text = content::visible_text(bundle) + interface_text;
    const std::set<uint32_t> all = text::codepoints_of(all_text);
    std::string headline, label;
    for (const content::Block& block : bundle.article) {
        if (block.kind == content::BlockKind::Headline) headline += content::block_text(block);
        if (block.kind == content::BlockKind::SectionLabel) label += content::block_text(block);
    }
    for (int role = 0; role < layout::kFontRoleCount; ++role) result[role] = all;
    // The biggest faces carry only what they draw: at 4K they dominate the atlas.
    result[static_cast<int>(FontRole::Headline)] = text::codepoints_of(headline + bundle.manifest.title);
    result[static_cast<int>(FontRole::Figure)] =
        text::codepoints_of("0123456789,.?\u00A0\u202F " + bundle.memorial.qualifier);  // '?': ImGui's fallback
    result[static_cast<int>(FontRole::Superscript)] = text::codepoints_of("0123456789?,");
    for (auto& set : result) set.insert(' ');
    return result;
}

float average_char_em(const std::string& text) {
    const std::string_view bytes = core::embedded(font_file_for(FontRole::Body));
    const auto face = text::FontFace::from_bytes(bytes);
    if (!face || text.empty()) return kEnglishAverageCharEm;
    float total = 0.0f;
    int count = 0, covered = 0;
    for (size_t pos = 0; pos < text.size();) {
        const uint32_t codepoint = text::next_codepoint(text, pos);
        ++count;
        if (!face->covers(codepoint)) continue;  // another face sets it (Arabic): its width says nothing here
        total += face->advance(codepoint, 100.0f);
        ++covered;
    }
    // Text mostly in another script keeps the English measure: the same column in ems (issue 15).
    return covered > 0 && covered * 2 >= count ? total / covered / 100.0f : kEnglishAverageCharEm;
}

namespace {
// The atlas keeps a pointer to the ranges until it is rebuilt.
std::array<std::vector<ImWchar>, layout::kFontRoleCount> g_ranges;

// Every role's metrics from its face, for the codepoints the content uses.
void measure_faces(const RoleCodepoints& codepoints, Fonts& built) {
    for (int role = 0; role < layout::kFontRoleCount; ++role) {
        ImFont* font = built.faces[role];
        layout::FontMetrics& metrics = built.metrics.roles[role];
        metrics.size = font->FontSize;
        metrics.ascent = font->Ascent;
        metrics.descent = -font->Descent;
        metrics.default_advance = font->FallbackAdvanceX;
        for (uint32_t codepoint : codepoints[role])
            if (codepoint <= 0xFFFF) metrics.advances[codepoint] = font->GetCharAdvance(static_cast<ImWchar>(codepoint));
    }
}

bool build_bundled_fonts(const layout::Panel& panel, const RoleCodepoints& codepoints, Fonts& built,
                         std::string* error) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    for (int role = 0; role < layout::kFontRoleCount; ++role) {
        const std::string_view bytes = core::embedded(font_file_for(static_cast<FontRole>(role)));
        if (bytes.empty()) {
            if (error) *error = std::string("embedded font missing: ") + font_file_for(static_cast<FontRole>(role));
            return false;
        }
        const std::vector<uint16_t> ranges = text::glyph_ranges(codepoints[role]);
        g_ranges[role].assign(ranges.begin(), ranges.end());
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;  // the bytes live in the binary
        const float size = panel.role_sizes[role];
        config.OversampleH = size < 28.0f ? 2 : 1;
        config.OversampleV = 1;
        config.PixelSnapH = false;
        built.faces[role] = atlas.AddFontFromMemoryTTF(const_cast<char*>(bytes.data()), static_cast<int>(bytes.size()),
                                                       size, &config, g_ranges[role].data());
        if (!built.faces[role]) {
            if (error) *error = "cannot load font " + std::string(font_file_for(static_cast<FontRole>(role)));
            return false;
        }
    }
    if (!atlas.Build()) {
        if (error) *error = "the font atlas could not be built";
        return false;
    }
    return true;
}

// ImGui's own small font for every role: readable text instead of none.
void build_default_font(Fonts& built) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    built = Fonts{};
    ImFont* font = atlas.AddFontDefault();
    atlas.Build();
    built.faces.fill(font);
}

}  // namespace

bool build_fonts(const layout::Panel& panel, const RoleCodepoints& codepoints, Fonts& fonts, std::string* error) {
    // Clearing the atlas frees the faces `fonts` points at, so `fonts` is replaced on every path.
    Fonts built;
    const bool bundled = build_bundled_fonts(panel, codepoints, built, error);
    if (!bundled) build_default_font(built);
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    built.atlas_width = atlas.TexWidth;
    built.atlas_height = atlas.TexHeight;
    measure_faces(codepoints, built);
    ImGui::GetIO().FontDefault = built.faces[static_cast<int>(FontRole::Ui)];
    fonts = std::move(built);
    return bundled;
}

}  // namespace kiosk::views
