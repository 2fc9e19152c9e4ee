// The headless surface: an EGL context on Mesa's surfaceless platform rendering into an offscreen
// framebuffer object, so tests, screenshots and benchmarks run with no display, no window system and
// no GPU (llvmpipe). Does NOT produce input events, sleep, or present anything.
#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

#include "gl_internal.h"
#include "imgui_renderer_gl.h"

namespace kiosk::platform::detail {

namespace {

std::string egl_error_text(const char* what) {
    char code[16];
    std::snprintf(code, sizeof code, "0x%04X", unsigned(eglGetError()));
    return std::string(what) + " failed (EGL error " + code + ")";
}

bool has_extension(const char* list, const char* name) {
    if (list == nullptr) return false;
    const size_t length = std::strlen(name);
    for (const char* p = list; (p = std::strstr(p, name)) != nullptr; p += length) {
        const bool starts = p == list || p[-1] == ' ';
        const bool ends = p[length] == '\0' || p[length] == ' ';
        if (starts && ends) return true;
    }
    return false;
}

// One way of asking EGL for a context, tried in order until one works.
struct ContextAttempt {
    EGLenum api = EGL_OPENGL_API;        // eglBindAPI argument
    EGLint renderable = EGL_OPENGL_BIT;  // EGL_RENDERABLE_TYPE the config needs
    std::vector<EGLint> attribs;         // eglCreateContext attributes, EGL_NONE-terminated
    GlApi gives = GlApi::Gl3;            // what GlInfo reports when it works
    const char* label = "";              // for the error message
};

// The single place that maps a requested GlApi to EGL APIs and attributes, so a GLES path is one
// more branch here (EGL_OPENGL_ES_API, EGL_OPENGL_ES3_BIT, EGL_CONTEXT_MAJOR_VERSION 3 or 2).
std::vector<ContextAttempt> context_attempts(GlApi requested) {
    std::vector<ContextAttempt> attempts;
    if (requested == GlApi::Auto || requested == GlApi::Gl3) {
        auto core = [](EGLint major, EGLint minor, const char* label) {
            return ContextAttempt{EGL_OPENGL_API, EGL_OPENGL_BIT,
                                  {EGL_CONTEXT_MAJOR_VERSION, major, EGL_CONTEXT_MINOR_VERSION, minor,
                                   EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE},
                                  GlApi::Gl3, label};
        };
        attempts.push_back(core(3, 3, "GL 3.3 core"));
        attempts.push_back(core(3, 2, "GL 3.2 core"));
        // 3.0 has no profiles; drivers without core contexts still give a usable one here.
        attempts.push_back(ContextAttempt{EGL_OPENGL_API, EGL_OPENGL_BIT,
                                          {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 0, EGL_NONE},
                                          GlApi::Gl3, "GL 3.0"});
    }
    return attempts;
}

class SurfaceHeadlessEgl final : public Surface {
public:
    SurfaceHeadlessEgl(int width, int height) : width_(width), height_(height) {}

    ~SurfaceHeadlessEgl() override {
        if (display_ == EGL_NO_DISPLAY) return;
        if (context_ != EGL_NO_CONTEXT) {
            eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_);
            renderer_.shutdown();
            if (framebuffer_ != 0) glDeleteFramebuffers(1, &framebuffer_);
            if (colour_ != 0) glDeleteRenderbuffers(1, &colour_);
            eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
            eglDestroyContext(display_, context_);
        }
        eglTerminate(display_);
        eglReleaseThread();
    }

    bool open(GlApi requested, std::string* error) {
        const char* client_extensions = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
        if (!has_extension(client_extensions, "EGL_MESA_platform_surfaceless")) {
            set_error(error, "EGL: no EGL_MESA_platform_surfaceless (needs Mesa's libEGL, e.g. libegl-mesa0)");
            return false;
        }
        auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
            eglGetProcAddress("eglGetPlatformDisplayEXT"));
        if (get_platform_display == nullptr) {
            set_error(error, "EGL: no eglGetPlatformDisplayEXT");
            return false;
        }
        display_ = get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
        if (display_ == EGL_NO_DISPLAY) {
            set_error(error, egl_error_text("EGL: surfaceless display"));
            return false;
        }
        EGLint major = 0, minor = 0;
        if (!eglInitialize(display_, &major, &minor)) {
            set_error(error, egl_error_text("EGL: eglInitialize on the surfaceless platform"));
            eglTerminate(display_);  // safe on a display that failed to initialise
            display_ = EGL_NO_DISPLAY;
            return false;
        }
        const char* extensions = eglQueryString(display_, EGL_EXTENSIONS);
        if (!has_extension(extensions, "EGL_KHR_surfaceless_context")) {
            set_error(error, "EGL: no EGL_KHR_surfaceless_context");
            return false;
        }

        std::string tried;
        for (const ContextAttempt& attempt : context_attempts(requested)) {
            const std::string failure = try_context(attempt);
            if (failure.empty()) break;
            tried += (tried.empty() ? "" : "; ") + std::string(attempt.label) + ": " + failure;
        }
        if (context_ == EGL_NO_CONTEXT) {
            set_error(error, "EGL: no GL context (" + (tried.empty() ? std::string("nothing to try") : tried) + ")");
            return false;
        }
        if (!eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_)) {
            set_error(error, egl_error_text("EGL: eglMakeCurrent without a surface"));
            return false;
        }
        info_ = query_gl_info(gives_);
        renderer_.set_glsl_version(glsl_version_for(info_));
        int gl_major = 0, gl_minor = 0;
        parse_gl_version(info_.version, &gl_major, &gl_minor);
        if (gl_major < 3) {
            set_error(error, "EGL: got GL '" + info_.version + "', ImGui's renderer needs 3.0 or later");
            return false;
        }
        return make_framebuffer(error);
    }

    int width() const override { return width_; }
    int height() const override { return height_; }
    float content_scale() const override { return 1.0f; }
    float physical_dpi() const override { return 0.0f; }
    GlInfo gl_info() const override { return info_; }

    double now() const override {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

    // The caller drives headless frames (and injects any input itself), so waiting would only
    // slow tests down.
    std::vector<InputEvent> wait_events(double /*deadline*/) override { return {}; }

    void begin_frame() override {
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
        glViewport(0, 0, width_, height_);
    }

    void render(ImDrawData* draw_data, float r, float g, float b) override {
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
        renderer_.render(draw_data, width_, height_, r, g, b);
    }

    void fonts_changed() override { renderer_.fonts_changed(); }
    uintptr_t upload_texture(int width, int height, const uint8_t* rgba, TextureFilter filter,
                             uintptr_t replace) override {
        return renderer_.upload_texture(width, height, rgba, filter, replace);
    }
    void present() override {}

    Pixels read_pixels() override {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, framebuffer_);
        return read_framebuffer_rgba(width_, height_);
    }

    void set_cursor_visible(bool /*visible*/) override {}

private:
    // Returns why the attempt failed, or "" with context_ made.
    std::string try_context(const ContextAttempt& attempt) {
        if (!eglBindAPI(attempt.api)) return egl_error_text("eglBindAPI");
        // Surfaceless configs carry EGL_PBUFFER_BIT only; EGL_SURFACE_TYPE 0 matches any, where the
        // default (EGL_WINDOW_BIT) would match none.
        const EGLint config_attribs[] = {EGL_RENDERABLE_TYPE, attempt.renderable, EGL_SURFACE_TYPE, 0,
                                         EGL_RED_SIZE, 8, EGL_GREEN_SIZE, 8, EGL_BLUE_SIZE, 8, EGL_NONE};
        EGLConfig config = nullptr;
        EGLint count = 0;
        if (!eglChooseConfig(display_, config_attribs, &config, 1, &count)) return egl_error_text("eglChooseConfig");
        if (count < 1) return "no matching EGL config";
        context_ = eglCreateContext(display_, config, EGL_NO_CONTEXT, attempt.attribs.data());
        if (context_ == EGL_NO_CONTEXT) return egl_error_text("eglCreateContext");
        gives_ = attempt.gives;
        return {};
    }

    bool make_framebuffer(std::string* error) {
        GLint max_size = 0;
        glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_size);
        if (width_ > max_size || height_ > max_size) {
            set_error(error, "GL: " + std::to_string(width_) + "x" + std::to_string(height_) +
                                 " is larger than the renderbuffer limit " + std::to_string(max_size));
            return false;
        }
        glGenRenderbuffers(1, &colour_);
        glBindRenderbuffer(GL_RENDERBUFFER, colour_);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width_, height_);
        glGenFramebuffers(1, &framebuffer_);
        glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_);
        const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            char code[16];
            std::snprintf(code, sizeof code, "0x%04X", unsigned(status));
            set_error(error, std::string("GL: offscreen framebuffer incomplete (") + code + ")");
            return false;
        }
        glViewport(0, 0, width_, height_);
        return true;
    }

    int width_ = 0, height_ = 0;
    EGLDisplay display_ = EGL_NO_DISPLAY;
    EGLContext context_ = EGL_NO_CONTEXT;
    GlApi gives_ = GlApi::Gl3;
    GLuint framebuffer_ = 0;
    GLuint colour_ = 0;
    GlInfo info_;
    ImGuiRendererGl renderer_;  // its GLSL version is set once the context's GL version is known
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();

};

}  // namespace

std::unique_ptr<Surface> open_headless_egl(const SurfaceConfig& config, std::string* error) {
    auto surface = std::make_unique<SurfaceHeadlessEgl>(config.width, config.height);
    if (!surface->open(config.gl, error)) return nullptr;  // the destructor releases what was made
    return surface;
}

}  // namespace kiosk::platform::detail
