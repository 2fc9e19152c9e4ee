// Golden images: every view at 1080x1920 and 800x480, the memorial while it counts and a citation
// card, compared with the committed pictures in tests/data/golden/ with a small tolerance (Mesa's
// llvmpipe renders deterministically here, but drivers and font rasterisers may move a pixel).
//
// To accept new pictures after an intended change, run deploy/update-goldens.sh (it sets
// KIOSK_UPDATE_GOLDENS=1, under which these tests write the goldens instead of comparing), then
// LOOK at every changed picture before committing it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "app/app.h"
#include "content/bundle.h"
#include "layout/touch_targets.h"
#include "platform/platform.h"
#include "test_support.h"

using namespace kiosk;

namespace {

const std::string kGoldenDir = std::string(KIOSK_TEST_DATA) + "/golden";

struct Tolerance {
    int channel = 40;                  // a pixel differs when a channel moves by more than this (of 255)
    double max_fraction = 0.002;       // and at most this share of the pixels may differ
};

bool updating() {
    const char* flag = std::getenv("KIOSK_UPDATE_GOLDENS");
    return flag != nullptr && std::string(flag) == "1";
}

// Compares `actual` with the golden `name`.png, or writes it there when updating.
void check_golden(const test::Image& actual, const std::string& name, const Tolerance& tolerance = {}) {
    const std::string golden_path = kGoldenDir + "/" + name + ".png";
    INFO("golden " << golden_path);
    REQUIRE(actual.width > 0);
    std::string error;
    if (updating()) {
        std::filesystem::create_directories(kGoldenDir);
        REQUIRE(platform::write_png(golden_path, actual, &error));
        WARN("wrote " << golden_path << ": look at it before committing");
        return;
    }
    const test::Image golden = test::load_png(golden_path);
    REQUIRE(golden.width == actual.width);
    REQUIRE(golden.height == actual.height);
    size_t differing = 0;
    int largest = 0;
    platform::Pixels diff = actual;  // a copy, painted below
    for (size_t i = 0; i < actual.rgba.size(); i += 4) {
        int worst = 0;
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(actual.rgba[i + c]) - int(golden.rgba[i + c])));
        largest = std::max(largest, worst);
        const bool differs = worst > tolerance.channel;
        differing += differs;
        // The diff picture: differing pixels in red over a faded copy of the actual frame.
        for (int c = 0; c < 3; ++c) diff.rgba[i + c] = differs ? (c == 0 ? 255 : 0) : actual.rgba[i + c] / 4;
    }
    const double fraction = static_cast<double>(differing) / (static_cast<double>(actual.width) * actual.height);
    if (fraction > tolerance.max_fraction) {
        const std::string actual_path = test::temp_path(name + "-actual.png"), diff_path = test::temp_path(name + "-diff.png");
        platform::write_png(actual_path, actual, &error);
        platform::write_png(diff_path, diff, &error);
        FAIL_CHECK(differing << " pixels (" << fraction * 100.0 << "%) differ by more than " << tolerance.channel
                             << "; largest difference " << largest << ". Actual: " << actual_path << ", diff: " << diff_path
                             << ". If the change is intended: deploy/update-goldens.sh");
    }
}

test::Image screenshot(const std::string& name, const std::string& args) {
    const std::string png = test::temp_path(name + ".png");
    std::string output;
    INFO(output);
    REQUIRE(test::run_kiosk(args + " --screenshot " + png, &output) == 0);
    test::Image image = test::load_png(png);
    std::filesystem::remove(png);
    return image;
}

}  // namespace

TEST_CASE("golden: each view at 1080x1920 and 800x480", "[golden][render][e2e]") {
    for (const char* view : {"article", "memorial", "sources"})
        for (const char* size : {"1080x1920", "800x480"}) {
            const std::string name = std::string(view) + "-" + size;
            SECTION(name) { check_golden(screenshot(name, std::string("--view ") + view + " --size " + size), name); }
        }
}

TEST_CASE("golden: the memorial while it counts", "[golden][render][e2e]") {
    check_golden(screenshot("memorial-counting", "--view memorial --size 800x480 --time 1.8"), "memorial-counting-800x480");
}

TEST_CASE("golden: a citation card over the article", "[golden][render]") {
    content::LoadResult loaded = content::load_builtin_bundle();
    REQUIRE(loaded.usable);
    app::App app(loaded.bundle);
    app.scroll_to(420.0f, 0.0);
    app.open_card(2, 0.0);
    check_golden(test::Image(test::render_app(app, 800, 480, {0.0, 0.0})), "card-800x480");
}
