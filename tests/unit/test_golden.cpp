// Golden images: every view at every panel size the kiosk is made for (800x480 to 3840x2160,
// portrait and landscape), the memorial while it counts, a citation card, a photograph full screen
// (English and Persian), the visitor's controls (accessibility panel, high contrast at the largest
// text, the "Still reading?" card, the attract loop) and the operator's screens, compared with the
// committed pictures in tests/data/golden/ with a small tolerance (Mesa's llvmpipe renders
// deterministically here, but drivers and font rasterisers may move a pixel). 3840x2160 pictures
// are kept at half size (each 2x2 block averaged), which still catches any change of layout, at a
// quarter of the bytes.
//
// To accept new pictures after an intended change, run deploy/update-goldens.sh (it sets
// KIOSK_UPDATE_GOLDENS=1, under which these tests write the goldens instead of comparing), then
// LOOK at every changed picture before committing it.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <imgui.h>
#include <string>

#include "app/app.h"
#include "check/validate.h"
#include "content/bundle.h"
#include "layout/touch_targets.h"
#include "platform/platform.h"
#include "test_support.h"
#include "test_image_support.h"

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

// Each 2x2 block of pixels averaged: a 3840x2160 frame kept as 1920x1080.
test::Image half_size(const test::Image& image) {
    test::Image half;
    half.width = image.width / 2;
    half.height = image.height / 2;
    half.rgba.resize(static_cast<size_t>(half.width) * half.height * 4);
    for (int y = 0; y < half.height; ++y)
        for (int x = 0; x < half.width; ++x)
            for (int c = 0; c < 4; ++c) {
                int sum = 0;
                for (int dy = 0; dy < 2; ++dy)
                    for (int dx = 0; dx < 2; ++dx)
                        sum += image.rgba[((static_cast<size_t>(2 * y + dy) * image.width) + 2 * x + dx) * 4 + c];
                half.rgba[(static_cast<size_t>(y) * half.width + x) * 4 + c] = static_cast<uint8_t>((sum + 2) / 4);
            }
    return half;
}

using test::touch;

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

TEST_CASE("golden: every view in Persian, set right to left by the text engine, the page mirrored", "[golden][render][e2e]") {
    const std::string bundle = std::string(KIOSK_TEST_DATA) + "/bundles/persian";
    for (const char* view : {"article", "memorial", "sources"})
        for (const char* size : {"1080x1920", "800x480"}) {
            const std::string name = std::string("persian-") + view + "-" + size;
            SECTION(name) {
                check_golden(screenshot(name, "--content " + bundle + " --view " + view + " --size " + size), name);
            }
        }
}

TEST_CASE("golden: a bundle in English and Persian, with the language switch along the bottom", "[golden][render][e2e]") {
    const std::string bundle = std::string(KIOSK_TEST_DATA) + "/bundles/bilingual";
    for (const char* language : {"en", "fa"})
        for (const char* view : {"article", "memorial", "sources"})
            for (const char* size : {"1080x1920", "800x480"}) {
                const std::string name = std::string("bilingual-") + language + "-" + view + "-" + size;
                SECTION(name) {
                    check_golden(screenshot(name, "--content " + bundle + " --language " + language + " --view " + view +
                                                      " --size " + size),
                                 name);
                }
            }
}

TEST_CASE("golden: Persian overlays: the Aa panel, the idle card, the attract loop, a citation card", "[golden][render]") {
    const content::LoadResult loaded = content::load_bundle_dir(std::string(KIOSK_TEST_DATA) + "/bundles/persian");
    REQUIRE(loaded.usable);
    for (const auto& [width, height] : {std::pair{800, 480}, std::pair{1080, 1920}}) {
        const std::string size = std::to_string(width) + "x" + std::to_string(height);
        app::App app(loaded.bundle);
        double t = 10.0;
        test::render_app(app, width, height, {t});
        touch(app, app.access_layout().button, t);
        touch(app, app.access_layout().larger, t);
        check_golden(test::Image(test::render_app(app, width, height, {t, t})), "persian-access-panel-" + size);
        touch(app, app.access_layout().done, t);
        t += 90.0 + 3.5;
        check_golden(test::Image(test::render_app(app, width, height, {t, t})), "persian-still-reading-" + size);
        t += 6.5 + 20.0 + 3.0;
        check_golden(test::Image(test::render_app(app, width, height, {t, t})), "persian-attract-" + size);
        app::App card(loaded.bundle);
        card.open_card(1, 0.0);
        check_golden(test::Image(test::render_app(card, width, height, {0.0, 0.0})), "persian-card-" + size);
    }
}

namespace {
// The three views at one panel size; a test case a size, so ctest runs the sizes side by side.
void check_views_at(const std::string& size) {
    for (const char* view : {"article", "memorial", "sources"}) {
        const std::string name = std::string(view) + "-" + size;
        SECTION(name) {
            test::Image image = screenshot(name, std::string("--view ") + view + " --size " + size);
            if (image.width >= 3840) check_golden(half_size(image), name + "-half");
            else check_golden(image, name);
        }
    }
}
}  // namespace

TEST_CASE("golden: each view at 1024x600", "[golden][render][e2e]") { check_views_at("1024x600"); }
TEST_CASE("golden: each view at 1280x800", "[golden][render][e2e]") { check_views_at("1280x800"); }
TEST_CASE("golden: each view at 720x1280", "[golden][render][e2e]") { check_views_at("720x1280"); }
TEST_CASE("golden: each view at 1920x1080", "[golden][render][e2e]") { check_views_at("1920x1080"); }
TEST_CASE("golden: each view at 3840x2160", "[golden][render][e2e]") { check_views_at("3840x2160"); }

TEST_CASE("golden: high contrast at the largest text size", "[golden][render][e2e]") {
    const std::string config = test::temp_path("high-contrast.toml");
    {
        std::FILE* file = std::fopen(config.c_str(), "wb");
        REQUIRE(file);
        std::fputs("[accessibility]\nhigh_contrast = true\ntext_size = 3\n", file);
        std::fclose(file);
    }
    for (const char* view : {"article", "memorial"}) {
        const std::string name = std::string("high-contrast-") + view + "-1080x1920";
        SECTION(name) { check_golden(screenshot(name, "--config " + config + " --view " + view + " --size 1080x1920"), name); }
    }
    SECTION("high-contrast-article-800x480") {
        check_golden(screenshot("hc-small", "--config " + config + " --size 800x480"), "high-contrast-article-800x480");
    }
}

TEST_CASE("golden: the accessibility panel, the idle card and the attract loop", "[golden][render]") {
    for (const auto& [width, height] : {std::pair{800, 480}, std::pair{1080, 1920}}) {
        const std::string size = std::to_string(width) + "x" + std::to_string(height);
        content::LoadResult loaded = content::load_builtin_bundle();
        REQUIRE(loaded.usable);
        app::App app(loaded.bundle);
        double t = 10.0;
        test::render_app(app, width, height, {t});
        touch(app, app.access_layout().button, t);
        touch(app, app.access_layout().larger, t);  // one step larger, shown by the dots
        check_golden(test::Image(test::render_app(app, width, height, {t, t})), "access-panel-" + size);
        touch(app, app.access_layout().done, t);
        t += 90.0 + 3.5;  // the card, 6.5 s left
        check_golden(test::Image(test::render_app(app, width, height, {t, t})), "still-reading-" + size);
        t += 6.5 + 20.0 + 3.0;  // reset, then the loop's second view (the memorial) 3 s in
        check_golden(test::Image(test::render_app(app, width, height, {t, t})), "attract-" + size);
    }
}

TEST_CASE("golden: the operator's PIN pad and facts", "[golden][render]") {
    content::LoadResult loaded = content::load_builtin_bundle();
    REQUIRE(loaded.usable);
    app::AppParams params;
    params.config.op.pin = "2468";
    app::App app(loaded.bundle, params);
    app.set_platform_facts({"llvmpipe (test)", "4.5 (test)", "assumed"});
    app.note_fault("settings: error BadSetting kiosk.toml:3:11: idle.quiet_s must be a number from 0 to 86400; "
                   "using the default 90");
    double t = 10.0;
    test::render_app(app, 800, 480, {t});
    touch(app, 3, 3, t, 2.5);
    touch(app, 797, 477, t, 2.5);
    REQUIRE(app.operator_screen(t) == app::OperatorScreen::Pin);
    touch(app, app.pin_pad_layout().keys[0], t);   // 1
    touch(app, app.pin_pad_layout().keys[11], t);  // OK: wrong
    touch(app, app.pin_pad_layout().keys[1], t);   // 2
    touch(app, app.pin_pad_layout().keys[3], t);   // 4
    check_golden(test::Image(test::render_app(app, 800, 480, {t, t})), "operator-pin-800x480");
    touch(app, app.pin_pad_layout().keys[5], t);   // 6
    touch(app, app.pin_pad_layout().keys[7], t);   // 8
    touch(app, app.pin_pad_layout().keys[11], t);  // OK
    REQUIRE(app.operator_screen(t) == app::OperatorScreen::Facts);
    check_golden(test::Image(test::render_app(app, 800, 480, {t, t})), "operator-facts-800x480");
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

namespace {

// Frames of `app` on one headless surface: one frame, the decodes it asked for, `act` (a tap),
// frames again until the pictures it needs are decoded; returns the last.
test::Image render_photos(app::App& app, int width, int height, const std::function<void(double&)>& act) {
    platform::SurfaceConfig config;
    config.headless = true;
    config.width = width, config.height = height;
    std::string error;
    auto surface = platform::open_surface(config, &error);
    if (!surface) return {};
    app.set_texture_uploader([&](int w, int h, const uint8_t* rgba, platform::TextureFilter filter, uintptr_t replace) {
        return surface->upload_texture(w, h, rgba, filter, replace);
    });
    double t = 0.0;
    const auto draw = [&] {
        surface->begin_frame();
        ImDrawData* data = app.frame({width, height, 96.0f}, t);
        if (app.take_fonts_changed()) surface->fonts_changed();
        const views::Rgb page = app.theme().background;
        surface->render(data, page.r, page.g, page.b);
    };
    draw();
    app.wait_for_photos();
    draw();
    if (act) act(t);
    draw();
    app.wait_for_photos();
    draw();
    test::Image image(surface->read_pixels());
    app.set_texture_uploader(nullptr);
    surface.reset();
    return image;
}

}  // namespace

TEST_CASE("golden: an article with photographs in English and Persian", "[golden][render][e2e][photos]") {
    for (bool persian : {false, true}) {
        const std::string bundle = test::make_photo_bundle(test::temp_path(persian ? "golden-photos-fa" : "golden-photos"), persian);
        for (const char* size : {"1080x1920", "800x480"}) {
            const std::string name = std::string(persian ? "persian-" : "") + "photos-article-" + size;
            // At 800x480 the first photograph is below the fold: scrolled to it.
            const std::string scroll = std::string(size) == "800x480" ? " --scroll 330" : "";
            SECTION(name) { check_golden(screenshot(name, "--content " + bundle + " --size " + size + scroll), name); }
        }
        std::filesystem::remove_all(bundle);
    }
}

TEST_CASE("golden: a photograph full screen and a damaged one's placeholder", "[golden][render][photos]") {
    const std::string bundle = test::make_photo_bundle(test::temp_path("golden-photos-app"), false, true);
    const std::string persian = test::make_photo_bundle(test::temp_path("golden-photos-app-fa"), true);
    for (const auto& [width, height] : {std::pair{1080, 1920}, std::pair{800, 480}}) {
        const std::string size = std::to_string(width) + "x" + std::to_string(height);
        // The first photograph opened full screen: its caption, credit and alt text, and its Close
        // (at the lower right, or the lower left in Persian).
        for (const bool in_persian : {false, true}) {
            SECTION(std::string(in_persian ? "Persian " : "") + "full screen " + size) {
                content::LoadResult loaded = check::load_and_validate_dir(in_persian ? persian : bundle);
                REQUIRE(loaded.usable);
                app::App app(std::move(loaded.bundle));
                const test::Image image = render_photos(app, width, height, [&](double& t) {
                    const layout::PlacedFigure first = app.article_layout().figures.at(0);
                    app.scroll_to(first.y, t);
                    test::touch(app, app.article_origin_x() + first.x + first.width / 2,
                                app.article_origin_y(t) + first.y + first.height / 2, t);
                });
                CHECK(app.open_photo_block() >= 0);
                check_golden(image, std::string(in_persian ? "persian-" : "") + "photo-full-screen-" + size);
            }
        }
        SECTION("placeholder " + size) {
            content::LoadResult loaded = check::load_and_validate_dir(bundle);
            REQUIRE(loaded.usable);
            app::App app(std::move(loaded.bundle));
            const test::Image image = render_photos(app, width, height, [&](double& t) {
                app.scroll_to(app.article_layout().figures.at(2).y - 100.0f, t);
            });
            check_golden(image, "photo-placeholder-" + size);
        }
    }
    std::filesystem::remove_all(bundle);
    std::filesystem::remove_all(persian);
}
