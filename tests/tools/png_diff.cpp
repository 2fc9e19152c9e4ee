// png_diff A.png B.png: prints how far two renderings of the same frame differ and exits 0 when
// they match within the tolerance of tests/support/image_diff.h, 1 when not, 2 on bad usage or an
// unreadable file. Used by the shell tests (arm64 under qemu, the kiosk inside cage).
#include <cstdio>
#include <string>

#include "support/image_diff.h"

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: png_diff A.png B.png\n");
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
