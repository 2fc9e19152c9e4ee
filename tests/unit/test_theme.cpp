// Contrast of every text colour against the page, computed from the theme colours (WCAG 2):
// at least 4.5:1 in the dark theme and 7:1 in high contrast. And the text size steps.
#include <catch2/catch.hpp>

#include "views/theme.h"

using namespace kiosk::views;

TEST_CASE("theme: contrast ratio formula matches WCAG's reference values", "[theme]") {
    CHECK(contrast_ratio({0, 0, 0}, {1, 1, 1}) == Approx(21.0f).epsilon(0.001));
    CHECK(contrast_ratio({1, 1, 1}, {1, 1, 1}) == Approx(1.0f));
    // #777777 on white is the well-known 4.48:1.
    CHECK(contrast_ratio({0x77 / 255.0f, 0x77 / 255.0f, 0x77 / 255.0f}, {1, 1, 1}) == Approx(4.48f).epsilon(0.01));
}

TEST_CASE("theme: every text colour reaches AA (4.5:1) in the dark theme and AAA (7:1) in high contrast", "[theme]") {
    for (const bool high : {false, true}) {
        const Theme& theme = theme_for(high);
        const float need = high ? 7.0f : 4.5f;
        INFO((high ? "high contrast" : "dark"));
        for (const auto& [name, colour] : {std::pair{"text", theme.text}, std::pair{"text_muted", theme.text_muted},
                                           std::pair{"accent", theme.accent}}) {
            INFO(name << " " << contrast_ratio(colour, theme.background));
            CHECK(contrast_ratio(colour, theme.background) >= need);
        }
        // The scroll indicator is a graphical object: 3:1 (WCAG 1.4.11).
        CHECK(contrast_ratio(theme.indicator, theme.background) >= 3.0f);
    }
    CHECK(&theme_for(false) == &dark_theme());
    CHECK(&theme_for(true) == &high_contrast_theme());
}

TEST_CASE("theme: at least two enlargement steps, growing, clamped", "[theme]") {
    REQUIRE(kTextSizeSteps >= 3);
    CHECK(text_scale_for_step(0) == 1.0f);
    for (int i = 1; i < kTextSizeSteps; ++i) CHECK(text_scale_for_step(i) > text_scale_for_step(i - 1));
    CHECK(text_scale_for_step(-5) == 1.0f);
    CHECK(text_scale_for_step(99) == kTextScales.back());
}
