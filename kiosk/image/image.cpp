// [SECTION] Formats and limits
// [SECTION] Orientation and scaling
// [SECTION] JPEG (libjpeg-turbo, libexif)
// [SECTION] PNG (libpng, libexif)
// [SECTION] Entry points
#include "image/image.h"

#include <jpeglib.h>
#include <libexif/exif-data.h>
#include <png.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <new>

namespace kiosk::image {
namespace {

using core::FaultCode;

// [SECTION] Formats and limits ---------------------------------------------------------------

Error fail(FaultCode code, std::string message) { return Error{code, std::move(message)}; }

// Where the bytes come from: an open file (read as the decoder asks, so a large file never sits
// in memory) or a buffer (tests, the fuzzer).
struct Input {
    FILE* file = nullptr;
    std::string_view bytes;
};

struct FileCloser {
    void operator()(FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<FILE, FileCloser>;

Error check_declared(int width, int height, const Limits& limits) {
    if (width <= 0 || height <= 0)
        return fail(FaultCode::ImageCorrupt, "the picture declares a size of " + std::to_string(width) + " x " +
                                                 std::to_string(height) + " pixels, which cannot be right");
    if (width > limits.max_declared_side || height > limits.max_declared_side ||
        static_cast<uint64_t>(width) * static_cast<uint64_t>(height) > limits.max_declared_pixels)
        return fail(FaultCode::ImageTooLarge,
                    "the picture declares " + std::to_string(width) + " x " + std::to_string(height) +
                        " pixels, more than the kiosk decodes (" + std::to_string(limits.max_declared_side) +
                        " a side, " + std::to_string(limits.max_declared_pixels / 1'000'000) +
                        " megapixels); save it smaller");
    return {};
}

Error refuse_format(Format format) {
    if (format == Format::Unknown)
        return fail(FaultCode::ImageFormat, "the file is not a picture the kiosk can show (not JPEG or PNG)");
    return fail(FaultCode::ImageFormat, "the picture is a " + std::string(format_name(format)) +
                                            " file; the kiosk shows JPEG and PNG only: save it as JPEG");
}

// [SECTION] Orientation and scaling ----------------------------------------------------------

bool swaps_sides(int orientation) { return orientation >= 5 && orientation <= 8; }

struct Orientation {
    int value = 1;                     // EXIF 1..8; 1 when the EXIF has none or cannot be used
    std::string problem;               // why the EXIF's orientation was not used (Info::orientation_problem)
};

const char* const kShownAsStored = ", so the picture shows as stored, perhaps on its side; turn it upright in a photo "
                                   "editor and save it again";

// The orientation an EXIF block gives: "Exif\0\0" then TIFF data, as a JPEG's APP1 marker holds
// it (a PNG's eXIf chunk is given that prefix by its reader). Damage is reported only where it
// decides the orientation: an IFD 0 libexif could read nothing from, or an Orientation that is
// not one of 1-8. Anything else wrong in the EXIF (a maker note, a thumbnail) is not the kiosk's
// concern.
Orientation orientation_from_exif(const uint8_t* data, std::size_t size) {
    ExifData* exif = exif_data_new();
    if (exif == nullptr) return {};    // out of memory: shown as stored; the decode will say if memory is short
    // Without this option while loading: libexif would otherwise add IFD 0's mandatory tags to a
    // block it could not read, and an unreadable block would look like one without orientation.
    exif_data_unset_option(exif, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
    exif_data_load_data(exif, data, static_cast<unsigned int>(std::min<std::size_t>(size, 0xFFFFFFFFu)));
    const bool readable = exif->ifd[EXIF_IFD_0] != nullptr && exif->ifd[EXIF_IFD_0]->count > 0;
    // What exif_data_new_from_data does after loading: an Orientation stored as LONG becomes SHORT.
    exif_data_fix(exif);
    Orientation out;
    ExifEntry* entry = exif_data_get_entry(exif, EXIF_TAG_ORIENTATION);
    if (entry != nullptr && entry->format == EXIF_FORMAT_SHORT && entry->components >= 1 && entry->size >= 2) {
        const int value = exif_get_short(entry->data, exif_data_get_byte_order(exif));
        if (value >= 1 && value <= 8) out.value = value;
        else out.problem = "its EXIF orientation is " + std::to_string(value) + ", not one of 1 to 8" + kShownAsStored;
    } else if (entry != nullptr) {
        out.problem = std::string("its EXIF orientation is not stored as a number") + kShownAsStored;
    } else if (!readable) {
        out.problem = std::string("its EXIF data, which may say which way up it goes, is damaged or cut short") + kShownAsStored;
    }
    exif_data_unref(exif);
    return out;
}

// The picture's orientation and its size as shown (the sides swapped for 5-8).
void take_orientation(Info& info, Orientation orientation) {
    info.orientation = orientation.value;
    info.orientation_problem = std::move(orientation.problem);
    info.width = swaps_sides(info.orientation) ? info.stored_height : info.stored_width;
    info.height = swaps_sides(info.orientation) ? info.stored_width : info.stored_height;
}

// The stored pixel shown at (x, y) of a picture shown `width` x `height` (EXIF orientation).
void stored_position(int orientation, int x, int y, int width, int height, int& sx, int& sy) {
    // The stored picture is width x height when the sides are not swapped, else height x width.
    const int w = swaps_sides(orientation) ? height : width, h = swaps_sides(orientation) ? width : height;
    switch (orientation) {
        case 2: sx = w - 1 - x, sy = y; break;
        case 3: sx = w - 1 - x, sy = h - 1 - y; break;
        case 4: sx = x, sy = h - 1 - y; break;
        case 5: sx = y, sy = x; break;
        case 6: sx = y, sy = h - 1 - x; break;
        case 7: sx = w - 1 - y, sy = h - 1 - x; break;
        case 8: sx = w - 1 - y, sy = x; break;
        default: sx = x, sy = y; break;
    }
}

Image orient(Image stored, int orientation) {
    if (orientation <= 1 || orientation > 8) return stored;
    Image shown;
    shown.width = swaps_sides(orientation) ? stored.height : stored.width;
    shown.height = swaps_sides(orientation) ? stored.width : stored.height;
    shown.rgba.resize(stored.rgba.size());
    for (int y = 0; y < shown.height; ++y)
        for (int x = 0; x < shown.width; ++x) {
            int sx = 0, sy = 0;
            stored_position(orientation, x, y, shown.width, shown.height, sx, sy);
            std::memcpy(&shown.rgba[(static_cast<size_t>(y) * shown.width + x) * 4],
                        &stored.rgba[(static_cast<size_t>(sy) * stored.width + sx) * 4], 4);
        }
    return shown;
}

// Scales `in` (stored orientation) to `target` with a good downscaling filter (Mitchell, in
// linear light), then orients it. Returns false when out of memory.
bool finish(Image& in, Size target_stored, int orientation, DecodeResult& out, std::size_t held) {
    Image scaled;
    if (target_stored.width == in.width && target_stored.height == in.height) {
        scaled = std::move(in);
    } else {
        scaled.width = target_stored.width;
        scaled.height = target_stored.height;
        scaled.rgba.resize(static_cast<size_t>(scaled.width) * scaled.height * 4);
        out.peak_bytes = std::max(out.peak_bytes, held + scaled.rgba.size());
        const int ok = stbir_resize_uint8_generic(in.rgba.data(), in.width, in.height, in.width * 4, scaled.rgba.data(),
                                                  scaled.width, scaled.height, scaled.width * 4, 4, 3, 0,
                                                  STBIR_EDGE_CLAMP, STBIR_FILTER_DEFAULT, STBIR_COLORSPACE_SRGB, nullptr);
        in = Image{};
        if (!ok) return false;
    }
    if (orientation > 1) out.peak_bytes = std::max(out.peak_bytes, scaled.rgba.size() * 2);
    out.image = orient(std::move(scaled), orientation);
    return true;
}

// The result's size in the stored orientation.
Size target_for(const Info& info, const DecodeParams& params) {
    const Size shown = fit_inside(info.width, info.height, params.max_width, params.max_height, params.limits.max_side);
    return swaps_sides(info.orientation) ? Size{shown.height, shown.width} : shown;
}

// [SECTION] JPEG (libjpeg-turbo, libexif) ----------------------------------------------------

struct JpegError {
    jpeg_error_mgr mgr{};
    std::jmp_buf jump{};
    char message[JMSG_LENGTH_MAX] = {};
};

void jpeg_fail(j_common_ptr cinfo) {
    auto* error = reinterpret_cast<JpegError*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, error->message);
    std::longjmp(error->jump, 1);
}

// Warnings (a truncated file padded with grey, corrupt data skipped) are counted, not printed.
void jpeg_note(j_common_ptr cinfo, int level) {
    if (level < 0) {
        auto* error = reinterpret_cast<JpegError*>(cinfo->err);
        if (cinfo->err->num_warnings++ == 0) (*cinfo->err->format_message)(cinfo, error->message);
    }
}

// The orientation of the first APP1 Exif marker; none: 1, no problem.
Orientation jpeg_orientation(j_decompress_ptr cinfo) {
    for (jpeg_saved_marker_ptr marker = cinfo->marker_list; marker != nullptr; marker = marker->next) {
        if (marker->marker != JPEG_APP0 + 1 || marker->data_length < 6 || std::memcmp(marker->data, "Exif\0\0", 6) != 0)
            continue;
        return orientation_from_exif(marker->data, marker->data_length);
    }
    return {};
}

// The CMYK a JPEG stores, as RGB. Adobe's files (the usual source) store it inverted.
void cmyk_to_rgba(const uint8_t* cmyk, uint8_t* rgba, int width, bool inverted) {
    for (int x = 0; x < width; ++x) {
        int c = cmyk[x * 4], m = cmyk[x * 4 + 1], y = cmyk[x * 4 + 2], k = cmyk[x * 4 + 3];
        if (!inverted) c = 255 - c, m = 255 - m, y = 255 - y, k = 255 - k;
        rgba[x * 4] = static_cast<uint8_t>(c * k / 255);
        rgba[x * 4 + 1] = static_cast<uint8_t>(m * k / 255);
        rgba[x * 4 + 2] = static_cast<uint8_t>(y * k / 255);
        rgba[x * 4 + 3] = 255;
    }
}

// `params` null: the header only. Everything that must outlive a longjmp is declared before it.
void read_jpeg(const Input& input, const DecodeParams& params, bool header_only, DecodeResult& out) {
    jpeg_decompress_struct cinfo{};
    JpegError error;
    cinfo.err = jpeg_std_error(&error.mgr);
    error.mgr.error_exit = jpeg_fail;
    error.mgr.emit_message = jpeg_note;
    Image stored;
    std::vector<uint8_t> row;
    if (setjmp(error.jump) != 0) {
        jpeg_destroy_decompress(&cinfo);
        const std::string what = error.message;
        if (what.find("nsufficient memory") != std::string::npos || what.find("acking store") != std::string::npos ||
            what.find("Maximum supported image dimension") != std::string::npos)
            out.error = fail(FaultCode::ImageTooLarge, "decoding the picture would need more memory than the kiosk "
                                                       "allows (" + std::to_string(params.limits.decode_peak_bytes >> 20) +
                                                       " MiB); save it smaller or as a baseline JPEG (" + what + ")");
        else
            out.error = fail(FaultCode::ImageCorrupt, "the JPEG is damaged or truncated (" + what + ")");
        out.image = Image{};
        return;
    }
    jpeg_create_decompress(&cinfo);
    if (input.file != nullptr) jpeg_stdio_src(&cinfo, input.file);
    else jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(input.bytes.data()), static_cast<unsigned long>(input.bytes.size()));
    jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);

    Info& info = out.info;
    info.format = Format::Jpeg;
    info.stored_width = static_cast<int>(cinfo.image_width);
    info.stored_height = static_cast<int>(cinfo.image_height);
    info.progressive = jpeg_has_multiple_scans(&cinfo);
    info.components = cinfo.num_components;
    take_orientation(info, jpeg_orientation(&cinfo));
    out.error = check_declared(info.stored_width, info.stored_height, params.limits);
    if (!out.error.ok() || header_only) {
        jpeg_destroy_decompress(&cinfo);
        return;
    }

    // The largest DCT reduction that still gives at least the target size: the decoder then
    // never makes the full-size picture.
    const Size target = target_for(info, params);
    cinfo.scale_num = 1;
    for (int denom : {8, 4, 2, 1}) {
        cinfo.scale_denom = static_cast<unsigned>(denom);
        jpeg_calc_output_dimensions(&cinfo);
        if (static_cast<int>(cinfo.output_width) >= target.width && static_cast<int>(cinfo.output_height) >= target.height)
            break;
    }
    out.dct_scale_denom = static_cast<int>(cinfo.scale_denom);
    const bool cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGBA;
    jpeg_calc_output_dimensions(&cinfo);

    // The kiosk's buffers: the decoded picture, one CMYK row, the scaled result.
    const std::size_t decoded = static_cast<std::size_t>(cinfo.output_width) * cinfo.output_height * 4;
    const std::size_t ours = decoded + static_cast<std::size_t>(target.width) * target.height * 4 + cinfo.output_width * 4;
    if (ours >= params.limits.decode_peak_bytes) {
        jpeg_destroy_decompress(&cinfo);
        out.error = fail(FaultCode::ImageTooLarge, "decoding the picture would need " + std::to_string(ours >> 20) +
                                                       " MiB, more than the kiosk allows (" +
                                                       std::to_string(params.limits.decode_peak_bytes >> 20) + " MiB)");
        return;
    }
    // libjpeg's own working memory gets the rest of the budget; without a backing store, more
    // (a huge progressive JPEG's coefficients) is an error, not a swap file.
    cinfo.mem->max_memory_to_use = static_cast<long>(params.limits.decode_peak_bytes - ours);

    jpeg_start_decompress(&cinfo);
    stored.width = static_cast<int>(cinfo.output_width);
    stored.height = static_cast<int>(cinfo.output_height);
    stored.rgba.resize(decoded);
    if (cmyk) row.resize(static_cast<std::size_t>(stored.width) * 4);
    out.peak_bytes = decoded + row.size();
    while (cinfo.output_scanline < cinfo.output_height) {
        uint8_t* dest = &stored.rgba[static_cast<std::size_t>(cinfo.output_scanline) * stored.width * 4];
        JSAMPROW rows[1] = {cmyk ? row.data() : dest};
        if (jpeg_read_scanlines(&cinfo, rows, 1) != 1) break;
        if (cmyk) cmyk_to_rgba(row.data(), dest, stored.width, cinfo.saw_Adobe_marker);
    }
    jpeg_finish_decompress(&cinfo);
    const bool warned = cinfo.err->num_warnings > 0;
    jpeg_destroy_decompress(&cinfo);
    if (warned) {
        out.error = fail(FaultCode::ImageCorrupt, std::string("the JPEG is damaged or truncated (") + error.message + ")");
        return;
    }
    row = {};
    if (!finish(stored, target, info.orientation, out, decoded))
        out.error = fail(FaultCode::ImageTooLarge, "the picture could not be scaled (out of memory)");
}

// [SECTION] PNG (libpng, libexif) ------------------------------------------------------------

struct PngState {
    Input input;
    std::size_t offset = 0;            // into input.bytes
    std::string message;               // the first error or warning: the picture is damaged
    std::string exif_warning;          // the first warning about an eXIf chunk: only its orientation is lost
};

void png_fail(png_structp png, png_const_charp message) {
    auto* state = static_cast<PngState*>(png_get_error_ptr(png));
    state->message = message != nullptr ? message : "";
    png_longjmp(png, 1);
}

// Warnings (an ancillary chunk with a bad checksum is one) make the picture corrupt too, except
// libpng's complaints about an eXIf chunk's contents ("eXIf: too short", "eXIf: incorrect
// byte-order specifier", "eXIf: duplicate"): the pixels are whole, only the orientation is lost.
// A bad checksum on an eXIf chunk is an error (png_chunk_error), so damaged bytes still fail.
void png_note(png_structp png, png_const_charp message) {
    auto* state = static_cast<PngState*>(png_get_error_ptr(png));
    const std::string what = message != nullptr ? message : "warning";
    std::string& into = what.rfind("eXIf: ", 0) == 0 ? state->exif_warning : state->message;
    if (into.empty()) into = what;
}

// The orientation of a PNG's eXIf chunk, read by png_read_info (before the first IDAT). The
// chunk holds the TIFF data alone; libexif wants a JPEG APP1's "Exif\0\0" in front of it.
Orientation png_orientation(png_structp png, png_infop info_ptr, const PngState& state) {
    png_bytep exif = nullptr;
    png_uint_32 size = 0;
    if (png_get_eXIf_1(png, info_ptr, &size, &exif) != 0 && exif != nullptr && size > 0) {
        std::vector<uint8_t> block(6 + static_cast<std::size_t>(size));
        std::memcpy(block.data(), "Exif\0\0", 6);
        std::memcpy(block.data() + 6, exif, size);
        return orientation_from_exif(block.data(), block.size());
    }
    Orientation out;
    if (!state.exif_warning.empty())
        out.problem = "its EXIF chunk (eXIf), which may say which way up it goes, is damaged (" + state.exif_warning + ")" + kShownAsStored;
    return out;
}

void png_read(png_structp png, png_bytep data, png_size_t length) {
    auto* state = static_cast<PngState*>(png_get_io_ptr(png));
    std::size_t got = 0;
    if (state->input.file != nullptr) {
        got = std::fread(data, 1, length, state->input.file);
    } else {
        got = std::min(length, state->input.bytes.size() - state->offset);
        std::memcpy(data, state->input.bytes.data() + state->offset, got);
        state->offset += got;
    }
    if (got != length) png_error(png, "the file ends early");
}

void read_png(const Input& input, const DecodeParams& params, bool header_only, DecodeResult& out) {
    PngState state;
    state.input = input;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &state, png_fail, png_note);
    if (png == nullptr) {
        out.error = fail(FaultCode::ImageTooLarge, "the PNG reader could not start (out of memory)");
        return;
    }
    png_infop info_ptr = png_create_info_struct(png);
    png_infop end_info = png_create_info_struct(png);  // chunks after the pixels, kept apart
    Image stored;
    std::vector<png_bytep> rows;
    if (setjmp(png_jmpbuf(png)) != 0) {
        png_destroy_read_struct(&png, &info_ptr, &end_info);
        const bool limit = state.message.find("exceeds user limit") != std::string::npos ||
                           state.message.find("too large") != std::string::npos ||
                           state.message.find("Out of memory") != std::string::npos;
        out.error = limit ? fail(FaultCode::ImageTooLarge, "the PNG is larger than the kiosk decodes (" + state.message + ")")
                          : fail(FaultCode::ImageCorrupt, "the PNG is damaged or truncated (" + state.message + ")");
        out.image = Image{};
        return;
    }
    if (info_ptr == nullptr || end_info == nullptr) png_error(png, "Out of memory");
    png_set_read_fn(png, &state, png_read);
    // Checksums are checked on every chunk: a bad one is an error, not a skipped chunk.
    png_set_crc_action(png, PNG_CRC_ERROR_QUIT, PNG_CRC_ERROR_QUIT);
    png_set_chunk_malloc_max(png, 8u << 20);  // text and profile chunks: a picture needs no more
    png_read_info(png, info_ptr);

    Info& info = out.info;
    info.format = Format::Png;
    info.stored_width = static_cast<int>(png_get_image_width(png, info_ptr));
    info.stored_height = static_cast<int>(png_get_image_height(png, info_ptr));
    info.components = png_get_channels(png, info_ptr);
    info.progressive = png_get_interlace_type(png, info_ptr) != PNG_INTERLACE_NONE;
    take_orientation(info, png_orientation(png, info_ptr, state));
    const bool exif_before_pixels = png_get_valid(png, info_ptr, PNG_INFO_eXIf) != 0 || !state.exif_warning.empty();
    out.error = check_declared(info.stored_width, info.stored_height, params.limits);
    if (!out.error.ok() || header_only) {
        png_destroy_read_struct(&png, &info_ptr, &end_info);
        return;
    }
    const Size target = target_for(info, params);
    const std::size_t decoded = static_cast<std::size_t>(info.stored_width) * info.stored_height * 4;
    const std::size_t needed = decoded + static_cast<std::size_t>(target.width) * target.height * 4;
    if (needed >= params.limits.decode_peak_bytes) {
        png_destroy_read_struct(&png, &info_ptr, &end_info);
        out.error = fail(FaultCode::ImageTooLarge, "decoding the PNG would need " + std::to_string(needed >> 20) +
                                                       " MiB, more than the kiosk allows (" +
                                                       std::to_string(params.limits.decode_peak_bytes >> 20) +
                                                       " MiB); save it smaller, or as JPEG");
        return;
    }
    // Everything to 8-bit RGBA: palettes and low bit depths expanded, transparency to alpha,
    // 16 bits scaled (not cut) to 8, grey to RGB, opaque pictures given an opaque alpha.
    png_set_expand(png);
    png_set_scale_16(png);
    png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info_ptr);
    if (png_get_rowbytes(png, info_ptr) != static_cast<std::size_t>(info.stored_width) * 4)
        png_error(png, "unexpected row size");
    stored.width = info.stored_width;
    stored.height = info.stored_height;
    stored.rgba.resize(decoded);
    rows.resize(static_cast<std::size_t>(stored.height));
    for (int y = 0; y < stored.height; ++y) rows[static_cast<std::size_t>(y)] = &stored.rgba[static_cast<std::size_t>(y) * stored.width * 4];
    out.peak_bytes = decoded;
    png_read_image(png, rows.data());
    // Text chunks after the pixels are skipped (their checksums still checked): end_info would
    // otherwise keep each one, up to the chunk cache's limit, for nothing.
    static const png_byte kSkippedAfterPixels[] = "tEXt\0zTXt\0iTXt";
    png_set_keep_unknown_chunks(png, PNG_HANDLE_CHUNK_NEVER, kSkippedAfterPixels, 3);
    png_read_end(png, end_info);  // the last chunks' checksums and IEND: a cut file fails here
    // An eXIf chunk after the pixels is not applied, as browsers do not apply it (CSSWG issue
    // 4929) and PNG's third edition requires eXIf before IDAT: loading a bundle reads headers
    // only (up to the first IDAT) and sizes the picture's place from them, so turning it here
    // would make the screen disagree with the layout and --check. Only --check, which decodes,
    // says so.
    if (!exif_before_pixels && (png_get_valid(png, end_info, PNG_INFO_eXIf) != 0 || !state.exif_warning.empty()))
        info.orientation_problem = std::string("its EXIF chunk (eXIf), which may say which way up it goes, comes after "
                                               "the pixels, where PNG no longer allows it and browsers ignore it") +
                                   kShownAsStored;
    png_destroy_read_struct(&png, &info_ptr, &end_info);
    rows = {};
    if (!state.message.empty()) {
        out.error = fail(FaultCode::ImageCorrupt, "the PNG is damaged (" + state.message + ")");
        return;
    }
    if (!finish(stored, target, info.orientation, out, decoded))
        out.error = fail(FaultCode::ImageTooLarge, "the picture could not be scaled (out of memory)");
}

// [SECTION] Entry points ---------------------------------------------------------------------

DecodeResult read_any(const Input& input, std::string_view head, const DecodeParams& params, bool header_only) {
    DecodeResult out;
    const Format format = sniff(head);
    out.info.format = format;
    try {
        if (format == Format::Jpeg) read_jpeg(input, params, header_only, out);
        else if (format == Format::Png) read_png(input, params, header_only, out);
        else out.error = refuse_format(format);
    } catch (const std::bad_alloc&) {
        out.image = Image{};
        out.error = fail(FaultCode::ImageTooLarge, "the picture could not be decoded (out of memory)");
    }
    return out;
}

DecodeResult read_path(const std::string& path, const DecodeParams& params, bool header_only) {
    DecodeResult out;
    std::error_code ec;
    const uint64_t size = std::filesystem::file_size(path, ec);
    if (ec) {
        out.error = fail(FaultCode::FileUnreadable, "the picture cannot be read (" + ec.message() + ")");
        return out;
    }
    if (size > params.limits.max_file_bytes) {
        out.error = fail(FaultCode::ImageTooLarge, "the picture's file is " + std::to_string(size >> 20) +
                                                       " MiB, more than the kiosk reads (" +
                                                       std::to_string(params.limits.max_file_bytes >> 20) +
                                                       " MiB); save it smaller");
        return out;
    }
    FilePtr file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        out.error = fail(FaultCode::FileUnreadable, "the picture cannot be opened (check its permissions)");
        return out;
    }
    char head[16] = {};
    const std::size_t got = std::fread(head, 1, sizeof head, file.get());
    std::rewind(file.get());
    return read_any(Input{file.get(), {}}, std::string_view(head, got), params, header_only);
}

}  // namespace

std::string_view format_name(Format format) {
    switch (format) {
        case Format::Jpeg: return "JPEG";
        case Format::Png: return "PNG";
        case Format::Gif: return "GIF";
        case Format::WebP: return "WebP";
        case Format::Bmp: return "BMP";
        case Format::Tiff: return "TIFF";
        case Format::Heif: return "HEIF/HEIC";
        case Format::Avif: return "AVIF";
        case Format::Unknown: break;
    }
    return "unknown";
}

Format sniff(std::string_view h) {
    const auto at = [&](std::size_t offset, std::string_view magic) { return h.size() >= offset + magic.size() && h.substr(offset, magic.size()) == magic; };
    if (at(0, "\xFF\xD8\xFF")) return Format::Jpeg;
    if (at(0, "\x89PNG\r\n\x1A\n")) return Format::Png;
    if (at(0, "GIF87a") || at(0, "GIF89a")) return Format::Gif;
    if (at(0, "RIFF") && at(8, "WEBP")) return Format::WebP;
    if (at(0, "BM")) return Format::Bmp;
    if (at(0, std::string_view("II*\0", 4)) || at(0, std::string_view("MM\0*", 4))) return Format::Tiff;
    if (at(4, "ftypavif") || at(4, "ftypavis")) return Format::Avif;
    if (at(4, "ftyp")) return Format::Heif;
    return Format::Unknown;
}

Size fit_inside(int width, int height, int max_width, int max_height, int max_side) {
    if (width <= 0 || height <= 0) return {1, 1};
    const double box_w = std::max(1, std::min(max_width, max_side)), box_h = std::max(1, std::min(max_height, max_side));
    const double scale = std::min({1.0, box_w / width, box_h / height});
    return {std::max(1, static_cast<int>(width * scale + 0.5)), std::max(1, static_cast<int>(height * scale + 0.5))};
}

ProbeResult probe_file(const std::string& path, const Limits& limits) {
    DecodeParams params;
    params.limits = limits;
    DecodeResult read = read_path(path, params, true);
    return {read.info, std::move(read.error)};
}

ProbeResult probe_bytes(std::string_view bytes, const Limits& limits) {
    DecodeParams params;
    params.limits = limits;
    if (bytes.size() > limits.max_file_bytes) return {{}, fail(FaultCode::ImageTooLarge, "the picture's file is larger than the kiosk reads")};
    DecodeResult read = read_any(Input{nullptr, bytes}, bytes.substr(0, 16), params, true);
    return {read.info, std::move(read.error)};
}

DecodeResult decode_file(const std::string& path, const DecodeParams& params) { return read_path(path, params, false); }

DecodeResult decode_bytes(std::string_view bytes, const DecodeParams& params) {
    if (bytes.size() > params.limits.max_file_bytes) {
        DecodeResult out;
        out.error = fail(FaultCode::ImageTooLarge, "the picture's file is larger than the kiosk reads");
        return out;
    }
    return read_any(Input{nullptr, bytes}, bytes.substr(0, 16), params, false);
}

}  // namespace kiosk::image
