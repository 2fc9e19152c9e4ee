// Photographs in the article: the curator's syntax, --check on hostile pictures, the kiosk
// never breaking on them (--screenshot), pictures decoded off the drawing path and only near the
// viewport, and the full-screen view a tap opens and closes. Pictures are generated here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "app/app.h"
#include "app/photo_store.h"
#include "check/validate.h"
#include "content/bundle.h"
#include "image/image.h"
#include "unit/test_image_support.h"
#include "unit/test_process_support.h"
#include "unit/test_support.h"

using namespace kiosk;
using core::FaultCode;
namespace fs = std::filesystem;

namespace {

// With KIOSK_PHOTO_SHOTS=DIR the frames the render test checks are also written there, to look at.
void keep_shot(const test::Image& image, const std::string& name) {
    const char* dir = std::getenv("KIOSK_PHOTO_SHOTS");
    if (dir == nullptr) return;
    std::string error;
    platform::write_png(std::string(dir) + "/" + name + ".png", image, &error);
}

int count(const std::vector<core::Fault>& faults, FaultCode code) {
    return static_cast<int>(std::count_if(faults.begin(), faults.end(), [&](const core::Fault& f) { return f.code == code; }));
}

content::LoadResult parse_article(const std::string& body) {
    content::BundleFiles files;
    files["manifest.toml"] = testing::read_file(std::string(KIOSK_TEST_DATA) + "/bad_bundles_base/manifest.toml");
    files["article.md"] = "# Headline\n\nA paragraph.[^first][^second]\n\n" + body;
    return content::parse_bundle(files, "test");
}

// `app` drawn on a headless surface of its own, which its photographs are uploaded to; the app
// lets go of the surface when this ends.
class PhotoScreen {
public:
    PhotoScreen(app::App& app, int width, int height) : app_(app), width_(width), height_(height) {
        platform::SurfaceConfig config;
        config.headless = true;
        config.width = width, config.height = height;
        std::string error;
        surface_ = platform::open_surface(config, &error);
        if (!surface_) return;
        app.set_texture_uploader([this](int w, int h, const uint8_t* rgba, platform::TextureFilter filter, uintptr_t replace) {
            return surface_->upload_texture(w, h, rgba, filter, replace);
        });
    }
    ~PhotoScreen() { app_.set_texture_uploader(nullptr); }
    PhotoScreen(const PhotoScreen&) = delete;
    PhotoScreen& operator=(const PhotoScreen&) = delete;
    bool open() const { return surface_ != nullptr; }
    // One frame at `now`, read back.
    test::Image draw(double now) {
        surface_->begin_frame();
        ImDrawData* data = app_.frame({width_, height_, 96.0f}, now);
        if (app_.take_fonts_changed()) surface_->fonts_changed();
        const views::Rgb page = app_.theme().background;
        surface_->render(data, page.r, page.g, page.b);
        return test::Image(surface_->read_pixels());
    }

private:
    app::App& app_;
    int width_ = 0, height_ = 0;
    std::unique_ptr<platform::Surface> surface_;
};

const content::Block* first_figure(const content::LoadResult& loaded) {
    for (const content::Block& block : loaded.bundle.article)
        if (block.kind == content::BlockKind::Figure) return &block;
    return nullptr;
}

}  // namespace

TEST_CASE("a paragraph that starts with an image is a photograph with alt text and file and credit and caption", "[photos][content]") {
    const content::LoadResult loaded = parse_article(
        "![Families at the *gate* &amp; waiting](photos/a.jpg \"Photo: Jane Doe &copy; Agency\")\nThe caption, *in part* italic.\n");
    const content::Block* figure = first_figure(loaded);
    REQUIRE(figure != nullptr);
    CHECK(figure->figure.file == "photos/a.jpg");
    CHECK(figure->figure.alt == "Families at the gate & waiting");
    CHECK(figure->figure.credit == "Photo: Jane Doe \xC2\xA9 Agency");
    CHECK(content::block_text(*figure) == "The caption, in part italic.");
    CHECK(figure->line == 5);
    CHECK(count(loaded.faults, FaultCode::UnsupportedMarkdown) == 0);
    CHECK(count(loaded.faults, FaultCode::NoAltText) == 0);
    CHECK(loaded.usable);
    // The credit and the alt text are visible text too (the glyph check covers them).
    CHECK(content::visible_text(loaded.bundle).find("Jane Doe") != std::string::npos);
}

TEST_CASE("a photograph without credit is an error and without alt text a warning and an image inside text is left out",
          "[photos][content]") {
    const content::LoadResult no_credit = parse_article("![Alt](a.jpg)\n");
    CHECK(count(no_credit.faults, FaultCode::NoImageCredit) == 1);
    CHECK_FALSE(no_credit.usable);
    const content::LoadResult no_alt = parse_article("![](a.jpg \"Photo: X\")\n");
    CHECK(count(no_alt.faults, FaultCode::NoAltText) == 1);
    CHECK(no_alt.usable);
    REQUIRE(first_figure(no_alt) != nullptr);
    CHECK(first_figure(no_alt)->spans.empty());
    const content::LoadResult inline_image = parse_article("Some text ![Alt](a.jpg \"Photo: X\") more text.\n");
    CHECK(first_figure(inline_image) == nullptr);
    CHECK(count(inline_image.faults, FaultCode::UnsupportedMarkdown) == 1);
}

TEST_CASE("kiosk --check finds every hostile picture with its code and the kiosk still renders each bundle",
          "[photos][check][e2e]") {
    const test::TempDir dir("photos-check");
    struct Case {
        std::string name;
        FaultCode code;
        std::function<void(const std::string& bundle)> make;  // writes photos/x.* and returns
        std::string file = "photos/x.jpg";
    };
    const std::string outside = dir.path() + "/outside.jpg";
    testing::write_file(outside, testing::make_jpeg({1200, 800}));
    const std::vector<Case> cases = {
        {"missing", FaultCode::FileMissing, [](const std::string&) {}},
        {"symlink_out", FaultCode::ImageOutsideBundle, [&](const std::string& b) { fs::create_symlink(outside, b + "/photos/x.jpg"); }},
        {"dotdot", FaultCode::ImageOutsideBundle, [](const std::string&) {}, "../outside.jpg"},
        {"gif", FaultCode::ImageFormat, [](const std::string& b) { testing::write_file(b + "/photos/x.jpg", std::string("GIF89a\x10\x00\x10\x00\x80\x00\x00", 13)); }},
        {"webp", FaultCode::ImageFormat, [](const std::string& b) { testing::write_file(b + "/photos/x.jpg", std::string("RIFF\x24\x00\x00\x00WEBPVP8 ", 16)); }},
        {"text", FaultCode::ImageFormat, [](const std::string& b) { testing::write_file(b + "/photos/x.jpg", "not a picture\n"); }},
        {"truncated_jpeg", FaultCode::ImageCorrupt, [](const std::string& b) {
             std::string jpeg = testing::make_jpeg({1200, 800});
             jpeg.resize(jpeg.size() * 2 / 3);
             testing::write_file(b + "/photos/x.jpg", jpeg);
         }},
        {"bad_crc_png", FaultCode::ImageCorrupt, [](const std::string& b) {
             testing::write_file(b + "/photos/x.jpg", testing::with_bad_png_crc(testing::make_png({1000, 600})));
         }},
        {"bomb", FaultCode::ImageTooLarge, [](const std::string& b) {
             testing::write_file(b + "/photos/x.jpg", testing::png_header_declaring(100000, 100000));
         }},
        {"huge_file", FaultCode::ImageTooLarge, [](const std::string& b) {
             testing::write_file(b + "/photos/x.jpg", testing::make_jpeg({1200, 800}));
             fs::resize_file(b + "/photos/x.jpg", 300ull << 20);  // sparse
         }},
        {"small", FaultCode::ImageTooSmall, [](const std::string& b) { testing::write_file(b + "/photos/x.jpg", testing::make_jpeg({320, 200})); }},
        {"png_exif_damaged", FaultCode::ImageOrientation, [](const std::string& b) {
             testing::PngFixture f;
             f.width = 1200, f.height = 800, f.raw_exif = testing::exif_block(6).substr(6, 16);  // cut inside IFD 0
             testing::write_file(b + "/photos/x.png", testing::make_png(f));
         }, "photos/x.png"},
        {"png_exif_after_pixels", FaultCode::ImageOrientation, [](const std::string& b) {
             testing::PngFixture f;
             f.width = 800, f.height = 1200, f.orientation = 6, f.exif_after_pixels = true;
             testing::write_file(b + "/photos/x.png", testing::make_png(f));
         }, "photos/x.png"},
    };
    for (const Case& c : cases) {
        SECTION(c.name) {
            const std::string bundle = dir.path() + "/" + c.name;
            fs::copy(std::string(KIOSK_TEST_DATA) + "/bad_bundles_base", bundle, fs::copy_options::recursive);
            fs::create_directories(bundle + "/photos");
            c.make(bundle);
            std::ofstream(bundle + "/article.md", std::ios::app)
                << "\n![A test pattern](" << c.file << " \"Test pattern, made by the test suite\")\nA caption.\n";
            std::string output;
            const int status = test::run_kiosk("--check " + bundle, &output);
            INFO(output);
            const bool warning = core::default_severity(c.code) == core::Severity::Warning;
            CHECK(status == (warning ? 0 : 1));
            CHECK(output.find(std::string(core::fault_name(c.code)) + " article.md:") != std::string::npos);
            // Never breaks: the kiosk renders (its last good content, or this bundle) and exits 0.
            const std::string png = test::temp_path("photos-" + c.name + ".png");
            CHECK(test::run_kiosk("--content " + bundle + " --size 800x480 --screenshot " + png, &output) == 0);
            CHECK(test::load_png(png).width == 800);
            fs::remove(png);
        }
    }
}

TEST_CASE("kiosk --check decodes in full but loading reads headers only so a cut picture becomes a placeholder",
          "[photos][check]") {
    const std::string bundle = test::make_photo_bundle(test::temp_path("photos-cut"), false, true);
    check::ValidateParams full;
    full.decode_pictures = true;
    const content::LoadResult checked = check::load_and_validate_dir(bundle, full);
    CHECK(count(checked.faults, FaultCode::ImageCorrupt) == 1);
    CHECK_FALSE(checked.usable);
    const content::LoadResult loaded = check::load_and_validate_dir(bundle);
    CHECK(count(loaded.faults, FaultCode::ImageCorrupt) == 0);
    CHECK(loaded.usable);
    // The portrait's EXIF orientation is read with its header: shown 960 x 1280.
    int portraits = 0;
    for (const content::Block& block : loaded.bundle.article)
        if (block.figure.file == "photos/portrait.jpg") {
            CHECK(block.figure.width == 960);
            CHECK(block.figure.height == 1280);
            ++portraits;
        }
    CHECK(portraits == 1);
    fs::remove_all(bundle);
}

TEST_CASE("kiosk --check and the screen measure a PNG as its eXIf orientation shows it", "[photos][check][exif]") {
    const test::TempDir dir("photos-png-exif");
    const std::string bundle = dir.path() + "/bundle";
    fs::copy(std::string(KIOSK_TEST_DATA) + "/bad_bundles_base", bundle, fs::copy_options::recursive);
    fs::create_directories(bundle + "/photos");
    // Stored 1000 x 320, wide enough for the column; shown turned, 320 x 1000: too narrow.
    testing::PngFixture narrow;
    narrow.width = 320, narrow.height = 1000, narrow.orientation = 6;
    testing::write_file(bundle + "/photos/narrow.png", testing::make_png(narrow));
    // Stored 1280 x 960, shown 960 x 1280: wide enough either way.
    testing::PngFixture portrait;
    portrait.width = 960, portrait.height = 1280, portrait.orientation = 8;
    testing::write_file(bundle + "/photos/portrait.png", testing::make_png(portrait));
    std::ofstream(bundle + "/article.md", std::ios::app)
        << "\n![A test pattern](photos/narrow.png \"Test pattern, made by the test suite\")\nA caption.\n"
        << "\n![A test pattern](photos/portrait.png \"Test pattern, made by the test suite\")\nA caption.\n";
    check::ValidateParams full;
    full.decode_pictures = true;
    for (const bool decode : {false, true}) {
        INFO("decode_pictures " << decode);
        const content::LoadResult checked = check::load_and_validate_dir(bundle, decode ? full : check::ValidateParams{});
        CHECK(count(checked.faults, FaultCode::ImageTooSmall) == 1);
        CHECK(count(checked.faults, FaultCode::ImageOrientation) == 0);
        for (const core::Fault& fault : checked.faults)
            if (fault.code == FaultCode::ImageTooSmall) CHECK(fault.message.find("narrow.png is 320 pixels wide") != std::string::npos);
        int figures = 0;
        for (const content::Block& block : checked.bundle.article) {
            if (block.kind != content::BlockKind::Figure) continue;
            ++figures;
            // What the screen shows: the decoded picture has the size the check measured.
            const image::DecodeResult shown = image::decode_file(bundle + "/" + block.figure.file);
            REQUIRE(shown.error.ok());
            CHECK(shown.image.width == block.figure.width);
            CHECK(shown.image.height == block.figure.height);
            CHECK(block.figure.width == (block.figure.file == "photos/narrow.png" ? 320 : 960));
        }
        CHECK(figures == 2);
    }
}

TEST_CASE("photographs are decoded off the first frame and shown whole and a cut one is a placeholder and far ones are not decoded",
          "[photos][render]") {
    const std::string bundle = test::make_photo_bundle(test::temp_path("photos-app"), false, true);
    content::LoadResult loaded = check::load_and_validate_dir(bundle);
    REQUIRE(loaded.usable);
    app::App app(std::move(loaded.bundle));
    PhotoScreen screen(app, 800, 480);
    REQUIRE(screen.open());
    const auto draw = [&](double now) { return screen.draw(now); };
    draw(0.0);
    // The first frame drew no picture: each is a placeholder until its decode ends.
    const layout::ArticleLayout& layout = app.article_layout();
    REQUIRE(layout.figures.size() == 3);
    for (const layout::PlacedFigure& f : layout.figures) CHECK(app.photos().state(f.block).texture == 0);
    app.wait_for_photos();
    // At 800x480 the third picture is screens below: not decoded for the first frames.
    REQUIRE(layout.figures[2].y > layout.figures[1].y + layout.figures[1].height + 3 * 480.0f);
    const int decoded_first = app.photos().decodes_done();
    CHECK(decoded_first >= 1);
    CHECK(decoded_first <= 2);
    CHECK(app.photos().state(layout.figures[2].block).status == app::PhotoStatus::Waiting);

    // Scroll to the first picture; it is shown whole: its four quadrants' colours in place.
    const layout::PlacedFigure first = layout.figures[0];
    app.scroll_to(first.y, 1.0);
    draw(1.0);
    app.wait_for_photos();
    test::Image shown = draw(1.1);
    keep_shot(shown, "article-photo-800x480");
    CHECK(app.photos().state(first.block).status == app::PhotoStatus::Shown);
    const float ox = app.article_origin_x() + first.x, oy = app.article_origin_y(1.1) + first.y;
    const auto colour_at = [&](float fx, float fy) {
        const int x = static_cast<int>(ox + first.width * fx), y = static_cast<int>(oy + first.height * fy);
        const uint8_t* p = &shown.rgba[(static_cast<size_t>(y) * shown.width + x) * 4];
        return testing::Rgb{p[0], p[1], p[2]};
    };
    CHECK(colour_at(0.25f, 0.25f).r > 180);  // red top left
    CHECK(colour_at(0.75f, 0.25f).g > 160);  // green top right
    CHECK(colour_at(0.25f, 0.75f).b > 180);  // blue bottom left
    CHECK(colour_at(0.75f, 0.75f).r > 180);  // yellow bottom right
    CHECK(colour_at(0.75f, 0.75f).g > 180);
    // Whole: the picture keeps its 3:2 and fits the panel's height less its caption.
    CHECK(std::abs(first.width / first.height - 1.5f) < 0.01f);
    CHECK(first.height < 480.0f);

    // The cut picture, once near, becomes a placeholder and the article goes on under it.
    const layout::PlacedFigure cut = layout.figures[2];
    app.scroll_to(cut.y, 2.0);
    draw(2.0);
    app.wait_for_photos();
    keep_shot(draw(2.1), "placeholder-800x480");
    CHECK(app.photos().state(cut.block).status == app::PhotoStatus::Broken);
    // ...and the first one, now far, gave its texture back.
    CHECK(app.photos().state(first.block).status == app::PhotoStatus::Waiting);
    CHECK(app.photos().resident_bytes() <= app::kResidentBytes);

    // A tap on a picture opens it full screen; a tap closes it, and the article is where it was.
    app.scroll_to(first.y, 3.0);
    draw(3.0);
    app.wait_for_photos();
    draw(3.1);
    const float before = app.scroll_position(3.2);
    double t = 3.2;
    test::touch(app, ox + first.width * 0.5f, oy + first.height * 0.5f, t);
    CHECK(app.open_photo_block() == static_cast<int>(first.block));
    draw(t);
    app.wait_for_photos();  // decoded again at its full-screen size, sharper than the column's
    const test::Image full = draw(t);
    keep_shot(full, "fullscreen-800x480");
    CHECK(app.photos().state(first.block).width > static_cast<int>(first.width));
    // Full screen: the picture's centre is the quadrants' meeting point; its top-left quarter red.
    CHECK(full.rgba[(static_cast<size_t>(full.height / 4) * full.width + full.width / 3) * 4] > 150);
    test::touch(app, 400, 240, t);
    CHECK(app.open_photo_block() == -1);
    CHECK(app.scroll_position(t) == before);
    // While it is open a drag does not move the article behind it; the idle reset closes it.
    test::touch(app, ox + first.width * 0.5f, oy + first.height * 0.5f, t);
    REQUIRE(app.open_photo_block() >= 0);
    platform::InputEvent down;
    down.type = platform::EventType::PointerDown, down.x = 400, down.y = 400;
    app.handle(down, t);
    platform::InputEvent move = down;
    move.type = platform::EventType::PointerMove, move.y = 100;
    app.handle(move, t + 0.05);
    platform::InputEvent up = move;
    up.type = platform::EventType::PointerUp;
    app.handle(up, t + 0.1);
    CHECK(app.scroll_position(t + 2.0) == before);
    app.reset_to_start(t + 2.0);
    CHECK(app.open_photo_block() == -1);
    fs::remove_all(bundle);
}

TEST_CASE("without a texture uploader no photograph is decoded (nothing could show it)", "[photos]") {
    const std::string bundle = test::make_photo_bundle(test::temp_path("photos-no-uploader"));
    content::LoadResult loaded = check::load_and_validate_dir(bundle);
    REQUIRE(loaded.usable);
    app::App app(std::move(loaded.bundle));
    for (double t : {0.0, 0.1, 0.2}) {
        app.frame({800, 480, 96.0f}, t);
        app.wait_for_photos();
    }
    CHECK(app.article_layout().figures.size() == 2);
    CHECK(app.photos().decodes_done() == 0);
    CHECK(app.next_frame_due(1.0) > 1.0);  // and nothing keeps asking for frames
    fs::remove_all(bundle);
}

TEST_CASE("photographs show on a real GLES 2.0 context (textures of any size: clamped, no mipmaps)",
          "[photos][render][e2e]") {
    const std::string bundle = test::make_photo_bundle(test::temp_path("photos-gles2"));
    const std::string png = test::temp_path("photos-gles2.png");
    std::string output;
    // A real 2.0 context (Mesa otherwise gives 3.2 for "ES 2"): non-power-of-two textures are
    // allowed there only with clamp-to-edge and without mipmaps, which is how they are uploaded.
    const int status = test::run_command("env -u DISPLAY -u WAYLAND_DISPLAY MESA_GLES_VERSION_OVERRIDE=2.0 " + std::string(KIOSK_BINARY) +
                                             " --gl gles2 --content " + bundle +
                                             " --size 800x480 --scroll 330 --screenshot " + png, &output);
    INFO(output);
    REQUIRE(status == 0);
    CHECK(output.find("OpenGL ES 2.0") != std::string::npos);
    const test::Image shot = test::load_png(png);
    REQUIRE(shot.width == 800);
    // The first picture's lower half is on screen at this scroll: blue on the left, yellow on the right.
    const auto at = [&](int x, int y) { return &shot.rgba[(static_cast<size_t>(y) * shot.width + x) * 4]; };
    CHECK(at(300, 150)[2] > 180);
    CHECK(at(300, 150)[0] < 80);
    CHECK(at(500, 150)[0] > 180);
    CHECK(at(500, 150)[1] > 180);
    fs::remove(png);
    fs::remove_all(bundle);
}

// The full-screen photograph's Close at one panel size, in each of `languages` ("en" first: the
// Persian button must be as far from its edge as the English one). One test case per size, so
// each stays well inside ctest's timeout under qemu (arm64), where a 3840x2160 frame is slow.
namespace {
void check_photo_close(int width, int height, const std::vector<std::string>& languages) {
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    float english_end_gap = -1.0f;  // from the English button's right edge to the screen's
    // English; Persian; Persian whose bundle leaves labels.close at its English default
    // (the word then set left to right, the button still at the lower left).
    for (const std::string& language : languages) {
        INFO(size << " " << language);
        const bool persian = language != "en";
        const std::string bundle = test::make_photo_bundle(test::temp_path("photos-close"), persian);
        if (language == "fa-default-close") {
            std::string manifest = testing::read_file(bundle + "/manifest.toml");
            const size_t at = manifest.find("close = ");
            REQUIRE(at != std::string::npos);
            manifest.erase(at, manifest.find('\n', at) + 1 - at);
            testing::write_file(bundle + "/manifest.toml", manifest);
        }
        content::LoadResult loaded = check::load_and_validate_dir(bundle);
        REQUIRE(loaded.usable);
        CHECK(loaded.bundle.labels.close == (language == "fa" ? "\u0628\u0633\u062a\u0646" : "Close"));
        app::App app(std::move(loaded.bundle));
        PhotoScreen screen(app, width, height);
        REQUIRE(screen.open());
        const auto draw = [&](double now) { return screen.draw(now); };
        draw(0.0);
        const layout::PlacedFigure first = app.article_layout().figures.at(0);
        app.scroll_to(first.y, 1.0);
        draw(1.0);
        const float before = app.scroll_position(1.0);
        double t = 1.0;
        test::touch(app, app.article_origin_x() + first.x + first.width * 0.5f,
                    app.article_origin_y(t) + first.y + first.height * 0.5f, t);
        REQUIRE(app.open_photo_block() == static_cast<int>(first.block));
        draw(t);
        app.wait_for_photos();
        const test::Image shot = draw(t);
        keep_shot(shot, "close-" + language + "-" + size);

        const layout::Box close = app.photo_close_box(), words = app.photo_text_box(), picture = app.photo_picture_box();
        CHECK(close.x >= 0.0f);
        CHECK(close.y >= 0.0f);
        CHECK(close.x + close.width <= static_cast<float>(width));
        CHECK(close.y + close.height <= static_cast<float>(height));
        CHECK(close.width >= app.target_pixels());
        CHECK(close.height >= app.target_pixels());
        CHECK(app.target_pixels() >= 9.0f * app.panel().mm);
        // The caption, credit and alt text are drawn inside `words` (clipped to it): the button is never over them.
        CHECK(words.height > 0.0f);
        CHECK(words.y >= picture.y + picture.height);
        CHECK_FALSE(close.overlaps(words));
        CHECK_FALSE(close.overlaps(picture));
        // At the bottom, as the card's Close: at the right in English, at the left in Persian,
        // as far from the edge either way.
        CHECK(close.y > words.y);
        if (!persian) {
            CHECK(close.x > static_cast<float>(width) * 0.5f);
            english_end_gap = static_cast<float>(width) - (close.x + close.width);
        } else {
            CHECK(close.x + close.width < static_cast<float>(width) * 0.5f);
            CHECK(close.x == english_end_gap);
        }
        // Drawn: inside its outline (and its rounded corners), ink of the theme's text colour
        // on the dark page: pixels nearer the text colour than the page's.
        const views::Rgb ink = app.theme().text, page = app.theme().background;
        const int inset = static_cast<int>(std::ceil(close.height * 0.25f));
        int ink_pixels = 0;
        for (int y = static_cast<int>(close.y) + inset; y < static_cast<int>(close.y + close.height) - inset; ++y)
            for (int x = static_cast<int>(close.x) + inset; x < static_cast<int>(close.x + close.width) - inset; ++x) {
                const uint8_t* p = &shot.rgba[(static_cast<size_t>(y) * shot.width + x) * 4];
                const auto distance = [&](const views::Rgb& c) {
                    return std::abs(p[0] - c.r * 255.0f) + std::abs(p[1] - c.g * 255.0f) + std::abs(p[2] - c.b * 255.0f);
                };
                if (distance(ink) < distance(page)) ++ink_pixels;
            }
        CHECK(ink_pixels >= 20);  // a word's strokes ("بستن" at 800x480: 33), where the button alone has none

        // A tap on its centre closes the photograph, the article where it was.
        test::touch(app, close.x + close.width * 0.5f, close.y + close.height * 0.5f, t);
        CHECK(app.open_photo_block() == -1);
        CHECK(app.scroll_position(t) == before);
        fs::remove_all(bundle);
    }
}
}  // namespace

TEST_CASE("the full-screen photograph's Close at 800x480: at the card's corner, mirrored in Persian, "
          "clear of its words, and it closes the photograph",
          "[photos][render]") {
    check_photo_close(800, 480, {"en", "fa", "fa-default-close"});
}

TEST_CASE("the full-screen photograph's Close at 1080x1920: at the card's corner, mirrored in Persian, "
          "clear of its words, and it closes the photograph",
          "[photos][render]") {
    check_photo_close(1080, 1920, {"en", "fa"});
}

// The English default label's direction does not change with the size: it is checked at 800x480.
TEST_CASE("the full-screen photograph's Close at 3840x2160: at the card's corner, mirrored in Persian, "
          "clear of its words, and it closes the photograph",
          "[photos][render]") {
    check_photo_close(3840, 2160, {"en", "fa"});
}
