#include "views/theme.h"

#include <algorithm>
#include <cmath>

namespace kiosk::views {

const Theme& dark_theme() {
    static const Theme theme;
    return theme;
}

const Theme& high_contrast_theme() {
    static const Theme theme = [] {
        Theme t;
        t.background = {0.0f, 0.0f, 0.0f};
        t.text = {1.0f, 1.0f, 1.0f};
        t.text_muted = {0.86f, 0.86f, 0.86f};
        t.accent = {1.0f, 0.86f, 0.25f};
        t.rule = {0.75f, 0.75f, 0.75f};
        t.indicator = {1.0f, 1.0f, 1.0f};
        return t;
    }();
    return theme;
}

const Theme& theme_for(bool high_contrast) { return high_contrast ? high_contrast_theme() : dark_theme(); }

float text_scale_for_step(int step) { return kTextScales[static_cast<size_t>(std::clamp(step, 0, kTextSizeSteps - 1))]; }

uint32_t pack(const Rgb& colour, float alpha) {
    const auto channel = [](float v) { return static_cast<uint32_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    return channel(colour.r) | (channel(colour.g) << 8) | (channel(colour.b) << 16) | (channel(alpha) << 24);
}

namespace {
float relative_luminance(const Rgb& c) {
    const auto linear = [](float v) { return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f); };
    return 0.2126f * linear(c.r) + 0.7152f * linear(c.g) + 0.0722f * linear(c.b);
}
}  // namespace

float contrast_ratio(const Rgb& a, const Rgb& b) {
    const float la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

}  // namespace kiosk::views
