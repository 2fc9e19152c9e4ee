// The sources: QR codes made on the device (and read back with zbarimg, as a phone would), their
// size on the panel, the numbered list, and the fixture bundle's sources view end to end.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "content/bundle.h"
#include "layout/sources_layout.h"
#include "platform/platform.h"
#include "test_support.h"
#include "views/qr_code.h"

using namespace kiosk;

namespace {

const std::string kFixture = std::string(KIOSK_TEST_DATA) + "/bundles/with_urls";

// Decodes every QR code in a PNG with zbarimg; returns its raw output ("one payload a line").
std::string decode_qr(const std::string& png) {
    std::string output;
    // stdout only: zbarimg also complains on stderr when there is no D-Bus, as in CI containers.
    test::run_command("{ zbarimg --quiet --raw -Sdisable -Sqrcode.enable " + png + " 2>/dev/null; }", &output);
    return output;
}

platform::Pixels scaled(const views::RgbaImage& image, int scale) {
    platform::Pixels pixels;
    pixels.width = image.width * scale;
    pixels.height = image.height * scale;
    pixels.rgba.resize(static_cast<size_t>(pixels.width) * pixels.height * 4);
    for (int y = 0; y < pixels.height; ++y)
        for (int x = 0; x < pixels.width; ++x)
            for (int c = 0; c < 4; ++c)
                pixels.rgba[(static_cast<size_t>(y) * pixels.width + x) * 4 + c] =
                    image.rgba[(static_cast<size_t>(y / scale) * image.width + x / scale) * 4 + c];
    return pixels;
}

}  // namespace

TEST_CASE("qr: an address encodes to a code that zbarimg reads back exactly", "[sources][qr]") {
    REQUIRE(test::run_command("zbarimg --version", nullptr) == 0);  // zbar-tools (deploy/deps.sh test)
    const views::Theme& theme = views::dark_theme();
    for (const std::string& address : std::vector<std::string>{"https://example.org/report", "https://example.org/archive/testimony?id=42&lang=en",
                                      "https://example.org/" + std::string(300, 'a')}) {
        INFO(address);
        const views::QrCode code = views::encode_qr(address);
        REQUIRE_FALSE(code.empty());
        CHECK(code.modules >= 21);          // version 1 and up
        CHECK((code.modules - 17) % 4 == 0);  // 17 + 4 × version
        const views::RgbaImage image = views::qr_image(code, 4, theme.background, theme.text);
        REQUIRE(image.width == code.modules + 8);
        const std::string png = test::temp_path("qr.png");
        std::string error;
        REQUIRE(platform::write_png(png, scaled(image, 6), &error));
        CHECK(decode_qr(png) == address + "\n");
        std::filesystem::remove(png);
    }
    CHECK(views::encode_qr("").empty());
    CHECK(views::encode_qr(std::string(8000, 'x')).empty());  // beyond version 40: no code, no crash
}

TEST_CASE("qr: longer addresses make larger codes", "[sources][qr]") {
    CHECK(views::encode_qr("https://example.org/a").modules < views::encode_qr("https://example.org/" + std::string(200, 'a')).modules);
}

TEST_CASE("qr size: at least 5 cm wide for 50 cm, never under a millimetre a module, whole pixels", "[sources][qr]") {
    const float mm_at_96_dpi = 96.0f / 25.4f;
    for (int modules : {21, 25, 29, 41, 57, 77}) {
        for (float px_per_mm : {mm_at_96_dpi, 133.0f / 25.4f, 160.0f / 25.4f}) {
            INFO(modules << " modules at " << px_per_mm << " px/mm");
            const int module = layout::qr_module_pixels(modules, px_per_mm);
            CHECK(module >= 2);
            CHECK(module * modules / px_per_mm >= 50.0f - 0.01f);  // the symbol, quiet zone aside
            CHECK(module / px_per_mm >= 1.0f - 0.01f);
            // Not larger than needed: one pixel less a module would break one of the rules.
            const float smaller = static_cast<float>(module - 1);
            CHECK((smaller * modules / px_per_mm < 50.0f || smaller / px_per_mm < 1.0f || module == 2));
            CHECK(layout::qr_side_pixels(modules, px_per_mm) == static_cast<float>((modules + 8) * module));
        }
    }
    CHECK(layout::qr_side_pixels(0, mm_at_96_dpi) == 0.0f);
}

namespace {

layout::FontSet fake_fonts() {
    layout::FontSet fonts;
    for (layout::FontMetrics& m : fonts.roles) {
        m.size = 20.0f;
        m.ascent = 16.0f;
        m.descent = 4.0f;
        m.default_advance = 10.0f;
    }
    return fonts;
}

content::Source source(const std::string& id, const std::string& url = "") {
    content::Source s;
    s.id = id;
    s.who = "Who of " + id;
    s.what = "What of " + id;
    s.when = "When of " + id;
    s.uses = "What the article uses from " + id;
    s.url = url;
    return s;
}

}  // namespace

TEST_CASE("sources list: numbered entries in manifest order, every field, codes only where addresses are", "[sources]") {
    const std::vector<content::Source> sources = {source("a", "https://example.org/a"), source("b"), source("c")};
    layout::SourcesLayoutParams params;
    params.column_width = 900.0f;
    const layout::SourcesLayout layout = layout::layout_sources(sources, {200.0f, 0.0f}, fake_fonts(), params);
    REQUIRE(layout.entry_tops.size() == 3);
    CHECK(layout.entry_tops[0] == 0.0f);
    CHECK(layout.entry_tops[1] > layout.entry_tops[0] + 200.0f);  // below the first entry's code
    CHECK(layout.entry_tops[2] > layout.entry_tops[1]);
    // The numbers, each on its entry's first baseline, at the left.
    std::vector<std::string> numbers;
    std::string text;
    for (const layout::PlacedRun& run : layout.text.runs) {
        if (run.x == 0.0f) numbers.push_back(run.text);
        else text += run.text + " ";
    }
    CHECK(numbers == std::vector<std::string>{"1", "2", "3"});
    for (const char* id : {"a", "b", "c"}) {
        for (const std::string& field : {std::string("Who of "), std::string("What of "), std::string("When of ")})
            CHECK(text.find(field + id) != std::string::npos);
    }
    CHECK(text.find("https://example.org/a") != std::string::npos);
    // Runs stay in reading order, so the article view can draw the list.
    for (size_t i = 1; i < layout.text.runs.size(); ++i) CHECK(layout.text.runs[i].baseline >= layout.text.runs[i - 1].baseline);
    // One code, for source 1, beside its words (900 px leaves them room), inside the column.
    REQUIRE(layout.codes.size() == 1);
    CHECK(layout.codes[0].source == 1);
    CHECK(layout.codes[0].side == 200.0f);
    CHECK(layout.codes[0].x + layout.codes[0].side == params.column_width);
    CHECK(layout.codes[0].y == 0.0f);
    for (const layout::PlacedRun& run : layout.text.runs)
        if (run.baseline < layout.entry_tops[1]) CHECK(run.x + run.width <= layout.codes[0].x);
}

TEST_CASE("sources list: a narrow column puts the code below the words", "[sources]") {
    layout::SourcesLayoutParams params;
    params.column_width = 300.0f;
    const layout::SourcesLayout layout =
        layout::layout_source_entry(source("a", "https://example.org/a"), 4, 200.0f, fake_fonts(), params);
    REQUIRE(layout.codes.size() == 1);
    CHECK(layout.codes[0].source == 4);
    float last_baseline = 0.0f;
    for (const layout::PlacedRun& run : layout.text.runs) last_baseline = std::max(last_baseline, run.baseline);
    CHECK(layout.codes[0].y > last_baseline);
    CHECK(layout.text.height >= layout.codes[0].y + 200.0f);
    CHECK(layout.text.runs.front().text == "4");
}

TEST_CASE("the shipped bundle's sources carry no web address, so no QR code", "[sources]") {
    const content::LoadResult builtin = content::load_builtin_bundle();
    REQUIRE(builtin.usable);
    REQUIRE(builtin.bundle.sources.size() == 6);
    for (const content::Source& s : builtin.bundle.sources) CHECK(s.url.empty());
}

TEST_CASE("kiosk --view sources: the fixture's addresses show as text and as codes a phone can read", "[sources][qr][e2e]") {
    for (const char* size : {"1080x1920", "800x480"}) {
        INFO(size);
        const std::string png = test::temp_path(std::string("sources-") + size + ".png");
        std::string output;
        REQUIRE(test::run_kiosk("--content " + kFixture + " --view sources --size " + size + " --screenshot " + png, &output) == 0);
        CHECK(output.find("warning") == std::string::npos);
        const std::string decoded = decode_qr(png);
        CHECK(decoded.find("https://example.org/report\n") != std::string::npos);
        // At 1080x1920 the whole list is on screen, both codes with it.
        if (std::string(size) == "1080x1920")
            CHECK(decoded.find("https://example.org/archive/testimony?id=42&lang=en\n") != std::string::npos);
        std::filesystem::remove(png);
    }
}
