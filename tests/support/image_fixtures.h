// Pictures for tests, made at test time with libjpeg's and libpng's own encoders: generated
// patterns (never photographs of people). Each shows, upright, four quadrants in four colours
// (top left red, top right green, bottom left blue, bottom right yellow) so a test can tell
// orientation, and the encoders store it turned as the EXIF orientation says (a JPEG's APP1
// marker, a PNG's eXIf chunk).
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
    std::string raw_exif = "";         // not empty: the APP1 Exif marker's data as is (damaged EXIF), stored upright
};
std::string make_jpeg(const JpegFixture& fixture);

struct PngFixture {
    int width = 64, height = 48;
    bool alpha = false;                // the right half half transparent
    bool palette = false;              // 4-colour palette
    bool sixteen_bit = false;
    bool grey = false;
    int orientation = 1;               // EXIF 1..8 in an eXIf chunk (TIFF data, no "Exif" prefix); 1: no eXIf
    bool exif_after_pixels = false;    // the eXIf chunk after IDAT (PNG 1.5 allowed it; PNG 3 does not)
    std::string raw_exif = "";         // not empty: the eXIf chunk's data as is (damaged EXIF), stored upright
};
std::string make_png(const PngFixture& fixture);

// EXIF data as libexif writes it: "Exif\0\0" then TIFF data (little-endian) whose IFD 0 holds
// Orientation = `orientation`; with orientation 0, IFD 0 holds only an XResolution tag. A PNG's
// eXIf chunk holds it without the first 6 bytes.
std::string exif_block(int orientation);

// Only the header: a JPEG or PNG declaring width x height with (almost) no pixels after it.
std::string jpeg_header_declaring(int width, int height);
std::string png_header_declaring(uint32_t width, uint32_t height);

// The PNG with one byte of its first `chunk` chunk's data changed: its CRC no longer matches.
std::string with_bad_png_crc(std::string png, const std::string& chunk = "IDAT");

void write_file(const std::string& path, const std::string& bytes);

}  // namespace kiosk::testing
