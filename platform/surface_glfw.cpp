// The window surface: a GLFW window (fullscreen on a chosen monitor, or a plain window) with a
// desktop GL 3.x, GLES 3 or GLES 2 context and vsync. Input arrives through GLFW callbacks that only append plain
// InputEvents to a queue; wait_events() hands the queue over. Does NOT use ImGui_ImplGlfw or
// otherwise talk to ImGui: the app feeds ImGui from the events.
//
// Sections: [errors] GLFW error logging  [surface] the Surface  [open] window and context creation
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include "gl_internal.h"
#include "gl_renderer.h"

namespace kiosk::platform::detail {

namespace {

// [errors] --------------------------------------------------------------------------------------

// GLFW reports errors through a callback; keep the last one for open_surface's message and log each
// distinct one once, because some (a lost monitor, an unsupported hint) repeat every frame.
std::string g_last_glfw_error;
std::set<std::string> g_logged_glfw_errors;
constexpr size_t kMaxDistinctGlfwErrors = 64;  // bound the memory a misbehaving driver can cost

void on_glfw_error(int code, const char* description) {
    char prefix[32];
    std::snprintf(prefix, sizeof prefix, "GLFW error 0x%05X: ", unsigned(code));
    g_last_glfw_error = prefix + std::string(description != nullptr ? description : "");
    if (g_logged_glfw_errors.size() < kMaxDistinctGlfwErrors && g_logged_glfw_errors.insert(g_last_glfw_error).second) {
        std::fprintf(stderr, "kiosk: platform: %s\n", g_last_glfw_error.c_str());
    }
}

std::string glfw_failure(const char* what) {
    return std::string(what) + (g_last_glfw_error.empty() ? "" : ": " + g_last_glfw_error);
}

// [surface] -------------------------------------------------------------------------------------

Key map_key(int key) {
    switch (key) {
        case GLFW_KEY_UP: return Key::Up;
        case GLFW_KEY_DOWN: return Key::Down;
        case GLFW_KEY_LEFT: return Key::Left;
        case GLFW_KEY_RIGHT: return Key::Right;
        case GLFW_KEY_PAGE_UP: return Key::PageUp;
        case GLFW_KEY_PAGE_DOWN: return Key::PageDown;
        case GLFW_KEY_HOME: return Key::Home;
        case GLFW_KEY_END: return Key::End;
        case GLFW_KEY_SPACE: return Key::Space;
        case GLFW_KEY_ESCAPE: return Key::Escape;
        case GLFW_KEY_ENTER: return Key::Enter;
        case GLFW_KEY_KP_ENTER: return Key::Enter;
        case GLFW_KEY_TAB: return Key::Tab;
        case GLFW_KEY_F4: return Key::F4;
        case GLFW_KEY_Q: return Key::Q;
        case GLFW_KEY_W: return Key::W;
        default: return Key::Other;
    }
}

int modifier_bit(int key) {
    switch (key) {
        case GLFW_KEY_LEFT_SHIFT: case GLFW_KEY_RIGHT_SHIFT: return GLFW_MOD_SHIFT;
        case GLFW_KEY_LEFT_CONTROL: case GLFW_KEY_RIGHT_CONTROL: return GLFW_MOD_CONTROL;
        case GLFW_KEY_LEFT_ALT: case GLFW_KEY_RIGHT_ALT: return GLFW_MOD_ALT;
        default: return 0;
    }
}

// Monitor DPI from its reported physical size. X11 drivers and some panels report 0 mm or a
// placeholder (e.g. 160x90 mm for a TV), so distrust sizes that disagree between the axes or give
// a DPI no screen has.
float monitor_dpi(GLFWmonitor* monitor) {
    if (monitor == nullptr) return 0.0f;
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    int width_mm = 0, height_mm = 0;
    glfwGetMonitorPhysicalSize(monitor, &width_mm, &height_mm);
    if (mode == nullptr || width_mm <= 0 || height_mm <= 0) return 0.0f;
    const float dpi_x = float(mode->width) * 25.4f / float(width_mm);
    const float dpi_y = float(mode->height) * 25.4f / float(height_mm);
    constexpr float kMinDpi = 50.0f, kMaxDpi = 800.0f;
    if (dpi_x < kMinDpi || dpi_x > kMaxDpi || dpi_y < kMinDpi || dpi_y > kMaxDpi) return 0.0f;
    if (std::max(dpi_x, dpi_y) > 1.25f * std::min(dpi_x, dpi_y)) return 0.0f;
    return 0.5f * (dpi_x + dpi_y);
}

struct ContextHints {
    GlApi api = GlApi::Gl3;             // the renderer path this context is for
    int client = GLFW_OPENGL_API;       // GLFW_CLIENT_API
    int creation = GLFW_NATIVE_CONTEXT_API;  // GLX on X11 (ES through GLX_EXT_create_context_es2_profile), or EGL
    int major = 0, minor = 0;           // 0: leave GLFW's default (any version)
    int profile = GLFW_OPENGL_ANY_PROFILE;
    const char* label = "";
};

class SurfaceGlfw final : public Surface {
public:
    SurfaceGlfw() = default;

    ~SurfaceGlfw() override {
        if (window_ != nullptr) {
            glfwMakeContextCurrent(window_);
            renderer_.shutdown();
            glfwDestroyWindow(window_);
        }
        glfwTerminate();
        glfwSetErrorCallback(nullptr);
    }

    bool open(const SurfaceConfig& config, std::string* error);
    // One window + context of the kind `hints` asks for; "" with window_ ready, else why not
    // (and no window left behind).
    std::string try_context(const SurfaceConfig& config, const ContextHints& hints, GLFWmonitor* monitor,
                            const GLFWvidmode* mode);

    int width() const override {
        int w = 0, h = 0;
        glfwGetFramebufferSize(window_, &w, &h);
        return w;
    }
    int height() const override {
        int w = 0, h = 0;
        glfwGetFramebufferSize(window_, &w, &h);
        return h;
    }
    float content_scale() const override { return dpi_ > 0.0f ? dpi_ / 96.0f : 1.0f; }
    float physical_dpi() const override { return dpi_; }
    GlInfo gl_info() const override { return info_; }

    double now() const override {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

    std::vector<InputEvent> wait_events(double deadline) override {
        // Events queued meanwhile (callbacks can fire inside swaps and resizes) must not wait.
        const double timeout = queue_.empty() ? deadline - now() : 0.0;
        if (timeout <= 0.0) {
            glfwPollEvents();
        } else if (!std::isfinite(timeout) || timeout > 1e6) {
            glfwWaitEvents();  // "no change due": sleep until input
        } else {
            glfwWaitEventsTimeout(timeout);
        }
        std::vector<InputEvent> events;
        events.swap(queue_);
        return events;
    }

    void begin_frame() override {
        gl_.glBindFramebuffer(GL_FRAMEBUFFER, 0);
        gl_.glViewport(0, 0, width(), height());
    }

    void render(ImDrawData* draw_data, float r, float g, float b) override {
        gl_.glBindFramebuffer(GL_FRAMEBUFFER, 0);
        renderer_.render(draw_data, width(), height(), r, g, b);
    }

    void fonts_changed() override { renderer_.fonts_changed(); }
    uintptr_t upload_texture(int width, int height, const uint8_t* rgba, TextureFilter filter,
                             uintptr_t replace) override {
        return renderer_.upload_texture(width, height, rgba, filter, replace);
    }
    void present() override { glfwSwapBuffers(window_); }

    // Reads the back buffer: call between render() and present(); after a swap its content is
    // undefined. GLES 2 has no glReadBuffer: it always reads the surface being drawn, the back buffer.
    Pixels read_pixels() override {
        gl_.glBindFramebuffer(GL_FRAMEBUFFER, 0);
        if (gl_.glReadBuffer != nullptr) gl_.glReadBuffer(GL_BACK);
        return read_framebuffer_rgba(gl_, width(), height());
    }

    // glfwPostEmptyEvent is one of the few GLFW calls allowed on any thread.
    void wake() override { glfwPostEmptyEvent(); }

    void set_cursor_visible(bool visible) override {
        glfwSetInputMode(window_, GLFW_CURSOR, visible ? GLFW_CURSOR_NORMAL : GLFW_CURSOR_HIDDEN);
    }


private:
    static SurfaceGlfw* self(GLFWwindow* window) {
        return static_cast<SurfaceGlfw*>(glfwGetWindowUserPointer(window));
    }

    InputEvent make_event(EventType type) const {
        InputEvent event;
        event.type = type;
        event.time = now();
        event.ctrl = (mods_ & GLFW_MOD_CONTROL) != 0;
        event.alt = (mods_ & GLFW_MOD_ALT) != 0;
        event.shift = (mods_ & GLFW_MOD_SHIFT) != 0;
        return event;
    }

    // GLFW gives the cursor in window coordinates; on HiDPI (Wayland, scaled X) the framebuffer
    // is larger, and the app draws in framebuffer pixels.
    void to_framebuffer(double x, double y, InputEvent* event) const {
        int window_w = 0, window_h = 0, fb_w = 0, fb_h = 0;
        glfwGetWindowSize(window_, &window_w, &window_h);
        glfwGetFramebufferSize(window_, &fb_w, &fb_h);
        const double sx = window_w > 0 ? double(fb_w) / window_w : 1.0;
        const double sy = window_h > 0 ? double(fb_h) / window_h : 1.0;
        event->x = float(x * sx);
        event->y = float(y * sy);
    }

    void pointer_event(EventType type) {
        double x = 0.0, y = 0.0;
        glfwGetCursorPos(window_, &x, &y);
        InputEvent event = make_event(type);
        to_framebuffer(x, y, &event);
        queue_.push_back(event);
    }

    static void on_mouse_button(GLFWwindow* window, int button, int action, int mods) {
        SurfaceGlfw* s = self(window);
        s->mods_ = mods;
        if (button != GLFW_MOUSE_BUTTON_1) return;
        s->pointer_event(action == GLFW_PRESS ? EventType::PointerDown : EventType::PointerUp);
    }

    static void on_cursor_pos(GLFWwindow* window, double x, double y) {
        SurfaceGlfw* s = self(window);
        InputEvent event = s->make_event(EventType::PointerMove);
        s->to_framebuffer(x, y, &event);
        s->queue_.push_back(event);
    }

    static void on_scroll(GLFWwindow* window, double dx, double dy) {
        SurfaceGlfw* s = self(window);
        double x = 0.0, y = 0.0;
        glfwGetCursorPos(window, &x, &y);
        InputEvent event = s->make_event(EventType::Wheel);
        s->to_framebuffer(x, y, &event);
        event.wheel_x = float(dx);
        event.wheel_y = float(dy);
        s->queue_.push_back(event);
    }

    static void on_key(GLFWwindow* window, int key, int /*scancode*/, int action, int mods) {
        SurfaceGlfw* s = self(window);
        // Gotcha (X11 modifier state): GLFW reports the modifiers as they were before this event,
        // so Shift's own press lacks the Shift bit and its release still has it. Keep the state
        // after the event, which is what the next click or move should see.
        s->mods_ = mods;
        const int own_bit = modifier_bit(key);
        if (own_bit != 0) s->mods_ = action == GLFW_RELEASE ? (s->mods_ & ~own_bit) : (s->mods_ | own_bit);
        // Auto-repeat is dropped: a held key is one KeyDown and one KeyUp, and the app times any
        // repeat itself (as ImGui does from the held state).
        if (action == GLFW_REPEAT) return;
        InputEvent event = s->make_event(action == GLFW_PRESS ? EventType::KeyDown : EventType::KeyUp);
        event.key = map_key(key);
        s->queue_.push_back(event);
    }

    // Render on change means nothing redraws by itself: a compositor that maps, resizes or makes
    // the window fullscreen after the first frame (cage does) would otherwise leave it black.
    static void on_exposed(GLFWwindow* window) { self(window)->queue_.push_back(self(window)->make_event(EventType::Exposed)); }
    static void on_framebuffer_size(GLFWwindow* window, int /*width*/, int /*height*/) { on_exposed(window); }

    static void on_close(GLFWwindow* window) {
        // The app decides whether a close request ends the kiosk (it usually should not).
        glfwSetWindowShouldClose(window, GLFW_FALSE);
        self(window)->queue_.push_back(self(window)->make_event(EventType::CloseRequested));
    }

    GLFWwindow* window_ = nullptr;
    int mods_ = 0;                      // GLFW_MOD_* bits as of the last key or button event
    float dpi_ = 0.0f;                  // of the monitor we are on; 0 unknown
    GlInfo info_;
    std::vector<InputEvent> queue_;     // filled by callbacks, emptied by wait_events()
    GlFunctions gl_;                    // loaded for the window's context
    GlRenderer renderer_;               // holds a pointer to gl_: declared after it
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

// [open] ----------------------------------------------------------------------------------------

// Best first within each API; the last GL one asks for nothing, so a driver that refuses every
// versioned request may still hand over a 3.x compatibility context. GLES is asked for through the
// native API first and through EGL second (an X server without the GLX ES extension).
constexpr ContextHints kContextAttempts[] = {
    {GlApi::Gl3, GLFW_OPENGL_API, GLFW_NATIVE_CONTEXT_API, 3, 3, GLFW_OPENGL_CORE_PROFILE, "GL 3.3 core"},
    {GlApi::Gl3, GLFW_OPENGL_API, GLFW_NATIVE_CONTEXT_API, 3, 2, GLFW_OPENGL_CORE_PROFILE, "GL 3.2 core"},
    {GlApi::Gl3, GLFW_OPENGL_API, GLFW_NATIVE_CONTEXT_API, 3, 0, GLFW_OPENGL_ANY_PROFILE, "GL 3.0"},
    {GlApi::Gl3, GLFW_OPENGL_API, GLFW_NATIVE_CONTEXT_API, 0, 0, GLFW_OPENGL_ANY_PROFILE, "default GL"},
    {GlApi::Gles3, GLFW_OPENGL_ES_API, GLFW_NATIVE_CONTEXT_API, 3, 0, GLFW_OPENGL_ANY_PROFILE, "GLES 3"},
    {GlApi::Gles3, GLFW_OPENGL_ES_API, GLFW_EGL_CONTEXT_API, 3, 0, GLFW_OPENGL_ANY_PROFILE, "GLES 3 (EGL)"},
    {GlApi::Gles2, GLFW_OPENGL_ES_API, GLFW_NATIVE_CONTEXT_API, 2, 0, GLFW_OPENGL_ANY_PROFILE, "GLES 2"},
    {GlApi::Gles2, GLFW_OPENGL_ES_API, GLFW_EGL_CONTEXT_API, 2, 0, GLFW_OPENGL_ANY_PROFILE, "GLES 2 (EGL)"},
};

bool SurfaceGlfw::open(const SurfaceConfig& config, std::string* error) {
    GLFWmonitor* monitor = nullptr;
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    monitor = (config.monitor >= 0 && config.monitor < count) ? monitors[config.monitor] : glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
    if (config.fullscreen && mode == nullptr) {
        set_error(error, glfw_failure("GLFW: no monitor to go fullscreen on"));
        return false;
    }
    dpi_ = monitor_dpi(monitor);
    if (config.on_size_known) {
        // The size asked for; the window manager may still change it (then the first frame says so).
        config.on_size_known(config.fullscreen ? mode->width : config.width,
                             config.fullscreen ? mode->height : config.height, dpi_);
    }

    std::string tried;
    for (GlApi api : apis_to_try(config.gl)) {
        for (const ContextHints& hints : kContextAttempts) {
            if (hints.api != api) continue;
            const std::string failure = try_context(config, hints, monitor, mode);
            if (failure.empty()) break;
            tried += (tried.empty() ? "" : "; ") + std::string(hints.label) + ": " + failure;
        }
        if (window_ != nullptr) break;
    }
    if (window_ == nullptr) {
        set_error(error, "GLFW: no window with a usable GL context (" + tried + ")");
        return false;
    }

    glfwSwapInterval(1);

    glfwSetWindowUserPointer(window_, this);
    glfwSetMouseButtonCallback(window_, on_mouse_button);
    glfwSetCursorPosCallback(window_, on_cursor_pos);
    glfwSetScrollCallback(window_, on_scroll);
    glfwSetKeyCallback(window_, on_key);
    glfwSetWindowCloseCallback(window_, on_close);
    glfwSetWindowRefreshCallback(window_, on_exposed);
    glfwSetFramebufferSizeCallback(window_, on_framebuffer_size);
    return true;
}


std::string SurfaceGlfw::try_context(const SurfaceConfig& config, const ContextHints& hints, GLFWmonitor* monitor,
                                     const GLFWvidmode* mode) {
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CLIENT_API, hints.client);
    glfwWindowHint(GLFW_CONTEXT_CREATION_API, hints.creation);
    if (hints.major > 0) {
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, hints.major);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, hints.minor);
    }
    if (hints.client == GLFW_OPENGL_API && hints.major > 0) glfwWindowHint(GLFW_OPENGL_PROFILE, hints.profile);
    // ImGui clips with the scissor and never tests depth: without these buffers a software driver
    // saves a screen-sized allocation each (8 MiB at 1920x1080).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    g_last_glfw_error.clear();
    if (config.fullscreen) {
        // The monitor's current mode: no mode switch, no flicker, and the panel's native size.
        glfwWindowHint(GLFW_RED_BITS, mode->redBits);
        glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
        glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
        window_ = glfwCreateWindow(mode->width, mode->height, config.title.c_str(), monitor, nullptr);
    } else {
        window_ = glfwCreateWindow(config.width, config.height, config.title.c_str(), nullptr, nullptr);
    }
    if (window_ == nullptr) return glfw_failure("no window");
    glfwMakeContextCurrent(window_);
    std::string failure;
    if (load_gl_functions(glfwGetProcAddress, hints.api, &gl_, &failure)) {
        info_ = query_gl_info(gl_, hints.api);
        failure = check_gl_version(hints.api, info_.version);
    }
    if (failure.empty()) {
        int major = 0, minor = 0;
        parse_gl_version(info_.version, &major, &minor);
        if (renderer_.init(gl_, hints.api, major, minor, &failure))
            info_.glsl = glsl_dialect_for(hints.api, major, minor).version_line;
    }
    if (failure.empty()) return {};
    glfwMakeContextCurrent(nullptr);
    glfwDestroyWindow(window_);
    window_ = nullptr;
    gl_ = GlFunctions{};
    return failure;
}

}  // namespace

std::unique_ptr<Surface> open_window_glfw(const SurfaceConfig& config, std::string* error) {
    glfwSetErrorCallback(on_glfw_error);
    g_last_glfw_error.clear();
    if (!glfwInit()) {
        set_error(error, glfw_failure("GLFW: cannot initialise"));
        glfwSetErrorCallback(nullptr);
        return nullptr;
    }
    // From here the surface owns GLFW: its destructor terminates it, also when opening fails.
    auto surface = std::make_unique<SurfaceGlfw>();
    if (!surface->open(config, error)) return nullptr;
    return surface;
}

}  // namespace kiosk::platform::detail
