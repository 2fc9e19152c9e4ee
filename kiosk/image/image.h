// Photographs: reads a JPEG or PNG and returns it as RGBA pixels, scaled down to fit a target
// size, with its EXIF orientation applied (a JPEG's APP1 Exif marker, a PNG's eXIf chunk before
// its pixels; both read with libexif). Every limit is checked before the pixels are decoded
// (file size, the dimensions the header declares, the memory the decode would need); a JPEG is
// scaled down while it is decoded (libjpeg-turbo's DCT scaling), so a 12-megapixel photograph
// never sits whole in memory. Errors are values with fault codes, never exceptions.
// Does NOT touch GL or ImGui, keep a cache, use threads or know about bundles (bundle_path.h
// resolves a bundle's picture path). Formats other than JPEG and PNG are refused by their magic
// bytes (ImageFormat).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/fault.h"

namespace kiosk::image {

enum class Format { Unknown, Jpeg, Png, Gif, WebP, Bmp, Tiff, Heif, Avif };

// "JPEG", "GIF"...; "unknown" for Unknown.
std::string_view format_name(Format format);

// The format the first bytes of a file announce (at least 12 bytes are needed to tell them all).
Format sniff(std::string_view head);

struct Limits {
    // A 40 MB museum scan passes; a 300 MB file is refused before a byte of it is read.
    uint64_t max_file_bytes = 64ull << 20;
    // A header declaring more is a decompression bomb (a small file claiming 100000 x 100000).
    int max_declared_side = 20000;                  // pixels, either side, as the header says
    uint64_t max_declared_pixels = 100'000'000;     // width x height, as the header says
    // The most one decode may hold at once: the decoder's working memory (libjpeg's coefficient
    // buffers of a progressive JPEG) plus the kiosk's pixel buffers. A decode that would need
    // more is refused (ImageTooLarge) before it starts, or stopped by libjpeg's own limit.
    std::size_t decode_peak_bytes = 64u << 20;
    int max_side = 2048;                            // no result larger a side (the Pi 3's texture limit)
};

// What the header says, with the orientation applied to width and height.
struct Info {
    Format format = Format::Unknown;
    int width = 0, height = 0;         // as shown, after the EXIF orientation
    int stored_width = 0, stored_height = 0;  // as stored in the file
    int orientation = 1;               // EXIF 1..8 (1: as stored or no orientation): JPEG APP1 Exif, PNG eXIf
    // Why an EXIF orientation the file carries was not applied (damaged EXIF, a value outside 1-8,
    // a PNG eXIf chunk after the pixels): one sentence for --check (ImageOrientation); the picture
    // still decodes, shown as stored. "" when applied or when the file has none.
    std::string orientation_problem;
    bool progressive = false;          // a progressive JPEG (its decode holds all coefficients)
    int components = 0;                // 1 grey, 3 colour, 4 CMYK/YCCK (JPEG); 1-4 (PNG, before expansion)
};

struct Error {
    core::FaultCode code = core::FaultCode::ImageCorrupt;
    std::string message;               // one sentence a curator understands; "" when ok
    bool ok() const { return message.empty(); }
};

struct Image {
    int width = 0, height = 0;         // pixels
    std::vector<uint8_t> rgba;         // top row first, 4 bytes a pixel, straight alpha
};

struct ProbeResult {
    Info info;
    Error error;
};

struct DecodeParams {
    int max_width = 2048;              // fit inside this box, keeping the proportions;
    int max_height = 2048;             // never enlarged (the view scales a small picture up)
    Limits limits;
};

struct DecodeResult {
    Image image;
    Info info;
    Error error;
    std::size_t peak_bytes = 0;        // the kiosk's own pixel buffers at their fullest (libjpeg's are capped by the limit)
    int dct_scale_denom = 1;           // JPEG: decoded at 1/N of its size (1, 2, 4 or 8)
};

// Reads the header only: format, dimensions, orientation. Refuses what the limits refuse.
ProbeResult probe_file(const std::string& path, const Limits& limits = {});
ProbeResult probe_bytes(std::string_view bytes, const Limits& limits = {});

// Decodes in full and scales to fit params' box. A decoder warning (a truncated JPEG padded
// with grey, a bad checksum) counts as ImageCorrupt: a damaged picture of a victim is not shown.
DecodeResult decode_file(const std::string& path, const DecodeParams& params = {});
DecodeResult decode_bytes(std::string_view bytes, const DecodeParams& params = {});

// The size a picture of `width` x `height` gets inside a `max_width` x `max_height` box, never
// enlarged and never larger than `max_side` a side; at least 1 x 1.
struct Size {
    int width = 0, height = 0;
};
Size fit_inside(int width, int height, int max_width, int max_height, int max_side);

}  // namespace kiosk::image
