// QR codes made on the device (libqrencode) for the web addresses a curator gives sources, and
// their pictures: one pixel a module, drawn scaled up with nearest sampling so edges stay sharp.
// Does NOT decide how large a code is drawn (layout::qr_module_pixels does) or upload textures.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "views/rgba_image.h"
#include "views/theme.h"

namespace kiosk::views {

struct QrCode {
    int modules = 0;                   // modules a side, without the quiet zone; 0: no code
    std::vector<uint8_t> dark;         // modules × modules, row by row: 1 dark, 0 light

    bool empty() const { return modules <= 0; }
    bool is_dark(int x, int y) const { return dark[static_cast<size_t>(y) * modules + x] != 0; }
};

// Encodes the bytes of `text` (8-bit mode, error correction level M: a smudged screen still reads),
// in the smallest version that holds them. Empty for empty text or text too long for any version.
QrCode encode_qr(std::string_view text);

// The code with a quiet zone of `quiet_modules` light modules around it, one pixel a module.
// Dark modules on a light ground: many phone readers do not read inverted codes.
RgbaImage qr_image(const QrCode& code, int quiet_modules, const Rgb& dark, const Rgb& light);

}  // namespace kiosk::views
