// The renderer on each GL API the boards have: desktop GL 3 (a PC, a Pi 4/5 under X), GLES 3
// (Pi 4/5) and GLES 2 (Pi 3, Zero 2 W: VC4). Mesa stands in for VC4 with
// MESA_GLES_VERSION_OVERRIDE=2.0 (a real 2.0 context: GLSL ES 3.00 and vertex arrays refused) and
// for a driver without desktop GL 3 with MESA_GL_VERSION_OVERRIDE=2.1. Headless; no display.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include "platform/platform.h"
#include "support/image_diff.h"
#include "test_support.h"

using namespace kiosk;
using platform::GlApi;

namespace {

// Runs the kiosk binary headless with extra environment; returns its exit status and output.
int run_kiosk_with(const std::string& environment, const std::string& args, std::string* output) {
    return test::run_command("env -u DISPLAY -u WAYLAND_DISPLAY -u MESA_GL_VERSION_OVERRIDE -u "
                             "MESA_GLES_VERSION_OVERRIDE " + environment + " " + KIOSK_BINARY + " " + args,
                             output);
}

// Share of pixels clearly brighter than the dark page: text is on it.
double ink_share(const test::RgbaImage& image) {
    long bright = 0;
    for (size_t i = 0; i + 3 < image.rgba.size(); i += 4)
        if (image.rgba[i] + image.rgba[i + 1] + image.rgba[i + 2] > 3 * 120) ++bright;
    return double(bright) / double(image.width * image.height);
}

// The environment that gives each API its real version on Mesa.
const char* gles_override_for(GlApi api) { return api == GlApi::Gles2 ? "2.0" : nullptr; }

struct Rgb {
    int r = 0, g = 0, b = 0;
};

Rgb pixel(const platform::Pixels& pixels, int x, int y) {
    const uint8_t* p = pixels.rgba.data() + (size_t(y) * size_t(pixels.width) + size_t(x)) * 4;
    return Rgb{p[0], p[1], p[2]};
}

bool near(const Rgb& c, int r, int g, int b, int slack = 3) {
    return std::abs(c.r - r) <= slack && std::abs(c.g - g) <= slack && std::abs(c.b - b) <= slack;
}

}  // namespace

TEST_CASE("GLES 3 and GLES 2 screenshots match the GL 3 one", "[gl][render]") {
    const std::string args = " --size 800x480 --scroll 300 --screenshot ";
    std::string log;
    const std::string gl3 = test::temp_path("gl3.png");
    REQUIRE(run_kiosk_with("", "--gl gl3" + args + gl3, &log) == 0);
    CHECK_THAT(log, Catch::Contains("renderer gl3 ("));
    const test::RgbaImage reference = test::load_png_rgba(gl3);
    REQUIRE(reference.width == 800);
    REQUIRE(ink_share(reference) > 0.01);  // the article is there, so matching it means something

    struct Case {
        const char* gl;
        const char* environment;
        const char* expect;  // in the log: the API path and the version Mesa reports
    };
    const Case cases[] = {
        {"gles3", "", "renderer gles3 (OpenGL ES 3."},
        {"gles2", "MESA_GLES_VERSION_OVERRIDE=2.0", "renderer gles2 (OpenGL ES 2.0"},
    };
    for (const Case& c : cases) {
        INFO("--gl " << c.gl << " " << c.environment);
        const std::string path = test::temp_path(std::string(c.gl) + ".png");
        REQUIRE(run_kiosk_with(c.environment, std::string("--gl ") + c.gl + args + path, &log) == 0);
        CHECK_THAT(log, Catch::Contains(c.expect));
        const test::ImageDiff diff = test::diff_images(reference, test::load_png_rgba(path));
        INFO("max channel " << diff.max_channel << ", pixels over noise " << diff.pixels_over);
        CHECK(test::same_frame(diff));
        std::filesystem::remove(path);
    }
    std::filesystem::remove(gl3);
}

TEST_CASE("the GL context choice (--gl auto) falls back to the best context the driver has", "[gl]") {
    std::string log;
    const std::string path = test::temp_path("auto.png");
    SECTION("desktop GL 3 where there is one") {
        REQUIRE(run_kiosk_with("", "--size 200x200 --screenshot " + path, &log) == 0);
        CHECK_THAT(log, Catch::Contains("renderer gl3 ("));
    }
    SECTION("GLES 3 on a driver with desktop GL 2.1 only (a Pi 4 without GL 3)") {
        REQUIRE(run_kiosk_with("MESA_GL_VERSION_OVERRIDE=2.1", "--size 200x200 --screenshot " + path, &log) == 0);
        CHECK_THAT(log, Catch::Contains("renderer gles3 (OpenGL ES 3."));
    }
    SECTION("GLES 2 on a VC4-like driver (desktop GL 2.1, GLES 2.0)") {
        REQUIRE(run_kiosk_with("MESA_GL_VERSION_OVERRIDE=2.1 MESA_GLES_VERSION_OVERRIDE=2.0",
                               "--size 200x200 --screenshot " + path, &log) == 0);
        CHECK_THAT(log, Catch::Contains("renderer gles2 (OpenGL ES 2.0"));
        CHECK_THAT(log, Catch::Contains("#version 100"));
    }
    SECTION("a forced API the driver lacks is a clear failure, not a crash") {
        CHECK(run_kiosk_with("MESA_GL_VERSION_OVERRIDE=2.1", "--gl gl3 --size 200x200 --screenshot " + path, &log) == 1);
        CHECK_THAT(log, Catch::Contains("no usable GL context"));
        CHECK_THAT(log, Catch::Contains("GL 3.0"));
        CHECK_FALSE(std::filesystem::exists(path));
    }
    std::filesystem::remove(path);
}

TEST_CASE("textures and long draw lists render on every GL API", "[gl][platform]") {
    const GlApi api = GENERATE(GlApi::Gl3, GlApi::Gles3, GlApi::Gles2);
    INFO("API " << platform::gl_api_name(api));
    test::ScopedEnv no_display("DISPLAY", nullptr);
    test::ScopedEnv gl_override("MESA_GL_VERSION_OVERRIDE", nullptr);
    test::ScopedEnv gles_override("MESA_GLES_VERSION_OVERRIDE", gles_override_for(api));

    constexpr int kWidth = 256, kHeight = 160;
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(float(kWidth), float(kHeight));
    io.Fonts->Build();

    platform::SurfaceConfig config;
    config.headless = true;
    config.width = kWidth;
    config.height = kHeight;
    config.gl = api;
    std::string error;
    std::unique_ptr<platform::Surface> surface = platform::open_surface(config, &error);
    REQUIRE(surface != nullptr);
    const platform::GlInfo info = surface->gl_info();
    CHECK(info.api == api);
    if (api == GlApi::Gles2) CHECK_THAT(info.version, Catch::StartsWith("OpenGL ES 2.0"));
    if (api == GlApi::Gles3) CHECK_THAT(info.version, Catch::StartsWith("OpenGL ES 3"));
    CHECK_THAT(platform::gl_summary(info), Catch::StartsWith(platform::gl_api_name(api)));

    // A 2x2 RGBA checker (red, green / blue, white) drawn 40 px a cell with nearest filtering, and
    // a 4x1 ramp of white at alpha 0, 128, 255, 255 tinted yellow by the vertex colour.
    const uint8_t checker[] = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255};
    const uintptr_t rgba = surface->upload_texture(2, 2, checker, platform::TextureFilter::Nearest, 0);
    REQUIRE(rgba != 0);
    const uint8_t ramp[] = {255, 255, 255, 0, 255, 255, 255, 128, 255, 255, 255, 255, 255, 255, 255, 255};
    const uintptr_t alpha = surface->upload_texture(4, 1, ramp, platform::TextureFilter::Nearest, 0);
    REQUIRE(alpha != 0);
    CHECK(alpha != rgba);
    const auto texture_id = [](uintptr_t texture) { return reinterpret_cast<ImTextureID>(texture); };

    const auto draw = [&](bool many_rects) {
        ImGui::NewFrame();
        ImDrawList* list = ImGui::GetForegroundDrawList();
        list->AddImage(texture_id(rgba), ImVec2(10, 10), ImVec2(90, 90));
        list->AddImage(texture_id(alpha), ImVec2(100, 10), ImVec2(180, 30), ImVec2(0, 0), ImVec2(1, 1),
                       IM_COL32(255, 255, 0, 255));
        if (many_rects) {
            // 17,000 rectangles of 4 vertices: past 65,536, so ImGui splits the list with VtxOffset
            // and the last rectangle (white, bottom right) only shows if the renderer honours it.
            for (int i = 0; i < 17000; ++i)
                list->AddRectFilled(ImVec2(200, 100), ImVec2(201, 101), IM_COL32(0, 0, 80, 255));
            list->AddRectFilled(ImVec2(220, 120), ImVec2(250, 150), IM_COL32(255, 255, 255, 255));
        }
        ImGui::Render();
        surface->begin_frame();
        surface->render(ImGui::GetDrawData(), 0.0f, 0.0f, 0.0f);
        return surface->read_pixels();
    };

    platform::Pixels pixels = draw(false);
    CHECK(near(pixel(pixels, 20, 20), 255, 0, 0));      // top-left cell: the first texel row is the top
    CHECK(near(pixel(pixels, 70, 20), 0, 255, 0));
    CHECK(near(pixel(pixels, 20, 70), 0, 0, 255));
    CHECK(near(pixel(pixels, 70, 70), 255, 255, 255));
    CHECK(near(pixel(pixels, 105, 20), 0, 0, 0));       // coverage 0: the black page
    CHECK(near(pixel(pixels, 125, 20), 128, 128, 0));   // coverage 128 of yellow over black
    CHECK(near(pixel(pixels, 145, 20), 255, 255, 0));
    CHECK(near(pixel(pixels, 5, 5), 0, 0, 0));

    SECTION("replacing a texture changes what is drawn, in place") {
        const uint8_t grey[] = {90, 90, 90, 255, 90, 90, 90, 255, 90, 90, 90, 255, 90, 90, 90, 255};
        CHECK(surface->upload_texture(2, 2, grey, platform::TextureFilter::Nearest, rgba) == rgba);
        pixels = draw(false);
        CHECK(near(pixel(pixels, 20, 20), 90, 90, 90));
        CHECK(near(pixel(pixels, 70, 70), 90, 90, 90));
        CHECK(near(pixel(pixels, 145, 20), 255, 255, 0));  // the other texture is untouched
        // A `replace` that is not one of ours makes a new texture instead.
        const uintptr_t other = surface->upload_texture(2, 2, grey, platform::TextureFilter::Linear, 987654);
        CHECK(other != 0);
        CHECK(other != rgba);
        CHECK(other != alpha);
    }
    SECTION("bad requests are refused with 0, not a crash") {
        CHECK(surface->upload_texture(0, 4, checker, platform::TextureFilter::Linear, 0) == 0);
        CHECK(surface->upload_texture(1 << 20, 1, checker, platform::TextureFilter::Linear, 0) == 0);
        CHECK(surface->upload_texture(2, 2, nullptr, platform::TextureFilter::Linear, 0) == 0);
    }
    SECTION("a draw list past 65,536 vertices draws to its end") {
        draw(false);  // the renderer declares VtxOffset support; ImGui uses it from the next frame
        pixels = draw(true);
        CHECK(near(pixel(pixels, 235, 135), 255, 255, 255));
        CHECK(near(pixel(pixels, 200, 100), 0, 0, 80));
        CHECK(near(pixel(pixels, 20, 20), 255, 0, 0));  // the first commands are still right
    }

    surface.reset();
    ImGui::DestroyContext();
}
