// kiosk: shows one article, fully offline, from the bundle compiled into the binary or one on disk.
// main() only wires things together: options, bundle, surface, loop. Nothing escapes it.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "app/app.h"
#include "app/check_command.h"
#include "app/config.h"
#include "app/manual_page.h"
#include "app/options.h"
#include "content/bundle.h"
#include "core/fault.h"
#include "platform/platform.h"
#include "platform/service_notify.h"
#include "platform/signals.h"
#include "service/content_reload.h"
#include "service/content_source.h"
#include "service/display_gate.h"
#include "service/frame_log.h"
#include "service/health_file.h"
#include "service/new_version.h"

namespace {

using namespace kiosk;

// Prints each fault and keeps it for the operator overlay's "Faults seen".
void print_faults(const std::vector<core::Fault>& faults, const std::string& origin, std::vector<std::string>* seen) {
    for (const core::Fault& fault : faults) {
        const std::string line = origin + ": " + core::format_fault(fault);
        std::fprintf(stderr, "kiosk: %s\n", line.c_str());
        if (seen) seen->push_back(line);
    }
}

// The bundle to show: the one asked for when it is usable, else the built-in one. Every load is
// validated in full (check/validate.h), as `kiosk --check` does.
content::Bundle choose_bundle(app::ContentSource& source, std::vector<std::string>* seen) {
    content::Bundle bundle = source.load_initial(0.0);
    for (const app::LoadRecord& record : source.history()) print_faults(record.faults, record.origin, seen);
    if (source.folder_absent()) {
        std::string names;
        for (const app::ContentFolder& folder : source.folders()) names += (names.empty() ? "" : ", ") + folder.path;
        std::fprintf(stderr, "kiosk: there is no folder %s; showing the built-in article (a bundle put there shows after a reload)\n",
                     names.c_str());
    } else if (!source.dir().empty() && source.shown_origin() != source.dir())
        std::fprintf(stderr, "kiosk: the bundle in %s cannot be shown; showing %s instead\n", source.dir().c_str(),
                     source.shown_origin() == "built-in" ? "the built-in article" : source.shown_origin().c_str());
    return bundle;
}

// What `systemctl status` shows: the bundle on screen (its id, content hash and origin, so a
// technician can tell a reload took), the renderer, and how the last reload went.
std::string service_status(const app::ContentSource& source, const app::App& app, const std::string& renderer,
                           const std::string& last_reload) {
    std::string status = "showing " + app.bundle().manifest.id + " (content " + source.shown_hash() + ", " +
                         source.shown_origin() + "); renderer " + renderer;
    if (!last_reload.empty()) status += "; last reload: " + last_reload;
    return status;
}

// SIGHUP or the operator's "Reload content"; what happened goes to the log as well.
app::ReloadOutcome reload(app::ContentSource& source, app::App& app, double now) {
    const app::ReloadReport report = app::reload_content(source, app, now);
    for (const std::string& line : report.fault_lines) std::fprintf(stderr, "kiosk: %s\n", line.c_str());
    std::fprintf(stderr, "kiosk: %s\n", report.summary.c_str());
    return report.outcome;
}

// A reload's outcome in a few words for the service status, and as the health file names it.
std::string reload_words(app::ReloadOutcome outcome) {
    switch (outcome) {
        case app::ReloadOutcome::Swapped: return "new content shown";
        case app::ReloadOutcome::Unchanged: return "no change";
        case app::ReloadOutcome::Refused: return "refused, the bundle has errors (see the journal)";
        case app::ReloadOutcome::NoFolder: break;
    }
    return "no folder to read";
}

std::string reload_metric(app::ReloadOutcome outcome) {
    switch (outcome) {
        case app::ReloadOutcome::Swapped: return "new_content";
        case app::ReloadOutcome::Unchanged: return "unchanged";
        case app::ReloadOutcome::Refused: return "refused";
        case app::ReloadOutcome::NoFolder: break;
    }
    return "no_folder";
}

double unix_now() { return double(std::time(nullptr)); }

// What the health file says now (service/health_file.h).
app::HealthState health_state(const app::ContentSource& source, const app::App& app, app::HealthState state) {
    state.version = KIOSK_VERSION;
    state.content_id = app.bundle().manifest.id;
    state.content_version = app.bundle().manifest.version;
    state.content_hash = source.shown_hash();
    state.source = source.shown_origin();
    state.faults = int(app.faults_seen().size());
    state.frames = app.frames_drawn();
    return state;
}

app::AppParams app_params(const app::Options& options, const app::KioskConfig& config) {
    app::AppParams params;
    params.config = config;
    params.view = options.view;
    params.reduced_motion = options.reduced_motion;
    params.language = options.language.empty() ? config.idle.start_language : options.language;
    params.opened_at = 0.0;  // screenshots render at --time on this clock; the window moves it with show()
    return params;
}

// Opening a GL surface takes a software driver 150-300 ms, mostly loading its compiler; the app
// lays out (fonts, article, pictures: about 50 ms) on a second thread meanwhile. The thread is
// joined when the returned object goes, which the caller lets happen before touching the app.
class LayoutWhileOpening {
public:
    // Fills in `config.on_size_known` for as long as this lives; `dpi_for` turns the monitor's DPI
    // (0: unknown) into the one used.
    LayoutWhileOpening(app::App& app, platform::SurfaceConfig& config, std::function<float(float)> dpi_for)
        : config_(config) {
        config.on_size_known = [this, &app, dpi_for = std::move(dpi_for)](int width, int height, float monitor_dpi) {
            const app::FrameSize size{width, height, dpi_for(monitor_dpi)};
            try {
                worker_ = std::jthread([&app, size] { app.prepare(size); });
            } catch (const std::system_error&) {
                // No thread: the first frame lays out instead.
            }
        };
    }
    ~LayoutWhileOpening() { config_.on_size_known = nullptr; }  // it points at this; worker_ joins after

private:
    platform::SurfaceConfig& config_;
    std::jthread worker_;  // joins in its destructor
};

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
    const float dpi = kiosk_config.window.dpi > 0.0 ? static_cast<float>(kiosk_config.window.dpi) : 96.0f;
    std::string error;
    std::unique_ptr<platform::Surface> surface;
    {
        LayoutWhileOpening layout(app, config, [dpi](float) { return dpi; });
        surface = platform::open_surface(config, &error);
    }
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
    const app::FrameSize size{surface->width(), surface->height(), dpi};
    // Two frames: the first lays out and builds the atlas, the second is the settled picture.
    for (int i = 0; i < 2; ++i) {
        // The photographs the first frame asked for are decoded before the settled one.
        if (i == 1) app.wait_for_photos();
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

int run_window(const app::Options& options, const app::KioskConfig& kiosk_config, app::ContentSource& source,
               content::Bundle bundle, const std::vector<std::string>& faults_seen) {
    if (!platform::display_available()) {
        std::fprintf(stderr,
                     "kiosk: no display (DISPLAY and WAYLAND_DISPLAY are unset); "
                     "use --screenshot FILE.png to render without one\n");
        return 1;
    }
    // Before the surface: Mesa and GLFW start threads, which must inherit the blocked signals.
    platform::SignalWatcher signals;
    app::App app(std::move(bundle), app_params(options, kiosk_config));
    for (const std::string& fault : faults_seen) app.note_fault(fault);
    app::DisplayGate display(kiosk_config.display);  // daily on/off and burn-in shift
    platform::ServiceNotifier service;                // READY and watchdog pings when systemd runs us
    app::NewVersionWatch new_version;                 // an upgrade replaced the program: hand over when idle
    platform::SurfaceConfig config;
    // The kiosk lock fills the chosen monitor; --size still gives a window (to try the lock out).
    config.fullscreen =
        options.fullscreen || ((kiosk_config.window.fullscreen || kiosk_config.window.kiosk) && options.width == 0);
    config.monitor = kiosk_config.window.monitor;
    config.gl = options.gl;
    config.width = options.width > 0 ? options.width : 1080;
    config.height = options.height > 0 ? options.height : 1920;
    config.title = app.bundle().manifest.title.empty() ? "kiosk" : app.bundle().manifest.title;
    // Sizes in millimetres need the panel's DPI: the config's, else the monitor's, else 96.
    const bool dpi_from_config = kiosk_config.window.dpi > 0.0;
    const auto dpi_for = [&](float monitor_dpi) {
        return dpi_from_config ? static_cast<float>(kiosk_config.window.dpi) : monitor_dpi > 0.0f ? monitor_dpi : 96.0f;
    };
    std::string error;
    std::unique_ptr<platform::Surface> surface;
    {
        LayoutWhileOpening layout(app, config, dpi_for);
        surface = platform::open_surface(config, &error);
    }
    if (!surface) {
        std::fprintf(stderr, "kiosk: cannot open a window: %s\n", error.c_str());
        return 1;
    }
    signals.set_waker([target = surface.get()] { target->wake(); });
    const std::string renderer = platform::gl_summary(surface->gl_info());
    std::fprintf(stderr, "kiosk: renderer %s\n", renderer.c_str());
    std::fprintf(stderr, "kiosk: showing %s (content %s); SIGHUP reloads, SIGTERM ends\n", source.shown_origin().c_str(),
                 source.shown_hash().c_str());
    const float dpi = dpi_for(surface->physical_dpi());
    // The operator overlay's facts: which GL API the renderer runs on comes first in the version.
    const platform::GlInfo gl_info = surface->gl_info();
    app.set_platform_facts({gl_info.renderer, std::string(platform::gl_api_name(gl_info.api)) + ", " + gl_info.version,
                            dpi_from_config ? "config" : surface->physical_dpi() > 0.0f ? "monitor" : "assumed"});
    bool cursor_shown = true;
    connect_textures(app, *surface);
    app.set_photo_wake([target = surface.get()] { target->wake(); });  // a decoded photograph asks for a frame
    // The surface's clock starts now: the first view opens now, or --time earlier.
    app.show(options.view, surface->now() - std::max(0.0, options.time));
    app.scroll_to(options.scroll, surface->now());
    app::FrameLog frame_log = app::FrameLog::from_environment();  // benchmarks only (KIOSK_FRAME_LOG)
    bool logged_render_failure = false;
    std::string status_text = service_status(source, app, renderer, "");
    app::HealthFile health({options.health_file});
    app::HealthState health_base;
    health_base.started = unix_now();
    bool logged_health_failure = false;
    while (!app.quit_requested() && !signals.stop_requested()) {
        if (signals.take_reload() || app.take_reload_request()) {
            const app::ReloadOutcome outcome = reload(source, app, surface->now());
            status_text = service_status(source, app, renderer, reload_words(outcome));
            service.status(status_text);
            health_base.last_reload = reload_metric(outcome);
            health_base.last_reload_time = unix_now();
            health.mark_changed();
        }
        const double wall = unix_now();
        if (health.due(wall) && !health.write(health_state(source, app, health_base), wall) &&
            !std::exchange(logged_health_failure, true))
            std::fprintf(stderr, "kiosk: cannot write the health file %s; the kiosk goes on without it\n",
                         options.health_file.c_str());
        const double now = surface->now();
        const app::DisplayState& state = display.update(platform::local_wall_clock());
        // Only a service manager starts the new version; by hand, the kiosk stays.
        if (service.enabled() && app::hand_over_now(new_version.installed(now), app.idle_status(now).phase, state.on)) {
            std::fprintf(stderr, "kiosk: a new version is installed at %s; handing over to it now that nobody is reading\n",
                         new_version.path().c_str());
            break;
        }
        // No cap for signals: the watcher ends the wait through the waker. The watchdog and the
        // display schedule still bound it.
        double deadline = std::min(service.next_ping_due(),
                                   now + display.seconds_to_next_change(platform::local_wall_clock()));
        if (state.on) deadline = std::min(deadline, app.next_frame_due(now));
        // The first moment nothing is due: the pictures the view on screen does not show go up.
        if (deadline > now && app.upload_waiting_pictures()) continue;
        for (platform::InputEvent& event : surface->wait_events(deadline))
            if (display.admit(event, platform::local_wall_clock())) app.handle(event, event.time);
        const double after = surface->now();
        service.keep_alive(after);
        if (app.cursor_visible(after) != cursor_shown) {
            cursor_shown = !cursor_shown;
            surface->set_cursor_visible(cursor_shown);
        }
        if (signals.stop_requested()) break;
        const app::DisplayState& shown = display.update(platform::local_wall_clock());
        const app::FrameKind kind = display.frame_needed(app.next_frame_due(after) <= after);
        if (kind == app::FrameKind::None) continue;
        try {
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
        } catch (const std::exception& failure) {
            // Even the fallback screen failed: keep the last picture on screen and carry on.
            if (!std::exchange(logged_render_failure, true))
                std::fprintf(stderr, "kiosk: error FrameFailed: a frame could not be drawn at all (%s)\n", failure.what());
        }
        service.ready(status_text);
    }
    service.stopping();
    if (signals.stop_requested())
        std::fprintf(stderr, "kiosk: stopping on %s\n", signals.stop_signal() == SIGINT ? "SIGINT" : "SIGTERM");
    signals.set_waker(nullptr);  // before the surface goes: the watcher must not wake a dead window
    app.set_photo_wake(nullptr);  // the decoding thread must not wake a surface that is gone
    surface.reset();
    std::fprintf(stderr, "kiosk: stopped%s\n", signals.stop_requested() ? " by a signal" : "");
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
    if (options.print_manpage) {
        std::fputs(app::manual_page(KIOSK_VERSION).c_str(), stdout);
        return 0;
    }
    if (options.print_config) {
        std::fputs(app::default_config_toml().c_str(), stdout);
        return 0;
    }
    if (options.check) return app::run_check(options);
    platform::set_process_environment();  // no shader cache written, no Compose table read
    std::vector<std::string> faults_seen;
    app::KioskConfig kiosk_config;
    if (!options.config_path.empty() || !options.config_dir.empty()) {
        app::ConfigLoad load = app::load_config_layers(options.config_path, options.config_dir);
        print_faults(load.faults, "settings", &faults_seen);
        kiosk_config = std::move(load.config);
    }
    std::vector<app::ContentFolder> folders;
    if (!options.content_dir.empty()) folders.push_back({options.content_dir, false});
    for (const std::string& dir : options.content_if_present) folders.push_back({dir, true});
    app::ContentSource source(std::move(folders));
    content::Bundle bundle = choose_bundle(source, &faults_seen);
    if (options.version) {
        std::printf("kiosk %s\ncontent: %s version %s, hash %s (%s)\n", KIOSK_VERSION, bundle.manifest.id.c_str(),
                    bundle.manifest.version.c_str(), bundle.hash.c_str(), bundle.origin.c_str());
        // Each language and the hash of its own two files: which translation changed.
        std::printf("languages: %s (%s)", bundle.manifest.language.c_str(), bundle.language_hash.c_str());
        for (const content::Bundle& translation : bundle.translations)
            std::printf(", %s (%s)", translation.manifest.language.c_str(), translation.language_hash.c_str());
        std::printf("\n");
        return 0;
    }
    if (!options.screenshot.empty()) return take_screenshot(options, kiosk_config, std::move(bundle));
    return run_window(options, kiosk_config, source, std::move(bundle), faults_seen);
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
