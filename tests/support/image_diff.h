// Test support: loading PNGs and comparing two renderings of the same frame with a tolerance, for
// checks where the same picture comes from different GL APIs, drivers (llvmpipe, softpipe) or
// compositors. Plain data; no GL.
#pragma once
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include <stb/stb_image.h>

namespace kiosk::test {

struct RgbaImage {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;  // top row first
    bool empty() const { return rgba.empty(); }
};

// Empty when the file cannot be read as an image.
inline RgbaImage load_png_rgba(const std::string& path) {
    RgbaImage image;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
    if (data == nullptr) return RgbaImage{};
    image.rgba.assign(data, data + size_t(image.width) * size_t(image.height) * 4);
    stbi_image_free(data);
    return image;
}

struct ImageDiff {
    bool same_size = false;
    int max_channel = 0;          // largest difference of any R, G or B value, 0..255
    double fraction_over = 0.0;   // share of pixels with some channel differing by more than `noise`
    long pixels_over = 0;         // their count
};

// Compares colour (alpha ignored: screens show opaque frames).
inline ImageDiff diff_images(const RgbaImage& a, const RgbaImage& b, int noise = 2) {
    ImageDiff diff;
    diff.same_size = a.width == b.width && a.height == b.height && !a.empty() && a.rgba.size() == b.rgba.size();
    if (!diff.same_size) return diff;
    const size_t pixels = size_t(a.width) * size_t(a.height);
    for (size_t i = 0; i < pixels; ++i) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(a.rgba[i * 4 + c]) - int(b.rgba[i * 4 + c])));
        diff.max_channel = std::max(diff.max_channel, worst);
        if (worst > noise) ++diff.pixels_over;
    }
    diff.fraction_over = double(diff.pixels_over) / double(pixels);
    return diff;
}

// The tolerance for "the same frame": rounding in blending and filtering moves edge pixels by a few
// levels between drivers; a missing glyph or a shifted line changes far more than 0.5% of them.
struct SameFrameTolerance {
    int noise = 2;                // differences up to this are rounding, not counted
    double max_fraction = 0.005;  // at most this share of pixels may differ by more
    int max_channel = 48;         // and none by more than this (a wrong colour or a missing glyph exceeds it)
};

inline bool same_frame(const ImageDiff& diff, const SameFrameTolerance& tolerance = {}) {
    return diff.same_size && diff.fraction_over <= tolerance.max_fraction && diff.max_channel <= tolerance.max_channel;
}

}  // namespace kiosk::test
