// End to end: the kiosk binary renders headless to PNG, and the picture shows the article as set.
// Also renders in-process to check that typographic characters draw as real glyphs.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <stb/stb_image.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>
#include <memory>
#include <string>
#include <thread>
#include <sys/wait.h>
#include <unistd.h>

#include "app/app.h"
#include "check/validate.h"
#include "content/bundle.h"
#include "core/embedded.h"
#include "platform/platform.h"
#include "text/utf8.h"
#include "views/theme.h"
#include "test_support.h"

using namespace kiosk;

namespace {

using test::Image;
using test::ink;
using test::load_png;
using test::run_kiosk;

std::string temp_png(const std::string& name) { return test::temp_path(name + ".png"); }

}  // namespace

TEST_CASE("kiosk --screenshot renders the article headless at 1080x1920 and 800x480", "[render][e2e]") {
    for (const auto& [width, height] : {std::pair{1080, 1920}, std::pair{800, 480}}) {
        const std::string size = std::to_string(width) + "x" + std::to_string(height);
        INFO(size);
        const std::string path = temp_png(size);
        std::filesystem::remove(path);
        std::string output;
        REQUIRE(run_kiosk("--screenshot " + path + " --size " + size, &output) == 0);
        const Image image = load_png(path);
        REQUIRE(image.width == width);
        REQUIRE(image.height == height);
        // Not blank: the page is dark and the text is light.
        CHECK(image.luminance(0, height - 1) < 0.1f);
        const double column_ink = ink(image, width / 10, 0, width * 9 / 10, height);
        CHECK(column_ink > 0.02);
        // Text stays in the centred column: the outer margins hold no ink.
        CHECK(ink(image, 0, 0, width / 40, height) == 0.0);
        CHECK(ink(image, width / 2 - 2, height / 4, width / 2 + 2, height) > 0.0);
        // Nothing to complain about in the built-in bundle.
        CHECK(output.find("no bundled font") == std::string::npos);
    }
}

TEST_CASE("kiosk --scroll moves the page", "[render][e2e]") {
    const std::string top = temp_png("top"), down = temp_png("down");
    REQUIRE(run_kiosk("--screenshot " + top + " --size 800x480") == 0);
    REQUIRE(run_kiosk("--screenshot " + down + " --size 800x480 --scroll 1500") == 0);
    const Image a = load_png(top), b = load_png(down);
    REQUIRE(a.rgba.size() == b.rgba.size());
    CHECK(a.rgba != b.rgba);
}

TEST_CASE("kiosk: bad usage exits 2 with a reason and the usage", "[e2e]") {
    std::string output;
    CHECK(run_kiosk("--size 0x0 --screenshot /tmp/never.png", &output) == 2);
    CHECK(output.find("--size") != std::string::npos);
    CHECK(output.find("usage:") != std::string::npos);
    CHECK(run_kiosk("--size abc", &output) == 2);
    CHECK(run_kiosk("--bogus", &output) == 2);
    CHECK(run_kiosk("--help", &output) == 0);
    CHECK(output.find("usage:") != std::string::npos);
    CHECK(run_kiosk("--version", &output) == 0);
    CHECK(output.find("kiosk ") != std::string::npos);
    CHECK(output.find("built-in") != std::string::npos);
}

TEST_CASE("kiosk: a missing bundle falls back to the built-in article", "[e2e]") {
    const std::string path = temp_png("fallback");
    std::string output;
    REQUIRE(run_kiosk("--content /nonexistent/bundle --screenshot " + path + " --size 800x480", &output) == 0);
    CHECK(output.find("BundleMissing") != std::string::npos);
    CHECK(output.find("built-in") != std::string::npos);
    const Image image = load_png(path);
    REQUIRE(image.width == 800);
    CHECK(ink(image, 80, 0, 720, 480) > 0.02);
}

TEST_CASE("kiosk reports a character no bundled font covers by its code point", "[e2e]") {
    const std::string dir = (std::filesystem::temp_directory_path() / "kiosk-test-uncovered").string();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const content::LoadResult builtin = content::load_builtin_bundle();
    REQUIRE(builtin.usable);
    // The built-in manifest with an article whose body holds U+E000, which no font draws.
    std::FILE* manifest = std::fopen((dir + "/manifest.toml").c_str(), "wb");
    REQUIRE(manifest);
    const std::string_view manifest_bytes = core::embedded("content/manifest.toml");
    std::fwrite(manifest_bytes.data(), 1, manifest_bytes.size(), manifest);
    std::fclose(manifest);
    // Keep the end matter at the end: insert before the thematic break.
    std::string body = std::string(core::embedded("content/article.md"));
    const size_t rule = body.find("\n---\n");
    REQUIRE(rule != std::string::npos);
    body.insert(rule, "\n\nA private character: \xEE\x80\x80.\n");
    std::FILE* file = std::fopen((dir + "/article.md").c_str(), "wb");
    REQUIRE(file);
    std::fwrite(body.data(), 1, body.size(), file);
    std::fclose(file);
    std::string output;
    REQUIRE(run_kiosk("--content " + dir + " --screenshot " + temp_png("uncovered") + " --size 800x480", &output) == 0);
    CHECK(output.find("U+E000") != std::string::npos);
}

namespace {

content::Bundle bundle_with_headline(const std::string& headline) {
    content::BundleFiles files;
    files["manifest.toml"] = std::string(core::embedded("content/manifest.toml"));
    files["article.md"] = "# " + headline + "\n\nBody.\n";
    content::LoadResult loaded = content::parse_bundle(files, "test");
    return loaded.bundle;
}

// Renders a bundle in-process and returns the pixels.
platform::Pixels render(content::Bundle bundle, int width, int height) {
    app::App app(std::move(bundle));
    return test::render_app(app, width, height, {0.0, 0.0});
}

}  // namespace

TEST_CASE("typographic quotes draw as their own glyphs, not as the fallback", "[render]") {
    const auto quotes = render(bundle_with_headline("\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D"), 400, 300);
    const auto question = render(bundle_with_headline("????"), 400, 300);
    const auto fallback = render(bundle_with_headline("\xEE\x80\x80\xEE\x80\x80\xEE\x80\x80\xEE\x80\x80"), 400, 300);
    REQUIRE(quotes.width == 400);
    REQUIRE(question.width == 400);
    REQUIRE(fallback.width == 400);
    CHECK(quotes.rgba != question.rgba);
    CHECK(quotes.rgba != fallback.rgba);
    CHECK(question.rgba != fallback.rgba);
}

TEST_CASE("every character of the built-in article has a real glyph in the atlas", "[render][fonts]") {
    const content::LoadResult builtin = content::load_builtin_bundle();
    REQUIRE(builtin.usable);
    app::App app(builtin.bundle);
    platform::SurfaceConfig config;
    config.headless = true;
    config.width = 1080;
    config.height = 1920;
    std::string error;
    auto surface = platform::open_surface(config, &error);
    REQUIRE(surface);
    surface->begin_frame();
    app.frame({1080, 1920, 96.0f}, 0.0);
    const auto& fonts = app.fonts();
    int checked = 0;
    for (const auto& block : builtin.bundle.article) {
        const layout::FontRole role = block.kind == content::BlockKind::Headline ? layout::FontRole::Headline
                                                                                 : layout::FontRole::Body;
        for (uint32_t c : text::codepoints_of(content::block_text(block))) {
            if (c == ' ') continue;
            INFO(text::codepoint_label(c));
            CHECK(fonts[role]->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
            ++checked;
        }
    }
    CHECK(checked > 50);
    for (uint32_t c : {0x2018u, 0x2019u, 0x201Cu, 0x201Du, 0xA9u})
        CHECK(fonts[layout::FontRole::Small]->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    surface.reset();
}

TEST_CASE("the theme's text contrast is at least 7:1", "[render][theme]") {
    const views::Theme& theme = views::dark_theme();
    CHECK(views::contrast_ratio(theme.text, theme.background) >= 7.0f);
    CHECK(views::contrast_ratio(theme.text_muted, theme.background) >= 4.5f);
    CHECK(views::contrast_ratio(theme.accent, theme.background) >= 4.5f);
    CHECK(views::contrast_ratio({0, 0, 0}, {1, 1, 1}) == Approx(21.0f));
}

TEST_CASE("laying out on another thread while the surface opens gives the same first frame", "[render][startup]") {
    const content::LoadResult loaded = content::load_builtin_bundle();
    REQUIRE(loaded.usable);
    const int width = 800, height = 480;

    app::App plain(loaded.bundle);
    const Image expected(test::render_app(plain, width, height, {5.0}));

    // As main.cpp does: the surface says its size before making the GL context; the app lays
    // out on a second thread meanwhile, joined before the first frame.
    app::App prepared(loaded.bundle);
    platform::SurfaceConfig config;
    config.headless = true;
    config.width = width;
    config.height = height;
    int calls = 0;
    std::thread worker;
    config.on_size_known = [&](int w, int h, float dpi) {
        ++calls;
        CHECK(w == width);
        CHECK(h == height);
        CHECK(dpi == 0.0f);  // a headless surface has no monitor
        worker = std::thread([&prepared, w, h] { prepared.prepare({w, h, 96.0f}); });
    };
    std::string error;
    std::unique_ptr<platform::Surface> surface = platform::open_surface(config, &error);
    if (worker.joinable()) worker.join();
    REQUIRE(surface);
    CHECK(calls == 1);
    REQUIRE(prepared.article_layout().runs.size() == plain.article_layout().runs.size());
    CHECK(prepared.take_fonts_changed());  // the atlas is built, not yet uploaded
    // The first page's letters were rasterised on the layout thread too, with no texture yet.
    const size_t glyphs_prepared = prepared.glyph_atlas().glyph_count();
    CHECK(glyphs_prepared > 30);

    // The first frame finds the layout done: it lays out nothing, asks for no other atlas, adds
    // no letter, and so uploads the glyphs once and draws the page once.
    int glyph_uploads = 0;
    prepared.set_texture_uploader([&](int w, int h, const uint8_t* rgba, platform::TextureFilter filter, uintptr_t replace) {
        if (filter == platform::TextureFilter::Linear) ++glyph_uploads;  // pictures are Nearest
        return surface->upload_texture(w, h, rgba, filter, replace);
    });
    surface->begin_frame();
    ImDrawData* draw_data = prepared.frame({width, height, 96.0f}, 5.0);
    CHECK_FALSE(prepared.take_fonts_changed());
    CHECK(prepared.glyph_atlas().glyph_count() == glyphs_prepared);
    CHECK(glyph_uploads == 1);
    surface->fonts_changed();
    const views::Rgb page = prepared.theme().background;
    surface->render(draw_data, page.r, page.g, page.b);
    const Image first(surface->read_pixels());
    prepared.set_texture_uploader(nullptr);  // its textures go with the surface
    surface.reset();
    CHECK(first.rgba == expected.rgba);
}

TEST_CASE("the text engine draws a Persian article flush right, through the glyph atlas", "[render][text]") {
    const content::LoadResult loaded = content::load_bundle_dir(std::string(KIOSK_TEST_DATA) + "/bundles/persian");
    REQUIRE(loaded.usable);
    app::App app(loaded.bundle);
    const Image image(test::render_app(app, 1080, 1920, {0.0}));
    REQUIRE(image.width == 1080);
    const layout::ArticleLayout& article = app.article_layout();
    REQUIRE_FALSE(article.runs.empty());
    for (const layout::PlacedRun& run : article.runs) CHECK_FALSE(run.glyphs.empty());  // every run is the engine's
    CHECK(app.glyph_atlas().glyph_count() > 30);
    // Each line ends at the column's right edge; the short one-line paragraph leaves the left of
    // the column empty.
    const int left = static_cast<int>(app.article_origin_x());
    const int right = left + static_cast<int>(app.panel().column_width);
    const float top = app.article_origin_y(0.0);
    const float body = app.panel().body_size;
    for (const layout::PlacedRun& run : article.runs) {
        const int baseline = static_cast<int>(top + run.baseline);
        if (run.x + run.width < app.panel().column_width - 1.0f) continue;  // not the line's rightmost run
        INFO("line at " << baseline);
        CHECK(ink(image, right - static_cast<int>(body * 2), baseline - static_cast<int>(body * 0.6f), right, baseline) > 0.01);
    }
    const auto short_line = std::find_if(article.runs.begin(), article.runs.end(), [](const layout::PlacedRun& run) {
        return run.text.rfind("\xD9\x87\xD8\xB1 \xDA\xA9\xD8\xB3", 0) == 0;  // هر کس …
    });
    REQUIRE(short_line != article.runs.end());
    const int baseline = static_cast<int>(top + short_line->baseline);
    // Flush right: the line is shorter than the column and starts well right of its left edge.
    const int line_left = left + static_cast<int>(short_line->x);
    REQUIRE(line_left > left + static_cast<int>(body) * 4);
    CHECK(ink(image, left, baseline - static_cast<int>(body * 0.6f), line_left - 4, baseline + 4) == 0.0);
    CHECK(ink(image, line_left, baseline - static_cast<int>(body * 0.6f), right, baseline + 4) > 0.01);
}

TEST_CASE("the glyph atlas holds only the glyphs the article view has drawn", "[render][text]") {
    app::App app(content::load_builtin_bundle().bundle);
    test::render_app(app, 1080, 1920, {0.0});
    std::set<std::tuple<int, uint32_t, int>> in_article;  // the atlas's keys: face, glyph, size
    for (const layout::PlacedRun& run : app.article_layout().runs)
        for (const layout::RunGlyph& glyph : run.glyphs)
            in_article.insert({glyph.face, glyph.glyph, text::GlyphAtlas::em_size_key(run.em_size)});
    const size_t drawn = app.glyph_atlas().glyph_count();
    CHECK(drawn > 40);                       // the first screen's letters
    CHECK(drawn < in_article.size());        // not the whole article's (its end is not on screen)
}

TEST_CASE("a character no face has shows as the empty box --check says it shows", "[render][text][check]") {
    content::BundleFiles files;
    files["manifest.toml"] = std::string(core::embedded("content/manifest.toml"));
    files["article.md"] = "# Headline\n\nBefore \u8A66 after.\n";
    content::LoadResult loaded = content::parse_bundle(files, "test");
    check::validate(loaded);
    REQUIRE(loaded.usable);
    const auto fault = std::find_if(loaded.faults.begin(), loaded.faults.end(),
                                    [](const core::Fault& f) { return f.code == core::FaultCode::MissingGlyph; });
    REQUIRE(fault != loaded.faults.end());
    CHECK(fault->message.find("U+8A66") != std::string::npos);
    CHECK(fault->message.find("the article shows an empty box") != std::string::npos);

    app::App app(loaded.bundle);
    const Image image(test::render_app(app, 800, 480, {0.0}));
    // The engine placed the font's .notdef (glyph 0) where the character is ...
    const layout::PlacedRun* run = nullptr;
    const layout::RunGlyph* notdef = nullptr;
    for (const layout::PlacedRun& placed : app.article_layout().runs)
        for (const layout::RunGlyph& glyph : placed.glyphs)
            if (glyph.glyph == 0) {
                run = &placed;
                notdef = &glyph;
            }
    REQUIRE(notdef != nullptr);
    CHECK(run->text.find("\u8A66") != std::string::npos);
    // ... and drew it: an outline with ink, not a blank gap. Beside it, the space before it has none.
    const int x = static_cast<int>(app.article_origin_x() + run->x + notdef->x);
    const int baseline = static_cast<int>(app.article_origin_y(0.0) + run->baseline);
    const int em = static_cast<int>(run->em_size);
    INFO("notdef at " << x << "," << baseline << ", em " << em);
    CHECK(ink(image, x + 1, baseline - em * 7 / 10, x + em / 2, baseline) > 0.02);
    CHECK(ink(image, x - em / 5, baseline - em * 7 / 10, x, baseline) == 0.0);
}
