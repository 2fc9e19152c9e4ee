// The image module (kiosk/image): JPEG and PNG decoding, orientation, scaling, and the limits
// that keep hostile files out. Every picture is generated here (tests/support/image_fixtures.h).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "image/bundle_path.h"
#include "image/image.h"
#include "support/image_fixtures.h"
#include "unit/test_support.h"
#include "unit/test_image_support.h"

using namespace kiosk;
using core::FaultCode;
namespace fs = std::filesystem;

namespace {

struct Seen {
    int r = 0, g = 0, b = 0, a = 0;
};
Seen pixel(const image::Image& img, int x, int y) {
    const uint8_t* p = &img.rgba[(static_cast<size_t>(y) * img.width + x) * 4];
    return {p[0], p[1], p[2], p[3]};
}

// Near the expected colour (JPEG is lossy; scaling blends only at the quadrants' edges).
bool near(const Seen& seen, testing::Rgb want, int tolerance = 40) {
    return std::abs(seen.r - want.r) <= tolerance && std::abs(seen.g - want.g) <= tolerance &&
           std::abs(seen.b - want.b) <= tolerance;
}

// The four quadrants' centres show the upright pattern.
void check_upright(const image::Image& img) {
    REQUIRE(img.width > 0);
    for (int qy = 0; qy < 2; ++qy)
        for (int qx = 0; qx < 2; ++qx) {
            const int x = img.width / 4 + qx * img.width / 2, y = img.height / 4 + qy * img.height / 2;
            INFO("quadrant " << qx << "," << qy);
            CHECK(near(pixel(img, x, y), testing::pattern_at(x, y, img.width, img.height)));
        }
}

}  // namespace

TEST_CASE("every EXIF orientation 1-8 is applied: the picture shows upright", "[image]") {
    for (int orientation = 1; orientation <= 8; ++orientation) {
        INFO("orientation " << orientation);
        testing::JpegFixture f;
        f.width = 96, f.height = 64, f.orientation = orientation;
        const std::string jpeg = testing::make_jpeg(f);
        const image::ProbeResult probe = image::probe_bytes(jpeg);
        REQUIRE(probe.error.ok());
        CHECK(probe.info.orientation == orientation);
        CHECK(probe.info.width == 96);
        CHECK(probe.info.height == 64);
        const image::DecodeResult decoded = image::decode_bytes(jpeg);
        REQUIRE(decoded.error.ok());
        CHECK(decoded.image.width == 96);
        CHECK(decoded.image.height == 64);
        check_upright(decoded.image);
    }
}

TEST_CASE("every eXIf orientation 1-8 in a PNG is applied: the same pixels as the upright PNG", "[image][exif]") {
    const image::DecodeResult upright = image::decode_bytes(testing::make_png({96, 64}));
    REQUIRE(upright.error.ok());
    for (int orientation = 1; orientation <= 8; ++orientation) {
        INFO("orientation " << orientation);
        testing::PngFixture f;
        f.width = 96, f.height = 64, f.orientation = orientation;
        const std::string png = testing::make_png(f);
        const image::ProbeResult probe = image::probe_bytes(png);
        REQUIRE(probe.error.ok());
        CHECK(probe.info.orientation == orientation);
        CHECK(probe.info.orientation_problem.empty());
        CHECK(probe.info.stored_width == (orientation >= 5 ? 64 : 96));
        CHECK(probe.info.width == 96);
        CHECK(probe.info.height == 64);
        const image::DecodeResult decoded = image::decode_bytes(png);
        REQUIRE(decoded.error.ok());
        CHECK(decoded.info.orientation == orientation);
        CHECK(decoded.image.width == 96);
        CHECK(decoded.image.height == 64);
        CHECK(decoded.image.rgba == upright.image.rgba);  // lossless: turned pixel for pixel
    }
}

TEST_CASE("a PNG with an eXIf orientation is scaled down in its stored orientation then turned", "[image][exif]") {
    {
        testing::PngFixture f;
        f.width = 400, f.height = 300, f.orientation = 6, f.palette = true;
        image::DecodeParams params;
        params.max_width = params.max_height = 200;
        const image::DecodeResult d = image::decode_bytes(testing::make_png(f), params);
        REQUIRE(d.error.ok());
        CHECK(d.image.width == 200);
        CHECK(d.image.height == 150);
        check_upright(d.image);
    }
}

TEST_CASE("a damaged EXIF orientation never fails the picture: shown as stored, with the reason", "[image][exif]") {
    // The stored pixels: the upright pattern, as each damaged fixture stores them.
    const image::DecodeResult stored = image::decode_bytes(testing::make_png({96, 64}));
    REQUIRE(stored.error.ok());
    const std::string tiff = testing::exif_block(6).substr(6);
    struct Case {
        std::string name;
        std::string exif;              // the eXIf chunk's data
    };
    const std::vector<Case> cases = {
        {"cut short inside IFD 0", tiff.substr(0, 16)},
        {"cut short after the TIFF header", tiff.substr(0, 8)},
        {"IFD 0 offset past the end", tiff.substr(0, 4) + std::string("\x7f\0\0\0", 4) + tiff.substr(8)},
        {"not TIFF at all", "IIhello, world"},
        {"an orientation of 9", testing::exif_block(9).substr(6)},
        {"a byte order libpng refuses", "XY" + tiff.substr(2)},
        {"one byte, too short for libpng", "I"},
        {"with a JPEG's Exif prefix, which eXIf must not have", testing::exif_block(6)},
    };
    for (const Case& c : cases) {
        SECTION(c.name) {
            testing::PngFixture f;
            f.width = 96, f.height = 64, f.raw_exif = c.exif;
            const std::string png = testing::make_png(f);
            const image::ProbeResult probe = image::probe_bytes(png);
            REQUIRE(probe.error.ok());
            CHECK(probe.info.orientation == 1);
            CHECK_FALSE(probe.info.orientation_problem.empty());
            const image::DecodeResult d = image::decode_bytes(png);
            INFO(d.error.message);
            REQUIRE(d.error.ok());
            CHECK(d.info.orientation == 1);
            CHECK(d.info.orientation_problem.find("shows as stored") != std::string::npos);
            CHECK(d.image.rgba == stored.image.rgba);
        }
    }
    SECTION("a JPEG's damaged APP1 Exif is told the same way") {
        testing::JpegFixture f;
        f.width = 96, f.height = 64, f.raw_exif = testing::exif_block(6).substr(0, 22);
        const image::DecodeResult d = image::decode_bytes(testing::make_jpeg(f));
        REQUIRE(d.error.ok());
        CHECK(d.info.orientation == 1);
        CHECK_FALSE(d.info.orientation_problem.empty());
        check_upright(d.image);
    }
    SECTION("EXIF without an orientation is no problem") {
        testing::PngFixture f;
        f.raw_exif = testing::exif_block(0).substr(6);
        const image::DecodeResult d = image::decode_bytes(testing::make_png(f));
        REQUIRE(d.error.ok());
        CHECK(d.info.orientation == 1);
        CHECK(d.info.orientation_problem.empty());
    }
    SECTION("an eXIf chunk with a bad checksum is damaged bytes: the picture is corrupt") {
        testing::PngFixture f;
        f.orientation = 6;
        const std::string png = testing::with_bad_png_crc(testing::make_png(f), "eXIf");
        CHECK(image::decode_bytes(png).error.code == FaultCode::ImageCorrupt);
    }
}

TEST_CASE("a PNG's eXIf after the pixels is not applied and the decode says so", "[image][exif]") {
    testing::PngFixture f;
    f.width = 96, f.height = 64, f.orientation = 6, f.exif_after_pixels = true;
    const std::string png = testing::make_png(f);
    REQUIRE(png.find("eXIf") > png.find("IDAT"));
    // The header (what loading and the layout read) sees none: the stored 64 x 96, upright.
    const image::ProbeResult probe = image::probe_bytes(png);
    REQUIRE(probe.error.ok());
    CHECK(probe.info.orientation == 1);
    CHECK(probe.info.width == 64);
    CHECK(probe.info.height == 96);
    CHECK(probe.info.orientation_problem.empty());
    // The decode shows the same, and tells --check why.
    const image::DecodeResult d = image::decode_bytes(png);
    REQUIRE(d.error.ok());
    CHECK(d.info.orientation == 1);
    CHECK(d.image.width == 64);
    CHECK(d.image.height == 96);
    CHECK(d.info.orientation_problem.find("after the pixels") != std::string::npos);
}

TEST_CASE("greyscale and CMYK and progressive JPEGs decode", "[image]") {
    SECTION("greyscale: grey RGB, opaque") {
        testing::JpegFixture f;
        f.grey = true;
        const image::DecodeResult d = image::decode_bytes(testing::make_jpeg(f));
        REQUIRE(d.error.ok());
        CHECK(d.info.components == 1);
        const Seen p = pixel(d.image, 4, 4);
        CHECK(p.r == p.g);
        CHECK(p.g == p.b);
        CHECK(p.a == 255);
    }
    SECTION("CMYK (Adobe, YCCK)") {
        testing::JpegFixture f;
        f.cmyk = true;
        const image::DecodeResult d = image::decode_bytes(testing::make_jpeg(f));
        REQUIRE(d.error.ok());
        CHECK(d.info.components == 4);
        check_upright(d.image);
    }
    SECTION("progressive") {
        testing::JpegFixture f;
        f.progressive = true, f.orientation = 6;
        const image::DecodeResult d = image::decode_bytes(testing::make_jpeg(f));
        REQUIRE(d.error.ok());
        CHECK(d.info.progressive);
        check_upright(d.image);
    }
}

TEST_CASE("a large JPEG is scaled down while decoding (DCT scaling) then filtered to the box", "[image]") {
    testing::JpegFixture f;
    f.width = 1600, f.height = 1200, f.orientation = 6;
    image::DecodeParams params;
    params.max_width = 300, params.max_height = 300;
    const image::DecodeResult d = image::decode_bytes(testing::make_jpeg(f), params);
    REQUIRE(d.error.ok());
    CHECK(d.image.width == 300);
    CHECK(d.image.height == 225);
    CHECK(d.dct_scale_denom == 4);  // 1200x1600 stored -> 300x400 decoded: never the full size
    // The full picture would have been 7.3 MB; the decode held the quarter and the result.
    CHECK(d.peak_bytes < 1600u * 1200u * 4u / 8u);
    check_upright(d.image);
}

TEST_CASE("PNGs with alpha or a palette or 16 bits or grey", "[image]") {
    SECTION("alpha is kept (straight)") {
        const image::DecodeResult d = image::decode_bytes(testing::make_png({64, 48, true}));
        REQUIRE(d.error.ok());
        CHECK(pixel(d.image, 8, 8).a == 255);
        CHECK(pixel(d.image, 56, 8).a == 128);
        CHECK(near(pixel(d.image, 56, 8), testing::pattern_at(56, 8, 64, 48), 2));
    }
    SECTION("palette") {
        const image::DecodeResult d = image::decode_bytes(testing::make_png({64, 48, false, true}));
        REQUIRE(d.error.ok());
        check_upright(d.image);
    }
    SECTION("16-bit") {
        const image::DecodeResult d = image::decode_bytes(testing::make_png({64, 48, true, false, true}));
        REQUIRE(d.error.ok());
        check_upright(d.image);
        CHECK(pixel(d.image, 56, 40).a == 128);
    }
    SECTION("grey") {
        const image::DecodeResult d = image::decode_bytes(testing::make_png({64, 48, false, false, false, true}));
        REQUIRE(d.error.ok());
        const Seen p = pixel(d.image, 4, 4);
        CHECK(p.r == p.b);
    }
}

TEST_CASE("hostile pictures are refused with their fault code before decoding", "[image]") {
    SECTION("a decompression bomb: a small PNG declaring 100000 x 100000") {
        const std::string bomb = testing::png_header_declaring(100000, 100000);
        CHECK(bomb.size() < 200);
        CHECK(image::probe_bytes(bomb).error.code == FaultCode::ImageTooLarge);
        const image::DecodeResult d = image::decode_bytes(bomb);
        CHECK(d.error.code == FaultCode::ImageTooLarge);
        CHECK(d.peak_bytes == 0);  // nothing was allocated for its pixels
    }
    SECTION("a JPEG declaring 60000 x 60000") {
        CHECK(image::decode_bytes(testing::jpeg_header_declaring(60000, 60000)).error.code == FaultCode::ImageTooLarge);
    }
    SECTION("a truncated JPEG (libjpeg would pad it with grey)") {
        std::string jpeg = testing::make_jpeg({256, 256});
        jpeg.resize(jpeg.size() / 2);
        const image::DecodeResult d = image::decode_bytes(jpeg);
        CHECK(d.error.code == FaultCode::ImageCorrupt);
        CHECK(d.image.rgba.empty());
    }
    SECTION("a PNG with a bad CRC") {
        CHECK(image::decode_bytes(testing::with_bad_png_crc(testing::make_png({}))).error.code == FaultCode::ImageCorrupt);
    }
    SECTION("a truncated PNG") {
        std::string png = testing::make_png({});
        png.resize(png.size() - 20);
        CHECK(image::decode_bytes(png).error.code == FaultCode::ImageCorrupt);
    }
    SECTION("GIF, WebP and others by their magic bytes") {
        CHECK(image::decode_bytes("GIF89a\x10\x00\x10\x00").error.code == FaultCode::ImageFormat);
        CHECK(image::sniff("GIF87a....") == image::Format::Gif);
        const std::string webp("RIFF\x24\x00\x00\x00WEBPVP8 ", 16);
        CHECK(image::sniff(webp) == image::Format::WebP);
        const image::DecodeResult d = image::decode_bytes(webp);
        CHECK(d.error.code == FaultCode::ImageFormat);
        CHECK(d.error.message.find("WebP") != std::string::npos);
        CHECK(image::decode_bytes("<html>not a picture</html>").error.code == FaultCode::ImageFormat);
        CHECK(image::decode_bytes("").error.code == FaultCode::ImageFormat);
    }
    SECTION("a progressive JPEG whose coefficients exceed the memory budget is stopped by libjpeg's limit") {
        testing::JpegFixture f;
        f.width = 1024, f.height = 1024, f.progressive = true;
        image::DecodeParams params;
        params.max_width = params.max_height = 64;
        params.limits.decode_peak_bytes = 1u << 20;  // 1024x1024 progressive needs 3 MB of coefficients
        CHECK(image::decode_bytes(testing::make_jpeg(f), params).error.code == FaultCode::ImageTooLarge);
        params.limits = {};
        CHECK(image::decode_bytes(testing::make_jpeg(f), params).error.ok());
    }
}

TEST_CASE("a 300 MB file is refused by its size unread and a 40 MB scan's size is accepted", "[image]") {
    const test::TempDir dir("image");
    const std::string big = dir.path() + "/huge.jpg";
    testing::write_file(big, testing::make_jpeg({}));
    fs::resize_file(big, 300ull << 20);  // sparse: costs no disk
    const image::DecodeResult d = image::decode_file(big);
    CHECK(d.error.code == FaultCode::ImageTooLarge);
    CHECK(d.error.message.find("300 MiB") != std::string::npos);
    fs::resize_file(big, 40ull << 20);
    // 40 MB passes the size limit; this one is a small JPEG followed by zeros, which libjpeg ignores after EOI.
    CHECK(image::probe_file(big).error.ok());
}

TEST_CASE("fit_inside keeps proportions and never enlarges or passes 2048", "[image]") {
    CHECK(image::fit_inside(4000, 3000, 1000, 5000, 2048).width == 1000);
    CHECK(image::fit_inside(4000, 3000, 1000, 5000, 2048).height == 750);
    CHECK(image::fit_inside(400, 300, 1000, 1000, 2048).width == 400);
    CHECK(image::fit_inside(10000, 100, 9000, 9000, 2048).width == 2048);
    CHECK(image::fit_inside(10000, 1, 100, 100, 2048).height == 1);
}

TEST_CASE("a picture's path must stay inside the bundle with links followed", "[image]") {
    const test::TempDir dir("image");
    const std::string root = dir.path() + "/bundle";
    fs::create_directories(root + "/photos");
    testing::write_file(root + "/photos/a.jpg", testing::make_jpeg({}));
    testing::write_file(dir.path() + "/outside.jpg", testing::make_jpeg({}));
    fs::create_symlink(dir.path() + "/outside.jpg", root + "/photos/out.jpg");
    fs::create_symlink("a.jpg", root + "/photos/in.jpg");

    CHECK(image::resolve_in_bundle(root, "photos/a.jpg").error.ok());
    CHECK(image::resolve_in_bundle(root, "photos/in.jpg").error.ok());
    CHECK(image::resolve_in_bundle(root, "photos/out.jpg").error.code == FaultCode::ImageOutsideBundle);
    CHECK(image::resolve_in_bundle(root, "../outside.jpg").error.code == FaultCode::ImageOutsideBundle);
    CHECK(image::resolve_in_bundle(root, dir.path() + "/outside.jpg").error.code == FaultCode::ImageOutsideBundle);
    CHECK(image::resolve_in_bundle(root, "https://example.org/a.jpg").error.code == FaultCode::ImageOutsideBundle);
    CHECK(image::resolve_in_bundle(root, "photos/none.jpg").error.code == FaultCode::FileMissing);
}
