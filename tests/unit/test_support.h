// Helpers the tests share: run the kiosk binary, read PNGs, unique temporary paths, render
// in-process on a headless surface. Test-only; nothing here is part of the kiosk.
#pragma once
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/app.h"
#include "platform/platform.h"

namespace kiosk::test {

// RGBA pixels (platform::Pixels: top row first) that tests can also read luminance from.
struct Image : platform::Pixels {
    Image() = default;
    explicit Image(platform::Pixels pixels) : platform::Pixels(std::move(pixels)) {}
    float luminance(int x, int y) const {
        const uint8_t* p = &rgba[(static_cast<size_t>(y) * width + x) * 4];
        return (0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2]) / 255.0f;
    }
};

// The PNG at `path` as RGBA; empty (width 0) when it cannot be read.
Image load_png(const std::string& path);

// Runs the kiosk binary with no display; returns its exit status and, when asked, stdout + stderr.
int run_kiosk(const std::string& args, std::string* output = nullptr);

// Runs a shell command; returns its exit status and its stdout + stderr.
int run_command(const std::string& command, std::string* output);

// A path in the temporary directory unique to this process: "<tmp>/kiosk-test-<pid>-<name>".
// (ctest runs cases in parallel processes, and other checkouts may run their tests at the same time.)
std::string temp_path(const std::string& name);

// Fraction of pixels in a box that are clearly brighter than the page: ink.
double ink(const Image& image, int x0, int y0, int x1, int y1);

// Renders frames of `app` on a headless surface of `width` × `height` and returns the last one's
// pixels, one frame at each of `times`. The app keeps its state; its textures go with the surface.
platform::Pixels render_app(app::App& app, int width, int height, const std::vector<double>& times);

// A still touch at (x, y) of `held` seconds, sent to `app` at `t`, which moves on by `held`.
void touch(app::App& app, float x, float y, double& t, double held = 0.08);
// The same at the middle of `box`.
void touch(app::App& app, const layout::Box& box, double& t);

// Sets (or, with null, removes) an environment variable for one scope, then puts it back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old, had_ = true;
        if (value != nullptr) setenv(name, value, 1);
        else unsetenv(name);
    }
    ~ScopedEnv() {
        if (had_) setenv(name_, old_.c_str(), 1);
        else unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::string old_;
    bool had_ = false;
};

}  // namespace kiosk::test
