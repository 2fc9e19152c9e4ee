// Soak: runs the kiosk's frame loop headless for many frames (scrolling by drag, wheel and keys,
// switching between the article, the memorial (which counts up again each time) and the sources,
// reloads of good and bad bundles, now and then a frame that throws) and reports resident memory.
// It must not grow by 1 MiB or more after the warm-up. Frames are drawn every iteration, on a
// simulated 60 Hz clock, through the real GL renderer (Mesa's llvmpipe when there is no GPU).
//
//   soak [--frames N] [--warmup N] [--size WxH] [--every N] [--reload-every N]
//
// Prints a line every --every frames and a closing verdict; exits 1 when memory grew too much.
// Resident memory steps up and down by about a megabyte as font atlases of different sizes are
// built and freed, so single readings depend on where in the reload cycle they fall. Growth is
// therefore measured like for like: the highest reading over one whole reload cycle right after
// the warm-up, against the highest over the last whole cycle.
// The issue asks for 200,000 frames; CI runs a shortened form (deploy/ci/soak.sh).
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "app/app.h"
#include "service/content_source.h"
#include "core/embedded.h"
#include "platform/platform.h"
#include "app/view_id.h"
#include "views/theme.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

struct SoakParams {
    long frames = 200'000;             // frames to draw in all
    long warmup = 20'000;              // frames before the baseline is taken (atlases, arenas, caches)
    int width = 800, height = 480;     // the 7" panel
    long every = 10'000;               // print a line this often
    long reload_every = 2'500;         // SIGHUP-equivalent reloads, cycling good / bad / other good
    long failure_every = 7'919;        // a frame that throws (prime, so it drifts against the reloads)
    long max_growth_kib = 1024;        // the limit
};

long resident_kib() {
    std::ifstream statm("/proc/self/statm");
    long size = 0, resident = 0;
    statm >> size >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

bool parse_args(int argc, char** argv, SoakParams& params) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        const char* v = nullptr;
        if (arg == "--frames" && (v = value())) params.frames = std::atol(v);
        else if (arg == "--warmup" && (v = value())) params.warmup = std::atol(v);
        else if (arg == "--every" && (v = value())) params.every = std::atol(v);
        else if (arg == "--reload-every" && (v = value())) params.reload_every = std::atol(v);
        else if (arg == "--size" && (v = value())) {
            if (std::sscanf(v, "%dx%d", &params.width, &params.height) != 2) return false;
        } else return false;
    }
    // Room for a whole reload cycle after the warm-up and another at the end.
    return params.reload_every > 0 && params.frames >= params.warmup + 2 * 3 * params.reload_every &&
           params.warmup > 0 && params.every > 0;
}

void write_file(const fs::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// The three states the bundle folder cycles through.
void set_folder(const fs::path& dir, int state) {
    const std::string manifest(core::embedded("content/manifest.toml"));
    std::string article(core::embedded("content/article.md"));
    switch (state % 3) {
        case 0: break;                                             // the built-in text
        case 1: write_file(dir / "manifest.toml", "[bundle\n"); return;  // broken: refused, kept
        case 2: article += "\nA paragraph added by the soak, to change the layout.\n"; break;
    }
    write_file(dir / "manifest.toml", manifest);
    write_file(dir / "article.md", article);
}

platform::InputEvent event(platform::EventType type, double t, float y = 0.0f) {
    platform::InputEvent e;
    e.type = type;
    e.time = t;
    e.x = 100.0f;
    e.y = y;
    return e;
}

// Input for frame `i`: a repeating visitor's routine of drags, wheel notches and keys.
void visit(app::App& app, long i, double t, int height) {
    using platform::EventType;
    const long step = i % 600;
    if (step == 0) app.handle(event(EventType::PointerDown, t, height * 0.8f), t);
    else if (step < 40) app.handle(event(EventType::PointerMove, t, height * (0.8f - 0.015f * float(step))), t);
    else if (step == 40) app.handle(event(EventType::PointerUp, t), t);
    else if (step % 50 == 0) {
        platform::InputEvent wheel = event(EventType::Wheel, t);
        wheel.wheel_y = step < 300 ? -1.0f : 1.0f;
        app.handle(wheel, t);
    } else if (step == 455 || step == 505 || step == 555) {
        platform::InputEvent key = event(EventType::KeyDown, t);
        key.key = step == 455 ? platform::Key::PageDown : step == 505 ? platform::Key::End : platform::Key::Home;
        app.handle(key, t);
    }
}

}  // namespace

int main(int argc, char** argv) {
    SoakParams params;
    if (!parse_args(argc, argv, params)) {
        std::fprintf(stderr, "usage: soak [--frames N] [--warmup N] [--size WxH] [--every N] [--reload-every N];\n"
                             "       frames >= warmup + 6 * reload-every\n");
        return 2;
    }
    platform::set_process_environment();  // as the kiosk runs
    const fs::path dir = fs::temp_directory_path() / ("kiosk-soak-" + std::to_string(getpid()));
    fs::create_directories(dir);
    set_folder(dir, 0);
    app::ContentSource source(dir.string());
    app::App app(source.load_initial(0.0));

    platform::SurfaceConfig config;
    config.headless = true;
    config.width = params.width;
    config.height = params.height;
    std::string error;
    std::unique_ptr<platform::Surface> surface = platform::open_surface(config, &error);
    if (!surface) {
        std::fprintf(stderr, "soak: no surface: %s\n", error.c_str());
        return 1;
    }
    app.set_texture_uploader([&surface](int width, int height, const uint8_t* rgba, platform::TextureFilter filter,
                                        uintptr_t replace) {
        return surface->upload_texture(width, height, rgba, filter, replace);
    });
    const app::FrameSize size{params.width, params.height, 96.0f};
    // A whole cycle of folder states (good, bad, other good), in frames.
    const long cycle = 3 * params.reload_every;
    long baseline = 0, last_cycle_peak = 0, reloads = 0, refused = 0, view_switches = 0;
    int state = 0;
    const auto started = std::chrono::steady_clock::now();
    std::printf("soak: %ld frames at %dx%d, warm-up %ld, RSS at start %ld KiB\n", params.frames, params.width,
                params.height, params.warmup, resident_kib());
    for (long i = 1; i <= params.frames; ++i) {
        const double t = double(i) / 60.0;
        visit(app, i, t, params.height);
        if (i % params.reload_every == 0) {
            set_folder(dir, ++state);
            ++reloads;
            if (std::optional<content::Bundle> bundle = source.reload(t)) app.set_bundle(std::move(*bundle), t);
            else if (!source.history().back().accepted) ++refused;
        }
        if (i % params.failure_every == 0) app.inject_frame_failure("soak: an injected failure");
        // Half-way between reloads, the next view: three views and three folder states make one
        // cycle of 3 * reload_every frames, over which memory is compared like for like.
        if (i % params.reload_every == params.reload_every / 2) {
            const size_t next = (static_cast<size_t>(app::view_index(app.view())) + 1) % app::kViewOrder.size();
            app.show(app::kViewOrder[next], t);
            ++view_switches;
        }
        surface->begin_frame();
        ImDrawData* data = app.frame(size, t);
        if (app.take_fonts_changed()) surface->fonts_changed();
        const views::Rgb page = app.theme().background;
        surface->render(data, page.r, page.g, page.b);
        surface->present();
        if (i % 250 == 0) {
            const long rss = resident_kib();
            if (i > params.warmup && i <= params.warmup + cycle) baseline = std::max(baseline, rss);
            if (i > params.frames - cycle) last_cycle_peak = std::max(last_cycle_peak, rss);
        }
        if (i % params.every == 0) {
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            std::printf("soak: frame %7ld  RSS %7ld KiB  %.0f fps\n", i, resident_kib(), double(i) / seconds);
            std::fflush(stdout);
        }
    }
    const long end = resident_kib();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    surface.reset();
    fs::remove_all(dir);
    const long growth = last_cycle_peak - baseline;
    const bool ok = growth < params.max_growth_kib;
    std::printf("soak: %ld frames in %.1f s (%.0f fps); %ld view switches, %ld reloads (%ld refused), %d frames "
                "failed on purpose\n",
                params.frames, seconds, double(params.frames) / seconds, view_switches, reloads, refused,
                app.failed_frames());
    std::printf("soak: RSS peak over the first cycle after warm-up %ld KiB, over the last cycle %ld KiB, at the end "
                "%ld KiB: growth %+ld KiB (limit under %ld): %s\n",
                baseline, last_cycle_peak, end, growth, params.max_growth_kib, ok ? "ok" : "TOO MUCH");
    return ok ? 0 : 1;
}
