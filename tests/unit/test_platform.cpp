// platform/: the headless EGL surface end to end (open with no display, draw ImGui, read back,
// write a PNG) and the failures open_surface must report instead of crashing. Needs Mesa's EGL
// (llvmpipe is enough); never opens a window.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include <imgui.h>

#include "platform/platform.h"

using namespace kiosk::platform;

namespace {

// Hides the display variables for one test, so "works without a display" is what gets tested even
// when the tests run under X or Xvfb, and puts them back afterwards for the other tests.
class NoDisplay {
public:
    NoDisplay() : display_(take("DISPLAY")), wayland_(take("WAYLAND_DISPLAY")) {}
    ~NoDisplay() {
        if (display_) setenv("DISPLAY", display_->c_str(), 1);
        if (wayland_) setenv("WAYLAND_DISPLAY", wayland_->c_str(), 1);
    }

private:
    static std::optional<std::string> take(const char* name) {
        const char* value = std::getenv(name);
        std::optional<std::string> saved;
        if (value != nullptr) saved = value;
        unsetenv(name);
        return saved;
    }
    std::optional<std::string> display_, wayland_;
};

// An ImGui context for the test's lifetime, with the default font atlas built as the app would.
class ImGuiScope {
public:
    ImGuiScope(int width, int height) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(float(width), float(height));
        io.Fonts->Build();
    }
    ~ImGuiScope() { ImGui::DestroyContext(); }
};

struct Rgba {
    int r = 0, g = 0, b = 0, a = 0;
};

Rgba pixel_at(const Pixels& pixels, int x, int y) {
    const uint8_t* p = pixels.rgba.data() + (size_t(y) * size_t(pixels.width) + size_t(x)) * 4;
    return Rgba{p[0], p[1], p[2], p[3]};
}

constexpr float kClear = 0.1f;  // dark grey: 0.1 * 255 rounds to 25 or 26

bool is_clear(const Rgba& c) {
    return c.r >= 24 && c.r <= 27 && c.g >= 24 && c.g <= 27 && c.b >= 24 && c.b <= 27 && c.a == 255;
}
bool is_white(const Rgba& c) { return c.r == 255 && c.g == 255 && c.b == 255 && c.a == 255; }

// One ImGui frame: a white rectangle in the top-left area, far from the bottom rows, so a
// read-back that forgot to flip GL's bottom-up rows shows it in the wrong place.
void draw_white_rect_frame(Surface& surface) {
    ImGui::NewFrame();
    ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(40, 20), ImVec2(140, 60), IM_COL32(255, 255, 255, 255));
    ImGui::Render();
    surface.begin_frame();
    surface.render(ImGui::GetDrawData(), kClear, kClear, kClear);
    surface.present();
}

std::string temp_path(const char* name) { return (std::filesystem::temp_directory_path() / name).string(); }

}  // namespace

TEST_CASE("headless surface opens without a display and renders ImGui", "[platform]") {
    NoDisplay no_display;
    REQUIRE_FALSE(display_available());
    ImGuiScope imgui(320, 200);

    SurfaceConfig config;
    config.width = 320;
    config.height = 200;
    config.headless = true;
    std::string error;
    std::unique_ptr<Surface> surface = open_surface(config, &error);
    REQUIRE(surface != nullptr);
    CHECK(error.empty());
    CHECK(surface->width() == 320);
    CHECK(surface->height() == 200);
    CHECK(surface->content_scale() == 1.0f);
    CHECK(surface->physical_dpi() == 0.0f);

    const GlInfo info = surface->gl_info();
    CHECK(info.api == GlApi::Gl3);
    CHECK_FALSE(info.version.empty());
    CHECK_FALSE(info.renderer.empty());
    INFO("GL_VERSION " << info.version << ", GL_RENDERER " << info.renderer);

    SECTION("the frame reads back top row first with the expected colours") {
        draw_white_rect_frame(*surface);
        const Pixels pixels = surface->read_pixels();
        REQUIRE(pixels.width == 320);
        REQUIRE(pixels.height == 200);
        REQUIRE(pixels.rgba.size() == size_t(320) * 200 * 4);
        CHECK(is_white(pixel_at(pixels, 90, 40)));    // inside the rectangle
        CHECK(is_white(pixel_at(pixels, 41, 21)));    // just inside its top-left corner
        CHECK(is_white(pixel_at(pixels, 138, 58)));   // just inside its bottom-right corner
        CHECK(is_clear(pixel_at(pixels, 90, 159)));   // where an unflipped image would put it
        CHECK(is_clear(pixel_at(pixels, 10, 10)));
        CHECK(is_clear(pixel_at(pixels, 90, 65)));    // just below it
        CHECK(is_clear(pixel_at(pixels, 319, 199)));
        CHECK(ImGui::GetIO().Fonts->TexID != nullptr);  // the renderer uploaded the atlas
    }

    SECTION("a rebuilt font atlas can be uploaded again and rendering goes on") {
        draw_white_rect_frame(*surface);
        ImGui::GetIO().Fonts->Clear();
        ImGui::GetIO().Fonts->AddFontDefault();
        ImGui::GetIO().Fonts->Build();
        surface->fonts_changed();
        CHECK(ImGui::GetIO().Fonts->TexID != nullptr);
        draw_white_rect_frame(*surface);
        CHECK(is_white(pixel_at(surface->read_pixels(), 90, 40)));
    }

    SECTION("the clock runs and headless waiting neither sleeps nor invents input") {
        const double t0 = surface->now();
        CHECK(t0 >= 0.0);
        CHECK(surface->wait_events(t0 + 3600.0).empty());  // would take an hour if it slept
        CHECK(surface->now() >= t0);
    }

    SECTION("write_png writes a PNG file") {
        draw_white_rect_frame(*surface);
        const std::string path = temp_path("kiosk_test_platform.png");
        std::filesystem::remove(path);
        REQUIRE(write_png(path, surface->read_pixels(), &error));
        std::ifstream file(path, std::ios::binary);
        unsigned char signature[8] = {};
        file.read(reinterpret_cast<char*>(signature), sizeof signature);
        REQUIRE(file.gcount() == 8);
        const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        CHECK(std::equal(signature, signature + 8, png));
        CHECK(std::filesystem::file_size(path) > 100);
        std::filesystem::remove(path);
    }

    // The surface goes before the ImGui context (ImGuiScope's destructor): the renderer's shutdown
    // needs the context.
    surface.reset();
}

TEST_CASE("open_surface and write_png report failures instead of crashing", "[platform]") {
    NoDisplay no_display;
    std::string error;

    SECTION("a 0x0 headless surface") {
        SurfaceConfig config;
        config.width = 0;
        config.height = 0;
        config.headless = true;
        CHECK(open_surface(config, &error) == nullptr);
        CHECK_THAT(error, Catch::Contains("0x0"));
    }
    SECTION("a negative size") {
        SurfaceConfig config;
        config.width = -5;
        config.height = 100;
        config.headless = true;
        CHECK(open_surface(config, &error) == nullptr);
        CHECK_FALSE(error.empty());
    }
    SECTION("a window with no display") {
        SurfaceConfig config;
        config.width = 320;
        config.height = 200;
        CHECK(open_surface(config, &error) == nullptr);
        CHECK_THAT(error, Catch::Contains("no display"));
    }
    SECTION("no error string wanted") {
        SurfaceConfig config;
        config.width = 0;
        config.headless = true;
        CHECK(open_surface(config, nullptr) == nullptr);
    }
    SECTION("a PNG into a directory that does not exist") {
        Pixels pixels;
        pixels.width = 2;
        pixels.height = 2;
        pixels.rgba.assign(16, 255);
        CHECK_FALSE(write_png("/nonexistent-kiosk-dir/x.png", pixels, &error));
        CHECK_THAT(error, Catch::Contains("No such file or directory"));
    }
    SECTION("a PNG of inconsistent pixels") {
        Pixels pixels;
        pixels.width = 4;
        pixels.height = 4;
        pixels.rgba.assign(3, 0);
        CHECK_FALSE(write_png(temp_path("kiosk_test_bad.png"), pixels, &error));
        CHECK_FALSE(error.empty());
    }
}

TEST_CASE("gl_api_name names every API", "[platform]") {
    CHECK(std::string(gl_api_name(GlApi::Auto)) == "auto");
    CHECK(std::string(gl_api_name(GlApi::Gl3)) == "gl3");
    CHECK(std::string(gl_api_name(GlApi::Gles3)) == "gles3");
    CHECK(std::string(gl_api_name(GlApi::Gles2)) == "gles2");
}

TEST_CASE("set_process_environment: no shader cache, no Compose table, and an operator's own value stays",
          "[platform][startup]") {
    const auto saved = [](const char* name) -> std::optional<std::string> {
        const char* value = std::getenv(name);
        return value ? std::optional<std::string>(value) : std::nullopt;
    };
    const std::optional<std::string> cache = saved("MESA_SHADER_CACHE_DISABLE"), compose = saved("XCOMPOSEFILE");
    const auto value_of = [](const char* name) { return std::string(std::getenv(name) ? std::getenv(name) : "(unset)"); };

    unsetenv("MESA_SHADER_CACHE_DISABLE");
    unsetenv("XCOMPOSEFILE");
    set_process_environment();
    CHECK(value_of("MESA_SHADER_CACHE_DISABLE") == "true");
    CHECK(value_of("XCOMPOSEFILE") == "/dev/null");

    setenv("MESA_SHADER_CACHE_DISABLE", "false", 1);
    setenv("XCOMPOSEFILE", "/etc/kiosk/Compose", 1);
    set_process_environment();
    CHECK(value_of("MESA_SHADER_CACHE_DISABLE") == "false");
    CHECK(value_of("XCOMPOSEFILE") == "/etc/kiosk/Compose");

    for (const auto& [name, value] : {std::pair{"MESA_SHADER_CACHE_DISABLE", cache}, std::pair{"XCOMPOSEFILE", compose}}) {
        if (value) setenv(name, value->c_str(), 1);
        else unsetenv(name);
    }
}
