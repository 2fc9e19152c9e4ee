#include "views/qr_code.h"

#include <qrencode.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace kiosk::views {

QrCode encode_qr(std::string_view text) {
    QrCode code;
    if (text.empty()) return code;
    const std::string bytes(text);
    QRcode* encoded = QRcode_encodeData(static_cast<int>(bytes.size()), reinterpret_cast<const unsigned char*>(bytes.data()),
                                        0, QR_ECLEVEL_M);
    if (encoded == nullptr) return code;  // too long, or out of memory
    code.modules = encoded->width;
    code.dark.resize(static_cast<size_t>(code.modules) * code.modules);
    for (size_t i = 0; i < code.dark.size(); ++i) code.dark[i] = encoded->data[i] & 1u;  // bit 0: dark module
    QRcode_free(encoded);
    return code;
}

RgbaImage qr_image(const QrCode& code, int quiet_modules, const Rgb& dark, const Rgb& light) {
    RgbaImage image;
    if (code.empty()) return image;
    const int quiet = std::max(0, quiet_modules);
    image.width = image.height = code.modules + 2 * quiet;
    image.rgba.resize(static_cast<size_t>(image.width) * image.height * 4);
    const auto channel = [](float v) { return static_cast<uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const int mx = x - quiet, my = y - quiet;
            const bool is_dark = mx >= 0 && my >= 0 && mx < code.modules && my < code.modules && code.is_dark(mx, my);
            const Rgb& colour = is_dark ? dark : light;
            uint8_t* pixel = &image.rgba[(static_cast<size_t>(y) * image.width + x) * 4];
            pixel[0] = channel(colour.r);
            pixel[1] = channel(colour.g);
            pixel[2] = channel(colour.b);
            pixel[3] = 255;
        }
    return image;
}

}  // namespace kiosk::views
