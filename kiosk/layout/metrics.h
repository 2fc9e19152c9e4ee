// Plain-data font metrics and the type scale of a panel. Does NOT load fonts or touch ImGui:
// the app fills FontMetrics from text::FontFace, tests fill them with fixed advances.
#pragma once
#include <array>
#include <cstdint>
#include <unordered_map>

namespace kiosk::layout {

// Every face-and-size the kiosk draws with. Each role is baked into the atlas at its own size.
enum class FontRole { Body, BodyItalic, BodyBold, Headline, Standfirst, Label, Small, Superscript, Ui, Figure, Count };
constexpr int kFontRoleCount = static_cast<int>(FontRole::Count);

// The embedded font file each role uses ("fonts/NotoSerif-Regular.ttf").
const char* font_file_for(FontRole role);

// A role's size against the body's (the headline's 1.85): sizes are the body size times this.
float role_scale(FontRole role);

struct FontMetrics {
    float size = 16.0f;                // pixel size (ImGui SizePixels)
    float ascent = 12.0f;              // pixels above the baseline
    float descent = 4.0f;              // pixels below the baseline, positive
    float default_advance = 8.0f;      // width of a code point missing from `advances`
    std::unordered_map<uint32_t, float> advances;

    float advance(uint32_t codepoint) const {
        const auto found = advances.find(codepoint);
        return found == advances.end() ? default_advance : found->second;
    }
};

struct FontSet {
    std::array<FontMetrics, kFontRoleCount> roles{};
    const FontMetrics& operator[](FontRole role) const { return roles[static_cast<int>(role)]; }
    FontMetrics& operator[](FontRole role) { return roles[static_cast<int>(role)]; }
};

// Where things go on a panel of a given size: sizes derive from the panel, its DPI and the
// visitor's text scale, so a 7" 800×480 panel and a 4K screen both look designed.
struct PanelParams {
    int width = 1080;                  // framebuffer pixels
    int height = 1920;
    float dpi = 96.0f;                 // physical dots per inch; 96 when unknown
    float text_scale = 1.0f;           // the visitor's enlargement (1, 1.25, 1.5)
    float average_char_em = 0.47f;     // mean advance of the body face's running text, in ems
    float chars_per_line = 60.0f;      // target measure (60–75 is comfortable)
};

struct Panel {
    float body_size = 24.0f;           // body text pixel size
    float column_width = 600.0f;       // the text column
    float column_x = 0.0f;             // its left edge
    float margin = 24.0f;              // outer margin
    float top_bar = 0.0f;              // height reserved at the top for navigation
    float bottom_bar = 0.0f;           // height reserved at the bottom
    float mm = 3.78f;                  // pixels per millimetre on this panel
    std::array<float, kFontRoleCount> role_sizes{};
};

Panel panel_layout(const PanelParams& params);

}  // namespace kiosk::layout
