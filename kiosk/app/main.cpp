// kiosk: shows one article, fully offline, from the bundle compiled into the binary or one on disk.
// main() only wires things together: options, bundle, surface, loop. Nothing escapes it.
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/config.h"
#include "app/display_gate.h"
#include "app/frame_log.h"
#include "app/options.h"
#include "content/bundle.h"
#include "core/fault.h"
#include "platform/platform.h"
#include "platform/service_notify.h"
#include "views/fonts.h"
#include "text/font_face.h"
#include "text/utf8.h"
#include "core/embedded.h"

namespace {

using namespace kiosk;

std::atomic<bool> g_stop{false};

void on_stop_signal(int) { g_stop = true; }

// Prints each fault and keeps it for the operator overlay's "Faults seen".
void print_faults(const std::vector<core::Fault>& faults, const std::string& origin, std::vector<std::string>* seen) {
    for (const core::Fault& fault : faults) {
        const std::string line = origin + ": " + core::format_fault(fault);
        std::fprintf(stderr, "kiosk: %s\n", line.c_str());
        if (seen) seen->push_back(line);
    }
}

// The bundle to show: the one asked for when it is usable, else the built-in one.
content::Bundle choose_bundle(const app::Options& options, std::vector<std::string>* seen) {
    if (!options.content_dir.empty()) {
        content::LoadResult loaded = content::load_bundle_dir(options.content_dir);
        print_faults(loaded.faults, options.content_dir, seen);
        if (loaded.usable) return std::move(loaded.bundle);
        std::fprintf(stderr, "kiosk: the bundle in %s cannot be shown; showing the built-in article instead\n",
                     options.content_dir.c_str());
    }
    content::LoadResult builtin = content::load_builtin_bundle();
    print_faults(builtin.faults, "built-in", seen);  // warnings too: unknown citations, unused sources
    return std::move(builtin.bundle);
}

void report_missing_glyphs(const content::Bundle& bundle) {
    std::vector<std::unique_ptr<text::FontFace>> faces;
    std::vector<const text::FontFace*> face_pointers;
    for (const char* file : {"fonts/NotoSerif-Regular.ttf", "fonts/NotoSerif-Italic.ttf", "fonts/NotoSerif-Bold.ttf",
                             "fonts/NotoSans-Regular.ttf"}) {
        faces.push_back(text::FontFace::from_bytes(core::embedded(file)));
        face_pointers.push_back(faces.back().get());
    }
    for (uint32_t codepoint :
         text::missing_codepoints(text::codepoints_of(content::visible_text(bundle)), face_pointers))
        std::fprintf(stderr, "kiosk: no bundled font has the character %s; it shows as a box\n",
                     text::codepoint_label(codepoint).c_str());
}

app::AppParams app_params(const app::Options& options, const app::KioskConfig& config) {
    app::AppParams params;
    params.config = config;
    params.view = options.view;
    params.reduced_motion = options.reduced_motion;
    params.opened_at = 0.0;  // screenshots render at --time on this clock; the window moves it with show()
    return params;
}

// The app draws its pictures (the field of marks, QR codes) through the surface's textures.
void connect_textures(app::App& app, platform::Surface& surface) {
    app.set_texture_uploader([&surface](int width, int height, const uint8_t* rgba, platform::TextureFilter filter,
                                        uintptr_t replace) {
        return surface.upload_texture(width, height, rgba, filter, replace);
    });
}

int take_screenshot(const app::Options& options, const app::KioskConfig& kiosk_config, content::Bundle bundle) {
    app::App app(std::move(bundle), app_params(options, kiosk_config));
    platform::SurfaceConfig config;
    config.headless = true;
    config.gl = options.gl;
    config.width = options.width > 0 ? options.width : 1080;
    config.height = options.height > 0 ? options.height : 1920;
    std::string error;
    std::unique_ptr<platform::Surface> surface = platform::open_surface(config, &error);
    if (!surface) {
        std::fprintf(stderr, "kiosk: cannot render without a display: %s\n", error.c_str());
        return 1;
    }
    const std::string renderer = platform::gl_summary(surface->gl_info());
    std::fprintf(stderr, "kiosk: renderer %s\n", renderer.c_str());
    connect_textures(app, *surface);
    // The moment shown: --time after the view opened, else when everything has settled.
    const double now = options.time >= 0.0 ? options.time : app.counter_settles_after();
    app.scroll_to(options.scroll, now);
    const float dpi = kiosk_config.window.dpi > 0.0 ? static_cast<float>(kiosk_config.window.dpi) : 96.0f;
    const app::FrameSize size{surface->width(), surface->height(), dpi};
    // Two frames: the first lays out and builds the atlas, the second is the settled picture.
    for (int i = 0; i < 2; ++i) {
        surface->begin_frame();
        ImDrawData* draw_data = app.frame(size, now);
        if (app.take_fonts_changed()) surface->fonts_changed();
        const views::Rgb page = app.theme().background;
        surface->render(draw_data, page.r, page.g, page.b);
    }
    const platform::Pixels pixels = surface->read_pixels();
    surface.reset();  // before the ImGui context goes with `app`
    if (!platform::write_png(options.screenshot, pixels, &error)) {
        std::fprintf(stderr, "kiosk: cannot write %s: %s\n", options.screenshot.c_str(), error.c_str());
        return 1;
    }
    std::printf("kiosk: wrote %s (%dx%d)\n", options.screenshot.c_str(), pixels.width, pixels.height);
    return 0;
}

int run_window(const app::Options& options, const app::KioskConfig& kiosk_config, content::Bundle bundle,
               const std::vector<std::string>& faults_seen) {
    if (!platform::display_available()) {
        std::fprintf(stderr,
                     "kiosk: no display (DISPLAY and WAYLAND_DISPLAY are unset); "
                     "use --screenshot FILE.png to render without one\n");
        return 1;
    }
    app::App app(std::move(bundle), app_params(options, kiosk_config));
    for (const std::string& fault : faults_seen) app.note_fault(fault);
    app::DisplayGate display(kiosk_config.display);  // daily on/off and burn-in shift
    platform::ServiceNotifier service;                // READY and watchdog pings when systemd runs us
    platform::SurfaceConfig config;
    // The kiosk lock fills the chosen monitor; --size still gives a window (to try the lock out).
    config.fullscreen =
        options.fullscreen || ((kiosk_config.window.fullscreen || kiosk_config.window.kiosk) && options.width == 0);
    config.monitor = kiosk_config.window.monitor;
    config.gl = options.gl;
    config.width = options.width > 0 ? options.width : 1080;
    config.height = options.height > 0 ? options.height : 1920;
    config.title = app.bundle().manifest.title.empty() ? "kiosk" : app.bundle().manifest.title;
    std::string error;
    std::unique_ptr<platform::Surface> surface = platform::open_surface(config, &error);
    if (!surface) {
        std::fprintf(stderr, "kiosk: cannot open a window: %s\n", error.c_str());
        return 1;
    }
    const std::string renderer = platform::gl_summary(surface->gl_info());
    std::fprintf(stderr, "kiosk: renderer %s\n", renderer.c_str());
    // Sizes in millimetres need the panel's DPI: the config's, else the monitor's, else 96.
    const bool dpi_from_config = kiosk_config.window.dpi > 0.0;
    const float dpi = dpi_from_config ? static_cast<float>(kiosk_config.window.dpi)
                      : surface->physical_dpi() > 0.0f ? surface->physical_dpi()
                                                       : 96.0f;
    // The operator overlay's facts: which GL API the renderer runs on comes first in the version.
    const platform::GlInfo gl_info = surface->gl_info();
    app.set_platform_facts({gl_info.renderer, std::string(platform::gl_api_name(gl_info.api)) + ", " + gl_info.version,
                            dpi_from_config ? "config" : surface->physical_dpi() > 0.0f ? "monitor" : "assumed"});
    bool cursor_shown = true;
    connect_textures(app, *surface);
    // The surface's clock starts now: the first view opens now, or --time earlier.
    app.show(options.view, surface->now() - std::max(0.0, options.time));
    app.scroll_to(options.scroll, surface->now());
    app::FrameLog frame_log = app::FrameLog::from_environment();  // benchmarks only (KIOSK_FRAME_LOG)
    while (!app.quit_requested() && !g_stop) {
        const double now = surface->now();
        const app::DisplayState& state = display.update(platform::local_wall_clock());
        // Signals do not wake GLFW's wait, so an idle wait never lasts longer than this.
        double deadline = std::min({now + 0.5, service.next_ping_due(),
                                    now + display.seconds_to_next_change(platform::local_wall_clock())});
        if (state.on) deadline = std::min(deadline, app.next_frame_due(now));
        for (platform::InputEvent& event : surface->wait_events(deadline))
            if (display.admit(event, platform::local_wall_clock())) app.handle(event, event.time);
        const double after = surface->now();
        service.keep_alive(after);
        if (app.cursor_visible(after) != cursor_shown) {
            cursor_shown = !cursor_shown;
            surface->set_cursor_visible(cursor_shown);
        }
        if (app.take_reload_request()) {
            // Workaround until content reload lands (issue 7: SIGHUP reload and App::set_bundle):
            // say so on the log and in the overlay rather than pretend.
            std::fprintf(stderr, "kiosk: the operator asked to reload the content; this build cannot reload "
                                 "while running (restart the service)\n");
            app.note_fault("reload: not available in this build; restart the service to reload content");
        }
        const app::DisplayState& shown = display.update(platform::local_wall_clock());
        const app::FrameKind kind = display.frame_needed(app.next_frame_due(after) <= after);
        if (kind == app::FrameKind::None) continue;
        frame_log.begin_frame();
        surface->begin_frame();
        if (kind == app::FrameKind::Black) {
            surface->render(nullptr, 0.0f, 0.0f, 0.0f);  // off hours: black, and nothing more until woken
        } else {
            ImDrawData* draw_data = app.frame({surface->width(), surface->height(), dpi}, after);
            if (app.take_fonts_changed()) surface->fonts_changed();
            app::shift_frame(draw_data, shown.shift);
            const views::Rgb page = app.theme().background;
            surface->render(draw_data, page.r, page.g, page.b);
        }
        surface->present();
        display.drawn(kind);
        frame_log.end_frame(app);
        service.ready("showing " + app.bundle().manifest.id + "; renderer " + renderer);
    }
    service.stopping();
    surface.reset();
    std::fprintf(stderr, "kiosk: stopped%s\n", g_stop ? " by a signal" : "");
    return 0;
}

int run(const std::vector<std::string>& args) {
    const app::ParsedOptions parsed = app::parse_options(args);
    if (!parsed.ok) {
        std::fprintf(stderr, "kiosk: %s\n%s", parsed.error.c_str(), app::usage().c_str());
        return 2;
    }
    const app::Options& options = parsed.options;
    if (options.help) {
        std::fputs(app::usage().c_str(), stdout);
        return 0;
    }
    if (options.print_config) {
        std::fputs(app::default_config_toml().c_str(), stdout);
        return 0;
    }
    std::vector<std::string> faults_seen;
    app::KioskConfig kiosk_config;
    if (!options.config_path.empty()) {
        app::ConfigLoad load = app::load_config(options.config_path);
        print_faults(load.faults, "settings", &faults_seen);
        kiosk_config = std::move(load.config);
    }
    content::Bundle bundle = choose_bundle(options, &faults_seen);
    if (options.version) {
        std::printf("kiosk %s\ncontent: %s version %s, hash %s (%s)\n", KIOSK_VERSION, bundle.manifest.id.c_str(),
                    bundle.manifest.version.c_str(), bundle.hash.c_str(), bundle.origin.c_str());
        return 0;
    }
    report_missing_glyphs(bundle);
    std::signal(SIGTERM, on_stop_signal);
    std::signal(SIGINT, on_stop_signal);
    if (!options.screenshot.empty()) return take_screenshot(options, kiosk_config, std::move(bundle));
    return run_window(options, kiosk_config, std::move(bundle), faults_seen);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const std::exception& error) {
        std::fprintf(stderr, "kiosk: unexpected failure: %s\n", error.what());
    } catch (...) {
        std::fprintf(stderr, "kiosk: unexpected failure\n");
    }
    return 1;
}
