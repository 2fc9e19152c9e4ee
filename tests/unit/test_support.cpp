#include "test_support.h"

#include <imgui.h>
#include <stb/stb_image.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "views/theme.h"

namespace kiosk::test {

Image load_png(const std::string& path) {
    Image image;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
    if (!data) return Image{};
    image.rgba.assign(data, data + static_cast<size_t>(image.width) * image.height * 4);
    stbi_image_free(data);
    return image;
}

std::string temp_path(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("kiosk-test-" + std::to_string(getpid()) + "-" + name)).string();
}

int run_command(const std::string& command, std::string* output) {
    static int calls = 0;
    const std::string log = temp_path("run-" + std::to_string(++calls) + ".log");
    const int status = std::system((command + " >" + log + " 2>&1").c_str());
    if (output) {
        output->clear();
        if (std::FILE* file = std::fopen(log.c_str(), "rb")) {
            char buffer[4096];
            size_t n = 0;
            while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0) output->append(buffer, n);
            std::fclose(file);
        }
    }
    std::filesystem::remove(log);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run_kiosk(const std::string& args, std::string* output) {
    return run_command("env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(KIOSK_BINARY) + " " + args, output);
}

double ink(const Image& image, int x0, int y0, int x1, int y1) {
    int count = 0, total = 0;
    for (int y = std::max(0, y0); y < std::min(image.height, y1); ++y)
        for (int x = std::max(0, x0); x < std::min(image.width, x1); ++x, ++total)
            if (image.luminance(x, y) > 0.35f) ++count;
    return total ? static_cast<double>(count) / total : 0.0;
}

platform::Pixels render_app(app::App& app, int width, int height, const std::vector<double>& times) {
    platform::SurfaceConfig config;
    config.headless = true;
    config.width = width;
    config.height = height;
    std::string error;
    auto surface = platform::open_surface(config, &error);
    if (!surface) return {};
    platform::Surface& target = *surface;
    app.set_texture_uploader([&target](int w, int h, const uint8_t* rgba, platform::TextureFilter filter,
                                       uintptr_t replace) { return target.upload_texture(w, h, rgba, filter, replace); });
    for (double now : times) {
        surface->begin_frame();
        ImDrawData* data = app.frame({width, height, 96.0f}, now);
        if (app.take_fonts_changed()) surface->fonts_changed();
        const views::Rgb page = app.theme().background;  // high contrast has its own
        surface->render(data, page.r, page.g, page.b);
    }
    platform::Pixels pixels = surface->read_pixels();
    app.set_texture_uploader(nullptr);  // its textures go with the surface
    surface.reset();
    return pixels;
}

void touch(app::App& app, float x, float y, double& t, double held) {
    platform::InputEvent event;
    event.type = platform::EventType::PointerDown;
    event.x = x;
    event.y = y;
    event.time = t;
    app.handle(event, t);
    t += held;
    event.type = platform::EventType::PointerUp;
    event.time = t;
    app.handle(event, t);
}

void touch(app::App& app, const layout::Box& box, double& t) {
    touch(app, box.x + box.width * 0.5f, box.y + box.height * 0.5f, t);
}

}  // namespace kiosk::test
