// png_diff A.png B.png: prints how far two renderings of the same frame differ and exits 0 when
// they match within the tolerance of tests/support/image_diff.h, 1 when not, 2 on bad usage or an
// unreadable file. Used by the shell tests (arm64 under qemu, the kiosk inside cage).
// png_diff --ink A.png: prints the share of pixels that differ from the page's background (the
// top-left pixel) and exits 0 when there is something to read (at least 1%), 1 for a blank frame.
// Used by deploy/ci/fresh.sh on the run command's preview.
#include <cstdio>
#include <cstring>
#include <string>

#include "support/image_diff.h"

namespace {

constexpr double kMinInk = 0.01;  // the article's first screen has ~5% ink; a blank or flat frame has 0

int report_ink(const char* path) {
    const kiosk::test::RgbaImage image = kiosk::test::load_png_rgba(path);
    if (image.empty()) {
        std::fprintf(stderr, "png_diff: cannot read %s\n", path);
        return 2;
    }
    kiosk::test::RgbaImage background = image;
    for (size_t i = 0; i < background.rgba.size(); i += 4) std::memcpy(&background.rgba[i], image.rgba.data(), 4);
    const kiosk::test::ImageDiff diff = kiosk::test::diff_images(image, background);
    const bool inked = diff.fraction_over >= kMinInk;
    std::printf("png_diff: %dx%d, %.2f%% of pixels differ from the background: %s\n", image.width, image.height,
                diff.fraction_over * 100.0, inked ? "not blank" : "BLANK");
    return inked ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "--ink") == 0) return report_ink(argv[2]);
    if (argc != 3) {
        std::fprintf(stderr, "usage: png_diff A.png B.png | png_diff --ink A.png\n");
        return 2;
    }
    const kiosk::test::RgbaImage a = kiosk::test::load_png_rgba(argv[1]);
    const kiosk::test::RgbaImage b = kiosk::test::load_png_rgba(argv[2]);
    if (a.empty() || b.empty()) {
        std::fprintf(stderr, "png_diff: cannot read %s\n", a.empty() ? argv[1] : argv[2]);
        return 2;
    }
    const kiosk::test::ImageDiff diff = kiosk::test::diff_images(a, b);
    if (!diff.same_size) {
        std::printf("png_diff: sizes differ: %dx%d vs %dx%d\n", a.width, a.height, b.width, b.height);
        return 1;
    }
    const bool same = kiosk::test::same_frame(diff);
    std::printf("png_diff: max channel difference %d, %ld pixels (%.3f%%) differ by more than noise: %s\n",
                diff.max_channel, diff.pixels_over, diff.fraction_over * 100.0, same ? "same frame" : "DIFFERENT");
    return same ? 0 : 1;
}
