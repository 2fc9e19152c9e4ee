// Colours of the kiosk, as plain data: a calm dark page, and a high-contrast variant a visitor can
// switch to. Also the text size steps a visitor can choose. Does NOT draw anything; views read it.
// Contrast: every text colour reaches 4.5:1 (WCAG AA) on the background in the dark theme and
// 7:1 (AAA) in high contrast; tests/unit/test_theme.cpp computes it from these colours.
#pragma once
#include <array>
#include <cstdint>

namespace kiosk::views {

struct Rgb {
    float r = 0.0f, g = 0.0f, b = 0.0f;
};

struct Theme {
    Rgb background{0.067f, 0.071f, 0.078f};   // near-black with a little warmth, not pure black
    Rgb text{0.918f, 0.902f, 0.871f};         // warm off-white for running text
    Rgb text_muted{0.722f, 0.698f, 0.659f};   // byline, credit, captions
    Rgb accent{0.788f, 0.686f, 0.502f};       // section label, citation numbers: muted gold
    Rgb rule{0.36f, 0.35f, 0.33f};            // thin rules and the scroll indicator track
    Rgb indicator{0.62f, 0.60f, 0.57f};       // the scroll position thumb
};

const Theme& dark_theme();
// Pure black and white with a clear yellow accent, for low vision and bright rooms.
const Theme& high_contrast_theme();
const Theme& theme_for(bool high_contrast);

// Text size steps: step 0 is the panel's own size; a visitor can enlarge it three steps.
constexpr std::array<float, 4> kTextScales = {1.0f, 1.2f, 1.45f, 1.75f};
constexpr int kTextSizeSteps = static_cast<int>(kTextScales.size());
float text_scale_for_step(int step);  // clamped to the steps

// ImGui's packed colour (ABGR) from a theme colour.
uint32_t pack(const Rgb& colour, float alpha = 1.0f);

// WCAG 2 contrast ratio between two colours (1 to 21).
float contrast_ratio(const Rgb& a, const Rgb& b);

}  // namespace kiosk::views
