// PNG pictures the kiosk wrote, read back for assertions. Tests only.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::testing {

struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;         // top row first
    float luminance(int x, int y) const;
};

Image load_png(const std::string& path);  // empty (0x0) when it cannot be read

// Fraction of the picture clearly brighter than the dark page: how much is drawn on it.
double ink_fraction(const Image& image);

}  // namespace kiosk::testing
