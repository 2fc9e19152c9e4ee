#include "support/image_fixtures.h"

#include <jpeglib.h>
#include <libexif/exif-data.h>
#include <png.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <vector>

namespace kiosk::testing {

std::string exif_block(int orientation) {
    ExifData* exif = exif_data_new();
    exif_data_set_byte_order(exif, EXIF_BYTE_ORDER_INTEL);
    ExifEntry* entry = exif_entry_new();
    exif_content_add_entry(exif->ifd[EXIF_IFD_0], entry);
    if (orientation == 0) {
        exif_entry_initialize(entry, EXIF_TAG_X_RESOLUTION);
    } else {
        exif_entry_initialize(entry, EXIF_TAG_ORIENTATION);
        exif_set_short(entry->data, EXIF_BYTE_ORDER_INTEL, static_cast<ExifShort>(orientation));
    }
    unsigned char* data = nullptr;
    unsigned int size = 0;
    exif_data_save_data(exif, &data, &size);
    std::string out(reinterpret_cast<const char*>(data), size);
    std::free(data);
    exif_entry_unref(entry);
    exif_data_unref(exif);
    return out;
}

Rgb pattern_at(int x, int y, int width, int height) {
    const bool right = x >= width / 2, bottom = y >= height / 2;
    if (!right && !bottom) return {220, 30, 30};
    if (right && !bottom) return {30, 200, 30};
    if (!right && bottom) return {30, 30, 220};
    return {230, 220, 30};
}

namespace {

// Where the stored pixel (c, r) shows, by EXIF's own description of each orientation: which
// visual side the stored first row is, and which the stored first column is.
void shown_at(int orientation, int c, int r, int width, int height, int& x, int& y) {
    switch (orientation) {
        case 2: x = width - 1 - c, y = r; break;              // row 0 top, column 0 right
        case 3: x = width - 1 - c, y = height - 1 - r; break;  // row 0 bottom, column 0 right
        case 4: x = c, y = height - 1 - r; break;              // row 0 bottom, column 0 left
        case 5: x = r, y = c; break;                           // row 0 left, column 0 top
        case 6: x = width - 1 - r, y = c; break;               // row 0 right, column 0 top
        case 7: x = width - 1 - r, y = height - 1 - c; break;  // row 0 right, column 0 bottom
        case 8: x = r, y = height - 1 - c; break;              // row 0 left, column 0 bottom
        default: x = c, y = r; break;
    }
}

struct JpegWriter {
    jpeg_compress_struct cinfo{};
    jpeg_error_mgr error{};
    unsigned char* buffer = nullptr;
    unsigned long size = 0;
    JpegWriter() {
        cinfo.err = jpeg_std_error(&error);
        jpeg_create_compress(&cinfo);
        jpeg_mem_dest(&cinfo, &buffer, &size);
    }
    ~JpegWriter() {
        jpeg_destroy_compress(&cinfo);
        std::free(buffer);
    }
    std::string bytes() const { return std::string(reinterpret_cast<const char*>(buffer), size); }
};

}  // namespace

std::string make_jpeg(const JpegFixture& f) {
    const int orientation = f.raw_exif.empty() ? f.orientation : 1;  // damaged EXIF: stored upright
    const bool swap = orientation >= 5 && orientation <= 8;
    const int stored_w = swap ? f.height : f.width, stored_h = swap ? f.width : f.height;
    JpegWriter w;
    w.cinfo.image_width = static_cast<JDIMENSION>(stored_w);
    w.cinfo.image_height = static_cast<JDIMENSION>(stored_h);
    w.cinfo.input_components = f.grey ? 1 : f.cmyk ? 4 : 3;
    w.cinfo.in_color_space = f.grey ? JCS_GRAYSCALE : f.cmyk ? JCS_CMYK : JCS_RGB;
    jpeg_set_defaults(&w.cinfo);
    if (f.cmyk) jpeg_set_colorspace(&w.cinfo, JCS_YCCK);  // writes the Adobe marker, as Photoshop does
    jpeg_set_quality(&w.cinfo, f.quality, TRUE);
    if (f.progressive) jpeg_simple_progression(&w.cinfo);
    jpeg_start_compress(&w.cinfo, TRUE);
    if (orientation != 1 || !f.raw_exif.empty()) {
        const std::string exif = f.raw_exif.empty() ? exif_block(orientation) : f.raw_exif;
        jpeg_write_marker(&w.cinfo, JPEG_APP0 + 1, reinterpret_cast<const JOCTET*>(exif.data()), static_cast<unsigned>(exif.size()));
    }
    std::vector<uint8_t> row(static_cast<size_t>(stored_w) * w.cinfo.input_components);
    for (int r = 0; r < stored_h; ++r) {
        for (int c = 0; c < stored_w; ++c) {
            int x = 0, y = 0;
            shown_at(orientation, c, r, f.width, f.height, x, y);
            Rgb p = pattern_at(x, y, f.width, f.height);
            if (f.grain) {
                // A hash of the position: detail the encoder cannot throw away, as in a photograph.
                uint32_t h = static_cast<uint32_t>(x) * 73856093u ^ static_cast<uint32_t>(y) * 19349663u;
                h ^= h >> 13, h *= 0x5bd1e995u, h ^= h >> 15;
                const auto jitter = [&](uint8_t v, int shift) {
                    return static_cast<uint8_t>(std::clamp(int(v) + int((h >> shift) & 63) - 32, 0, 255));
                };
                p = Rgb{jitter(p.r, 0), jitter(p.g, 8), jitter(p.b, 16)};
            }
            uint8_t* out = &row[static_cast<size_t>(c) * w.cinfo.input_components];
            if (f.grey) {
                out[0] = static_cast<uint8_t>((p.r * 30 + p.g * 59 + p.b * 11) / 100);
            } else if (f.cmyk) {
                // Adobe's inverted CMYK with no black: 255 - C = R.
                out[0] = p.r, out[1] = p.g, out[2] = p.b, out[3] = 255;
            } else {
                out[0] = p.r, out[1] = p.g, out[2] = p.b;
            }
        }
        JSAMPROW rows[1] = {row.data()};
        jpeg_write_scanlines(&w.cinfo, rows, 1);
    }
    jpeg_finish_compress(&w.cinfo);
    return w.bytes();
}

std::string jpeg_header_declaring(int width, int height) {
    // A small real JPEG with its frame header's size changed (SOF0: FF C0, length, precision,
    // height, width): well formed up to its pixels, as a decompression bomb is.
    JpegFixture small;
    small.width = 16, small.height = 16;
    std::string out = make_jpeg(small);
    const size_t sof = out.find("\xFF\xC0", 2);
    if (sof == std::string::npos) throw std::runtime_error("no SOF0 in a fresh JPEG");
    out[sof + 5] = static_cast<char>((height >> 8) & 0xFF), out[sof + 6] = static_cast<char>(height & 0xFF);
    out[sof + 7] = static_cast<char>((width >> 8) & 0xFF), out[sof + 8] = static_cast<char>(width & 0xFF);
    return out;
}

namespace {

struct PngBuffer {
    std::string bytes;
};
void png_append(png_structp png, png_bytep data, png_size_t length) {
    static_cast<PngBuffer*>(png_get_io_ptr(png))->bytes.append(reinterpret_cast<const char*>(data), length);
}
void png_no_flush(png_structp) {}

// A PNG fixture's orientation as stored: a damaged EXIF's picture is stored upright.
int png_orientation(const PngFixture& f) { return f.raw_exif.empty() ? f.orientation : 1; }
bool png_swaps(const PngFixture& f) { return png_orientation(f) >= 5 && png_orientation(f) <= 8; }
int png_stored_width(const PngFixture& f) { return png_swaps(f) ? f.height : f.width; }
int png_stored_height(const PngFixture& f) { return png_swaps(f) ? f.width : f.height; }

}  // namespace

// Sizes are asked of the fixture where they are used: a local computed before setjmp could be
// clobbered by its longjmp.
std::string make_png(const PngFixture& f) {
    std::string exif = f.raw_exif;
    if (exif.empty() && f.orientation != 1) exif = exif_block(f.orientation).substr(6);  // eXIf: no "Exif\0\0"
    PngBuffer buffer;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw std::runtime_error("libpng could not write the fixture");
    }
    png_set_write_fn(png, &buffer, png_append, png_no_flush);
    const int depth = f.sixteen_bit ? 16 : 8;
    int type = f.grey ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB;
    if (f.alpha) type = f.grey ? PNG_COLOR_TYPE_GRAY_ALPHA : PNG_COLOR_TYPE_RGB_ALPHA;
    if (f.palette) type = PNG_COLOR_TYPE_PALETTE;
    png_set_IHDR(png, info, static_cast<png_uint_32>(png_stored_width(f)), static_cast<png_uint_32>(png_stored_height(f)), f.palette ? 8 : depth,
                 type, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_color palette[4];
    if (f.palette) {
        for (int i = 0; i < 4; ++i) {
            const Rgb p = pattern_at(i % 2 == 0 ? 0 : f.width - 1, i < 2 ? 0 : f.height - 1, f.width, f.height);
            palette[i] = png_color{p.r, p.g, p.b};
        }
        png_set_PLTE(png, info, palette, 4);
    }
    const auto set_exif = [&] {
        png_set_eXIf_1(png, info, static_cast<png_uint_32>(exif.size()),
                       reinterpret_cast<png_bytep>(const_cast<char*>(exif.data())));
    };
    if (!exif.empty() && !f.exif_after_pixels) set_exif();
    png_write_info(png, info);
    // libpng writes an eXIf it is given only after png_write_info in png_write_end: after IDAT.
    if (!exif.empty() && f.exif_after_pixels) set_exif();
    const int channels = f.palette ? 1 : (f.grey ? 1 : 3) + (f.alpha ? 1 : 0);
    const int bytes_per = f.sixteen_bit && !f.palette ? 2 : 1;
    std::vector<uint8_t> row(static_cast<size_t>(png_stored_width(f)) * channels * bytes_per);
    for (int r = 0; r < png_stored_height(f); ++r) {
        for (int c = 0; c < png_stored_width(f); ++c) {
            int x = 0, y = 0;
            shown_at(png_orientation(f), c, r, f.width, f.height, x, y);
            const Rgb p = pattern_at(x, y, f.width, f.height);
            uint8_t values[4] = {p.r, p.g, p.b, static_cast<uint8_t>(x >= f.width / 2 ? 128 : 255)};
            if (f.grey) values[0] = static_cast<uint8_t>((p.r * 30 + p.g * 59 + p.b * 11) / 100), values[1] = values[3];
            if (f.palette) values[0] = static_cast<uint8_t>((x >= f.width / 2 ? 1 : 0) + (y >= f.height / 2 ? 2 : 0));
            for (int k = 0; k < channels; ++k) {
                uint8_t* out = &row[(static_cast<size_t>(c) * channels + k) * bytes_per];
                out[0] = values[k];
                if (bytes_per == 2) out[1] = values[k];  // 16-bit: v * 257, big-endian
            }
        }
        png_write_row(png, row.data());
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return buffer.bytes;
}

std::string png_header_declaring(uint32_t width, uint32_t height) {
    // A small real PNG with the IHDR's size changed and its CRC made right again, so the file is
    // well formed up to its pixels: exactly what a decompression bomb looks like.
    std::string png = make_png(PngFixture{16, 16});
    const auto put32 = [&](size_t at, uint32_t v) {
        for (int i = 0; i < 4; ++i) png[at + i] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
    };
    put32(16, width);
    put32(20, height);
    const uint32_t crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const unsigned char*>(png.data() + 12), 17));
    put32(29, crc);
    return png;
}

std::string with_bad_png_crc(std::string png, const std::string& chunk) {
    const size_t at = png.find(chunk);
    if (at == std::string::npos) throw std::runtime_error("no " + chunk);
    png[at + 4] = static_cast<char>(png[at + 4] ^ 0x01);  // the first data byte: the CRC no longer matches
    return png;
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace kiosk::testing
