// The headless surface: an EGL context (desktop GL 3.x, GLES 3 or GLES 2) on Mesa's surfaceless
// platform rendering into an offscreen framebuffer object, so tests, screenshots and benchmarks run
// with no display, no window system and no GPU (llvmpipe, or softpipe under qemu). Does NOT
// produce input events, sleep, or present anything.
#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

#include "gl_internal.h"
#include "gl_renderer.h"

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
    GlApi gives = GlApi::Gl3;            // the renderer path when it works
    const char* label = "";              // for the error message
};

// The single place that maps a requested GlApi to EGL APIs and attributes.
std::vector<ContextAttempt> context_attempts(GlApi requested) {
    std::vector<ContextAttempt> attempts;
    for (GlApi api : apis_to_try(requested)) {
        if (api == GlApi::Gl3) {
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
        } else if (api == GlApi::Gles3) {
            attempts.push_back(ContextAttempt{EGL_OPENGL_ES_API, EGL_OPENGL_ES3_BIT,
                                              {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_NONE}, GlApi::Gles3, "GLES 3"});
        } else if (api == GlApi::Gles2) {
            // Mesa may hand out a 3.x context for this request (a superset); the GLES 2 path
            // (GLSL ES 1.00, no vertex arrays) is used either way.
            attempts.push_back(ContextAttempt{EGL_OPENGL_ES_API, EGL_OPENGL_ES2_BIT,
                                              {EGL_CONTEXT_MAJOR_VERSION, 2, EGL_NONE}, GlApi::Gles2, "GLES 2"});
        }
    }
    return attempts;
}

class SurfaceHeadlessEgl final : public Surface {
public:
    SurfaceHeadlessEgl(int width, int height) : width_(width), height_(height) {}

    ~SurfaceHeadlessEgl() override {
        if (display_ == EGL_NO_DISPLAY) return;
        release_context();
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
            if (failure.empty()) return true;
            tried += (tried.empty() ? "" : "; ") + std::string(attempt.label) + ": " + failure;
            release_context();
        }
        set_error(error, "EGL: no usable GL context (" + (tried.empty() ? std::string("nothing to try") : tried) + ")");
        return false;
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
        gl_.glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
        gl_.glViewport(0, 0, width_, height_);
    }

    void render(ImDrawData* draw_data, float r, float g, float b) override {
        gl_.glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
        renderer_.render(draw_data, width_, height_, r, g, b);
    }

    void fonts_changed() override { renderer_.fonts_changed(); }
    uintptr_t upload_texture(int width, int height, const uint8_t* rgba, TextureFilter filter,
                             uintptr_t replace) override {
        return renderer_.upload_texture(width, height, rgba, filter, replace);
    }
    // Nothing to show, but the frame must still be finished: without a swap nothing else makes
    // Mesa flush, and its queued command batches then pile up frame after frame.
    void present() override { gl_.glFinish(); }

    Pixels read_pixels() override {
        // GL_FRAMEBUFFER binds the read target too, and is all GLES 2 has.
        gl_.glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
        return read_framebuffer_rgba(gl_, width_, height_);
    }

    void set_cursor_visible(bool /*visible*/) override {}


private:
    // Returns why the attempt failed, or "" with the context current, the renderer ready and the
    // framebuffer made.
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
        if (!eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_))
            return egl_error_text("eglMakeCurrent without a surface");
        std::string failure;
        if (!load_gl_functions(eglGetProcAddress, attempt.gives, &gl_, &failure)) return failure;
        info_ = query_gl_info(gl_, attempt.gives);
        failure = check_gl_version(attempt.gives, info_.version);
        if (!failure.empty()) return failure;
        int major = 0, minor = 0;
        parse_gl_version(info_.version, &major, &minor);
        if (!renderer_.init(gl_, attempt.gives, major, minor, &failure)) return failure;
        info_.glsl = glsl_dialect_for(attempt.gives, major, minor).version_line;
        return make_framebuffer();
    }

    // A texture as the colour buffer: unsized GL_RGBA textures are renderable on every API,
    // where an RGBA8 renderbuffer is not core GLES 2.
    std::string make_framebuffer() {
        GLint max_size = 0;
        gl_.glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
        if (width_ > max_size || height_ > max_size) {
            return std::to_string(width_) + "x" + std::to_string(height_) + " is larger than the texture limit " +
                   std::to_string(max_size);
        }
        gl_.glGenTextures(1, &colour_);
        gl_.glBindTexture(GL_TEXTURE_2D, colour_);
        gl_.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        gl_.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        gl_.glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width_, height_, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        gl_.glGenFramebuffers(1, &framebuffer_);
        gl_.glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
        gl_.glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour_, 0);
        const GLenum status = gl_.glCheckFramebufferStatus(GL_FRAMEBUFFER);
        if (status != GL_FRAMEBUFFER_COMPLETE) {
            char code[16];
            std::snprintf(code, sizeof code, "0x%04X", unsigned(status));
            return std::string("offscreen framebuffer incomplete (") + code + ")";
        }
        return {};
    }

    // Frees the GL objects and the context of a failed attempt or of the open surface.
    void release_context() {
        if (context_ == EGL_NO_CONTEXT) return;
        if (eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_) && gl_.glDeleteTextures != nullptr) {
            renderer_.shutdown();
            if (framebuffer_ != 0) gl_.glDeleteFramebuffers(1, &framebuffer_);
            if (colour_ != 0) gl_.glDeleteTextures(1, &colour_);
        }
        framebuffer_ = colour_ = 0;
        eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        eglDestroyContext(display_, context_);
        context_ = EGL_NO_CONTEXT;
        gl_ = GlFunctions{};
    }

    int width_ = 0, height_ = 0;
    EGLDisplay display_ = EGL_NO_DISPLAY;
    EGLContext context_ = EGL_NO_CONTEXT;
    GlFunctions gl_;                    // loaded for context_
    GLuint framebuffer_ = 0, colour_ = 0;
    GlInfo info_;
    GlRenderer renderer_;               // holds a pointer to gl_: declared after it
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace

std::unique_ptr<Surface> open_headless_egl(const SurfaceConfig& config, std::string* error) {
    auto surface = std::make_unique<SurfaceHeadlessEgl>(config.width, config.height);
    if (config.on_size_known) config.on_size_known(config.width, config.height, 0.0f);
    if (!surface->open(config.gl, error)) return nullptr;  // the destructor releases what was made
    return surface;
}

}  // namespace kiosk::platform::detail
