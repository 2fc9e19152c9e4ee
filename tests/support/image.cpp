#include "image.h"

#include <stb/stb_image.h>  // implementation lives in Debian's libstb.so

namespace kiosk::testing {

float Image::luminance(int x, int y) const {
    const uint8_t* p = &rgba[(static_cast<size_t>(y) * width + x) * 4];
    return (0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2]) / 255.0f;
}

Image load_png(const std::string& path) {
    Image image;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
    if (!data) return Image{};
    image.rgba.assign(data, data + static_cast<size_t>(image.width) * image.height * 4);
    stbi_image_free(data);
    return image;
}

double ink_fraction(const Image& image) {
    size_t count = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            if (image.luminance(x, y) > 0.35f) ++count;
    const size_t total = static_cast<size_t>(image.width) * image.height;
    return total ? static_cast<double>(count) / total : 0.0;
}

}  // namespace kiosk::testing
