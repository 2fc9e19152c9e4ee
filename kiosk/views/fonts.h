// Builds ImGui's font atlas for a panel: one ImFont per role, baked at that role's pixel size, with
// exactly the glyphs the content uses, from the fonts embedded in the binary. Also gives layout the
// metrics of those same fonts. Does NOT lay out text or decide sizes (layout::panel_layout does).
#pragma once
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "content/bundle.h"
#include "layout/metrics.h"

struct ImFont;

namespace kiosk::views {

// Which code points each role must hold.
using RoleCodepoints = std::array<std::set<uint32_t>, layout::kFontRoleCount>;

// The code points each role draws for this bundle (plus what the interface itself writes).
RoleCodepoints role_codepoints(const content::Bundle& bundle, const std::string& interface_text);

struct Fonts {
    std::array<ImFont*, layout::kFontRoleCount> faces{};
    layout::FontSet metrics;
    int atlas_width = 0, atlas_height = 0;

    ImFont* operator[](layout::FontRole role) const { return faces[static_cast<int>(role)]; }
};

// Clears the current ImGui context's atlas and builds it anew. False when a font is missing or the
// atlas cannot be built: every role then uses ImGui's small built-in font, so text still shows and
// nothing points at the cleared atlas.
bool build_fonts(const layout::Panel& panel, const RoleCodepoints& codepoints, Fonts& fonts, std::string* error);

// The built-in English article's mean advance in the body face, per pixel of ImGui's size (which
// spans ascent to descent; a test measures it): the
// measure of a bundle in a script the body face does not set (Persian), so its column holds as many
// ems as the English one.
constexpr float kEnglishAverageCharEm = 0.352f;

// Mean advance of `text` in the body face, in ems (for the measure); kEnglishAverageCharEm when
// most of it is in another script.
float average_char_em(const std::string& text);

}  // namespace kiosk::views
