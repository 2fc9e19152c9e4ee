// The narrow platform layer: a window or a headless surface with a GL context, input as plain
// events, the time, and pixels read back. It never calls into kiosk/ and knows nothing of content.
// GLFW is used for a display; EGL (Mesa surfaceless) renders with no display at all.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct ImDrawData;

namespace kiosk::platform {

enum class GlApi { Auto, Gl3, Gles3, Gles2 };

struct SurfaceConfig {
    int width = 1080;                  // framebuffer size in pixels (window: its size when not fullscreen)
    int height = 1920;
    bool fullscreen = false;           // fullscreen on `monitor`, at the monitor's own mode
    int monitor = 0;                   // index into the connected monitors; out of range: the primary
    bool headless = false;             // true: EGL surfaceless + offscreen framebuffer, no display needed
    GlApi gl = GlApi::Auto;            // Auto: GL 3, else GLES 3, else GLES 2; else exactly this one
    std::string title = "kiosk";       // window title
    // Called once, on the calling thread, as soon as the framebuffer size and the monitor's DPI (0:
    // unknown) are known and before the GL context is made (the slow part: a software driver
    // loads and links its compiler). The caller can lay out meanwhile on another thread.
    std::function<void(int width, int height, float dpi)> on_size_known;  // empty: not called
};

// Keys the kiosk reacts to; everything else arrives as Key::Other.
enum class Key { Other, Up, Down, Left, Right, PageUp, PageDown, Home, End, Space, Escape, Enter, Tab, F4, Q, W };

enum class EventType {
    PointerDown,   // mouse button 1 or a finger touches
    PointerMove,
    PointerUp,
    Wheel,         // wheel_x / wheel_y in notches (positive y: away from the user, scroll up)
    KeyDown,
    KeyUp,
    CloseRequested, // the window manager asked to close the window
    Exposed         // the window was resized or its content lost (mapped, uncovered): draw again
};

struct InputEvent {
    EventType type = EventType::PointerMove;
    double time = 0.0;                 // seconds, platform clock
    float x = 0.0f, y = 0.0f;          // framebuffer pixels
    float wheel_x = 0.0f, wheel_y = 0.0f;
    Key key = Key::Other;
    bool ctrl = false, alt = false, shift = false;
};

struct Pixels {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;         // top row first, 4 bytes a pixel
};

// How a texture is sampled when drawn at another size than its own.
enum class TextureFilter { Nearest, Linear };

struct GlInfo {
    GlApi api = GlApi::Gl3;            // the renderer path in use: the kind of context created (never Auto)
    std::string version;               // GL_VERSION, e.g. "OpenGL ES 3.2 Mesa 22.3.6"
    std::string renderer;              // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)", "V3D 4.2"
    std::string glsl;                  // the "#version" line our shaders use
};

// One line for logs and the operator overlay: "gles2 (OpenGL ES 2.0 Mesa 22.3.6, llvmpipe ...; #version 100)".
std::string gl_summary(const GlInfo& info);

// A drawable surface with a current GL context. One per process.
// Order the caller must respect: create the ImGui context and build its font atlas before the first
// ImGui::NewFrame; destroy the surface BEFORE ImGui::DestroyContext (the renderer keeps its state
// in the ImGui context; the other order skips its shutdown and logs it). Set io.DisplaySize to the
// framebuffer size in pixels with io.DisplayFramebufferScale 1: events are in framebuffer pixels too.
class Surface {
public:
    virtual ~Surface() = default;
    virtual int width() const = 0;                       // framebuffer pixels
    virtual int height() const = 0;
    virtual float content_scale() const = 0;             // monitor DPI / 96 where known, else 1
    virtual float physical_dpi() const = 0;              // 0 when unknown
    virtual GlInfo gl_info() const = 0;
    virtual double now() const = 0;                      // seconds since the surface opened
    // Sleeps until input arrives or `deadline` (platform seconds) passes; then returns the events.
    // Any window-system event ends the wait early, so loop on it. Headless: returns at once, empty.
    // Key auto-repeat is not reported: a held key is one KeyDown and one KeyUp.
    virtual std::vector<InputEvent> wait_events(double deadline) = 0;
    virtual void begin_frame() = 0;                      // binds the framebuffer, sets the viewport
    // Clears to the colour and draws ImGui's draw data. The renderer is set up on the first call
    // (an ImGui context must be current) and uploads the font atlas when it has none.
    virtual void render(ImDrawData* draw_data, float clear_r, float clear_g, float clear_b) = 0;
    virtual void fonts_changed() = 0;                    // the atlas was rebuilt: upload it again
    // Uploads width × height RGBA pixels (top row first) as a texture that ImGui draw lists can draw
    // (the result is the ImTextureID, as an integer). `replace`: a texture this surface returned
    // earlier, overwritten in place; 0 makes a new one. Returns 0 when it cannot (too large for the
    // GPU, no memory). Textures live until the surface closes.
    virtual uintptr_t upload_texture(int width, int height, const uint8_t* rgba, TextureFilter filter,
                                     uintptr_t replace) = 0;
    virtual void present() = 0;                          // swap buffers (no-op headless)
    // The last rendered frame. Window: reads the back buffer, so call it after render() and
    // before present().
    virtual Pixels read_pixels() = 0;
    virtual void set_cursor_visible(bool visible) = 0;
    // Ends a wait_events() in progress, from any thread (a signal watcher). Headless: nothing to
    // end, since its wait_events() never sleeps.
    virtual void wake() {}
};

// Opens a surface; on failure returns null and says why in `error`.
std::unique_ptr<Surface> open_surface(const SurfaceConfig& config, std::string* error);

// Writes RGBA pixels as a PNG. False and a reason when the file cannot be written.
bool write_png(const std::string& path, const Pixels& pixels, std::string* error);

// True when a display is there to open a window on (X11 or Wayland).
bool display_available();

// What the kiosk asks of the libraries under it, through their environment variables; call once,
// before any thread starts and before open_surface. A variable the operator has set stays.
//   MESA_SHADER_CACHE_DISABLE=true: Mesa would keep a shader cache under ~/.cache, and the kiosk
//     writes nothing at run time (an SD card lasts longer, and a read-only root works).
//   XCOMPOSEFILE=/dev/null: the kiosk takes keys, never typed text, so Xlib's input method need
//     not parse the locale's Compose table, about 10 ms of every start under X (issue 14).
void set_process_environment();

// The local wall-clock time: seconds since 1970-01-01 00:00 local time (Unix time plus the UTC
// offset in force now), for daily schedules. Not monotonic: it jumps with clock and DST changes.
double local_wall_clock();

const char* gl_api_name(GlApi api);
// "auto", "gl3", "gles3", "gles2" -> the API; false for anything else.
bool parse_gl_api(const std::string& name, GlApi* api);

}  // namespace kiosk::platform
