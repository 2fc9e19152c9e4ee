// Benchmark (not a test): the memorial view's cost at 1080x1920. Prints the CPU time of building one
// frame (App::frame: layout cached, ImGui draw lists) while the counter counts and once it holds
// still, the vertices and draw calls of those frames, the one-time cost of building the field of
// marks, and the time to render a frame on this machine's GL (Mesa llvmpipe here: CPU rendering,
// so that figure says little about a Raspberry Pi's GPU). Run: build/bench_memorial [frames]
#include <imgui.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/app.h"
#include "content/bundle.h"
#include "layout/memorial_layout.h"
#include "platform/platform.h"
#include "views/memorial_view.h"
#include "views/theme.h"

using namespace kiosk;

namespace {

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double wall_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

struct Summary {
    double median = 0.0, p95 = 0.0, mean = 0.0;
};

Summary summarise(std::vector<double> samples) {
    Summary s;
    if (samples.empty()) return s;
    std::sort(samples.begin(), samples.end());
    s.median = samples[samples.size() / 2];
    s.p95 = samples[std::min(samples.size() - 1, samples.size() * 95 / 100)];
    for (double v : samples) s.mean += v;
    s.mean /= static_cast<double>(samples.size());
    return s;
}

struct Phase {
    Summary build_cpu_us;              // App::frame, CPU time of this thread
    Summary render_wall_us;            // Surface::render + the readback that waits for it
    Summary readback_wall_us;          // the readback alone (of the same frame), to subtract
    int vertices = 0, draw_calls = 0, field_quads = 0;
};

Phase measure(app::App& app, platform::Surface& surface, const app::FrameSize& size, double from, double to, int frames) {
    Phase phase;
    std::vector<double> build, render, readback;
    const views::Theme& theme = views::dark_theme();
    for (int i = 0; i < frames; ++i) {
        const double now = from + (to - from) * i / std::max(1, frames - 1);
        surface.begin_frame();
        const double cpu0 = thread_cpu_seconds();
        ImDrawData* data = app.frame(size, now);
        const double cpu1 = thread_cpu_seconds();
        if (app.take_fonts_changed()) surface.fonts_changed();
        const double wall0 = wall_seconds();
        surface.render(data, theme.background.r, theme.background.g, theme.background.b);
        surface.read_pixels();  // waits for the GPU (llvmpipe) to finish the frame
        const double wall1 = wall_seconds();
        surface.read_pixels();  // nothing left to draw: the readback's own cost
        const double wall2 = wall_seconds();
        build.push_back((cpu1 - cpu0) * 1e6);
        render.push_back((wall1 - wall0) * 1e6);
        readback.push_back((wall2 - wall1) * 1e6);
        phase.vertices = std::max(phase.vertices, app.last_frame_stats().vertices);
        phase.draw_calls = std::max(phase.draw_calls, app.last_frame_stats().draw_calls);
        phase.field_quads = std::max(phase.field_quads, app.last_frame_stats().field_quads);
    }
    phase.build_cpu_us = summarise(build);
    phase.render_wall_us = summarise(render);
    phase.readback_wall_us = summarise(readback);
    return phase;
}

void print(const char* name, const Phase& phase) {
    std::printf("%-9s frame build CPU: median %6.1f us, p95 %6.1f us, mean %6.1f us | vertices %d, draw calls %d, "
                "field quads %d\n          render on llvmpipe (render+readback minus readback, wall): median %.1f ms\n",
                name, phase.build_cpu_us.median, phase.build_cpu_us.p95, phase.build_cpu_us.mean, phase.vertices,
                phase.draw_calls, phase.field_quads,
                (phase.render_wall_us.median - phase.readback_wall_us.median) / 1e3);
}

}  // namespace

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::max(10, std::atoi(argv[1])) : 300;
    content::LoadResult loaded = content::load_builtin_bundle();
    if (!loaded.usable) {
        std::fprintf(stderr, "bench_memorial: the built-in bundle is not usable\n");
        return 1;
    }
    const app::FrameSize size{1080, 1920, 96.0f};
    app::AppParams params;
    params.view = app::ViewId::Memorial;
    app::App app(loaded.bundle, params);  // before the surface: the surface must close first
    platform::SurfaceConfig config;
    config.headless = true;
    config.width = size.width;
    config.height = size.height;
    std::string error;
    std::unique_ptr<platform::Surface> surface = platform::open_surface(config, &error);
    if (!surface) {
        std::fprintf(stderr, "bench_memorial: no headless GL: %s\n", error.c_str());
        return 1;
    }
    int status = 0;
    {
        platform::Surface& target = *surface;
        app.set_texture_uploader([&target](int w, int h, const uint8_t* rgba, platform::TextureFilter filter,
                                           uintptr_t replace) { return target.upload_texture(w, h, rgba, filter, replace); });
        // The first frame lays out, builds the font atlas and the field, and uploads them.
        const double first0 = thread_cpu_seconds();
        surface->begin_frame();
        app.frame(size, 0.0);
        const double first1 = thread_cpu_seconds();
        if (app.take_fonts_changed()) surface->fonts_changed();

        const layout::MarkGrid& grid = app.memorial_layout().field;
        const double field0 = thread_cpu_seconds();
        const views::RgbaImage field = views::build_mark_field(grid);
        const double field1 = thread_cpu_seconds();
        std::printf("bench_memorial at %dx%d, %d frames a phase, %s\n", size.width, size.height, frames,
                    surface->gl_info().renderer.c_str());
        std::printf("field: %lld marks, %dx%d cells of %d px (marks %d px), texture %dx%d (%.1f MB RGBA)\n",
                    static_cast<long long>(grid.count), grid.columns, grid.rows, grid.cell, grid.mark, field.width, field.height,
                    field.rgba.size() / 1e6);
        std::printf("once: first frame (layout, atlas, field, upload) %.1f ms CPU; building the field alone %.2f ms CPU\n",
                    (first1 - first0) * 1e3, (field1 - field0) * 1e3);

        const app::CounterParams counter;
        const double end = app.counter_settles_after();
        const Phase counting = measure(app, *surface, size, counter.delay_seconds + 0.01, end - 0.01, frames);
        const Phase still = measure(app, *surface, size, end + 1.0, end + 10.0, frames);
        print("counting", counting);
        print("still", still);
        std::printf("still: next frame due %s (the loop sleeps until input)\n",
                    app.next_frame_due(end + 11.0) == app::kNever ? "never" : "soon");
        if (counting.field_quads > 4 || still.field_quads > 4) status = 1;
    }
    surface.reset();
    return status;
}
