// Pictures for tests, made at test time with libjpeg's and libpng's own encoders: generated
// patterns (never photographs of people). Each shows, upright, four quadrants in four colours
// (top left red, top right green, bottom left blue, bottom right yellow) so a test can tell
// orientation, and the encoders store it turned as the EXIF orientation says.
#pragma once
#include <cstdint>
#include <string>

namespace kiosk::testing {

struct Rgb {
    uint8_t r = 0, g = 0, b = 0;
};
// The colour of the upright pattern at (x, y) of a width x height picture.
Rgb pattern_at(int x, int y, int width, int height);

struct JpegFixture {
    int width = 64, height = 48;       // as shown (upright)
    int orientation = 1;               // EXIF 1..8, written with libexif in an APP1 marker; 1: no EXIF
    bool progressive = false;
    bool grey = false;
    bool cmyk = false;                 // Adobe-style inverted CMYK, as Photoshop writes it
    int quality = 90;
    bool grain = false;                // fine pseudo-random detail: a file as large as a photograph's
};
std::string make_jpeg(const JpegFixture& fixture);

struct PngFixture {
    int width = 64, height = 48;
    bool alpha = false;                // the right half half transparent
    bool palette = false;              // 4-colour palette
    bool sixteen_bit = false;
    bool grey = false;
};
std::string make_png(const PngFixture& fixture);

// Only the header: a JPEG or PNG declaring width x height with (almost) no pixels after it.
std::string jpeg_header_declaring(int width, int height);
std::string png_header_declaring(uint32_t width, uint32_t height);

// The PNG with one byte of its first IDAT chunk's data changed: its CRC no longer matches.
std::string with_bad_png_crc(std::string png);

void write_file(const std::string& path, const std::string& bytes);

}  // namespace kiosk::testing
