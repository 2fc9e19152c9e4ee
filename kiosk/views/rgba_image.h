// A picture the views build on the CPU for the platform to upload once as a texture (the field of
// marks, QR codes). Plain data: no GL, no ImGui.
#pragma once
#include <cstdint>
#include <vector>

namespace kiosk::views {

struct RgbaImage {
    int width = 0, height = 0;         // pixels
    std::vector<uint8_t> rgba;         // top row first, 4 bytes a pixel, straight (not premultiplied) alpha

    bool empty() const { return width <= 0 || height <= 0; }
    uint8_t alpha(int x, int y) const { return rgba[(static_cast<size_t>(y) * width + x) * 4 + 3]; }
};

}  // namespace kiosk::views
