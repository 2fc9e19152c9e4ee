// Writes the test pictures of tests/support/image_fixtures.h into a folder: the seed corpus of
// the image fuzzer (deploy/ci/fuzz.sh) and pictures for a curator's trial bundle. Generated
// patterns only.  Usage: image_fixture DIR
#include <cstdio>
#include <string>

#include "support/image_fixtures.h"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: image_fixture DIR\n");
        return 2;
    }
    using namespace kiosk::testing;
    const std::string dir = argv[1];
    try {
        for (int orientation = 1; orientation <= 8; ++orientation) {
            JpegFixture f;
            f.width = 48, f.height = 32, f.orientation = orientation;
            write_file(dir + "/orientation-" + std::to_string(orientation) + ".jpg", make_jpeg(f));
        }
        JpegFixture grey{40, 24};
        grey.grey = true;
        write_file(dir + "/grey.jpg", make_jpeg(grey));
        JpegFixture cmyk{40, 24};
        cmyk.cmyk = true;
        write_file(dir + "/cmyk.jpg", make_jpeg(cmyk));
        JpegFixture progressive{40, 24};
        progressive.progressive = true;
        write_file(dir + "/progressive.jpg", make_jpeg(progressive));
        write_file(dir + "/alpha.png", make_png({32, 24, true}));
        write_file(dir + "/palette.png", make_png({32, 24, false, true}));
        write_file(dir + "/sixteen.png", make_png({32, 24, true, false, true}));
        write_file(dir + "/grey.png", make_png({32, 24, false, false, false, true}));
        // PNG orientation: an eXIf chunk before the pixels, one after them, and a damaged one.
        PngFixture turned{32, 24};
        turned.orientation = 6;
        write_file(dir + "/orientation-6.png", make_png(turned));
        turned.exif_after_pixels = true;
        write_file(dir + "/exif-after-pixels.png", make_png(turned));
        PngFixture damaged{32, 24};
        damaged.raw_exif = exif_block(6).substr(6, 16);  // cut inside IFD 0
        write_file(dir + "/exif-damaged.png", make_png(damaged));
    } catch (const std::exception& error) {
        std::fprintf(stderr, "image_fixture: %s\n", error.what());
        return 1;
    }
    return 0;
}
