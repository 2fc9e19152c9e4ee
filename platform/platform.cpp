// The backend-neutral half of platform.h: choosing a surface, PNG output, display detection, and
// the small GL helpers both surfaces share. Does NOT create windows or contexts itself.
#include "platform.h"

#include <cerrno>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <stb/stb_image_write.h>  // implementation lives in Debian's libstb.so

#include "gl_internal.h"

namespace kiosk::platform {

namespace {

// Larger than any screen or capture we make; guards against a typo allocating gigabytes.
constexpr int kMaxSurfaceSide = 16384;

bool env_set(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && value[0] != '\0';
}

}  // namespace

std::unique_ptr<Surface> open_surface(const SurfaceConfig& config, std::string* error) {
    // A fullscreen window takes the monitor's mode, so its configured size does not matter.
    const bool size_matters = config.headless || !config.fullscreen;
    if (size_matters && (config.width <= 0 || config.height <= 0 || config.width > kMaxSurfaceSide ||
                         config.height > kMaxSurfaceSide)) {
        detail::set_error(error, "bad surface size " + std::to_string(config.width) + "x" +
                                     std::to_string(config.height) + " (1.." +
                                     std::to_string(kMaxSurfaceSide) + " pixels a side)");
        return nullptr;
    }
    if (config.headless) return detail::open_headless_egl(config, error);
    if (!display_available()) {
        detail::set_error(error, "no display: DISPLAY and WAYLAND_DISPLAY are unset (only a headless surface works without one)");
        return nullptr;
    }
    return detail::open_window_glfw(config, error);
}

bool write_png(const std::string& path, const Pixels& pixels, std::string* error) {
    const size_t expected = size_t(pixels.width) * size_t(pixels.height) * 4;
    if (pixels.width <= 0 || pixels.height <= 0 || pixels.rgba.size() != expected) {
        detail::set_error(error, path + ": no image to write (" + std::to_string(pixels.width) + "x" +
                                     std::to_string(pixels.height) + ", " +
                                     std::to_string(pixels.rgba.size()) + " bytes)");
        return false;
    }
    errno = 0;
    if (stbi_write_png(path.c_str(), pixels.width, pixels.height, 4, pixels.rgba.data(), pixels.width * 4) == 0) {
        // stb only reports failure; errno still holds what fopen/fwrite hit.
        const int saved = errno;
        detail::set_error(error, path + ": cannot write PNG: " +
                                     (saved != 0 ? std::strerror(saved) : "unknown error"));
        return false;
    }
    return true;
}

double local_wall_clock() {
    const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
    const double unix_seconds = std::chrono::duration<double>(since_epoch).count();
    const std::time_t whole = std::time_t(unix_seconds);
    std::tm local{};
    if (localtime_r(&whole, &local) == nullptr) return unix_seconds;
    return unix_seconds + double(local.tm_gmtoff);
}

bool display_available() { return env_set("DISPLAY") || env_set("WAYLAND_DISPLAY"); }

void set_process_environment() {
    setenv("MESA_SHADER_CACHE_DISABLE", "true", 0);
    setenv("XCOMPOSEFILE", "/dev/null", 0);
}

bool parse_gl_api(const std::string& name, GlApi* api) {
    for (GlApi candidate : {GlApi::Auto, GlApi::Gl3, GlApi::Gles3, GlApi::Gles2}) {
        if (name == gl_api_name(candidate)) {
            *api = candidate;
            return true;
        }
    }
    return false;
}

std::string gl_summary(const GlInfo& info) {
    return std::string(gl_api_name(info.api)) + " (" + info.version + ", " + info.renderer + "; " + info.glsl + ")";
}

const char* gl_api_name(GlApi api) {
    switch (api) {
        case GlApi::Auto: return "auto";
        case GlApi::Gl3: return "gl3";
        case GlApi::Gles3: return "gles3";
        case GlApi::Gles2: return "gles2";
    }
    return "unknown";
}

namespace detail {

void set_error(std::string* error, const std::string& message) {
    if (error != nullptr) *error = message;
}

std::vector<GlApi> apis_to_try(GlApi requested) {
    if (requested == GlApi::Auto) return {GlApi::Gl3, GlApi::Gles3, GlApi::Gles2};
    return {requested};
}

GlInfo query_gl_info(const GlFunctions& gl, GlApi api) {
    GlInfo info;
    info.api = api;
    const auto* version = reinterpret_cast<const char*>(gl.glGetString(GL_VERSION));
    const auto* renderer = reinterpret_cast<const char*>(gl.glGetString(GL_RENDERER));
    info.version = version != nullptr ? version : "";
    info.renderer = renderer != nullptr ? renderer : "";
    return info;
}

void parse_gl_version(const std::string& version, int* major, int* minor) {
    *major = 0;
    *minor = 0;
    // Desktop strings start with the number; GLES ones with "OpenGL ES 3.1 ...".
    const char* text = version.c_str();
    const char* digits = std::strpbrk(text, "0123456789");
    if (digits == nullptr || std::sscanf(digits, "%d.%d", major, minor) != 2) {
        *major = 0;
        *minor = 0;
    }
}

std::string check_gl_version(GlApi api, const std::string& version) {
    int major = 0, minor = 0;
    parse_gl_version(version, &major, &minor);
    const bool es = version.rfind("OpenGL ES", 0) == 0;
    const int needed = api == GlApi::Gles2 ? 2 : 3;
    if (es != (api != GlApi::Gl3)) return "got '" + version + "', not " + (es ? "desktop GL" : "OpenGL ES");
    if (major < needed) return "got '" + version + "', needs " + std::to_string(needed) + ".0 or later";
    return {};
}

Pixels read_framebuffer_rgba(const GlFunctions& gl, int width, int height) {
    Pixels pixels;
    if (width <= 0 || height <= 0) return pixels;
    pixels.width = width;
    pixels.height = height;
    pixels.rgba.resize(size_t(width) * size_t(height) * 4);
    std::vector<uint8_t> bottom_up(pixels.rgba.size());
    gl.glPixelStorei(GL_PACK_ALIGNMENT, 1);
    gl.glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    // GL's origin is the bottom-left corner; images (and PNG) start at the top.
    const size_t row = size_t(width) * 4;
    for (int y = 0; y < height; ++y) {
        std::memcpy(pixels.rgba.data() + size_t(y) * row, bottom_up.data() + size_t(height - 1 - y) * row, row);
    }
    return pixels;
}

}  // namespace detail

}  // namespace kiosk::platform
