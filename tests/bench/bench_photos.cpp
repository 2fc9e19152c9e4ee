// Photographs: what decoding costs on this machine. Prints figures, asserts nothing.
//   1. decode + scale of a generated 12-megapixel JPEG (4000 x 3000, baseline and progressive) to
//      the article column of a 1080 x 1920 panel, with the DCT scale libjpeg-turbo used, and the
//      peak memory of the decode: measured in a fresh child process (this program run again with
//      --decode), as VmHWM less the Rss before the decode;
//   2. the upload of the decoded picture as a texture (headless EGL, llvmpipe; glFinish timed);
//   3. the article's first frame with 50 pictures in the bundle against the same article without
//      them: pictures below the fold are not decoded for it, and none is decoded on its path;
//   4. the kiosk's own heap (support/heap_counter.h: the main thread's operator new, GL calls
//      excluded) at its peak while a child scrolls through the whole article a screen at a time,
//      every picture decoded and uploaded on the way, with and without the 50 pictures. The
//      decoding thread's buffers are not in it (another thread): part 1 gives their peak.
// Usage: bench_photos [--runs N]
#include <GL/gl.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <imgui.h>

#include "app/app.h"
#include "app/photo_store.h"
#include "check/validate.h"
#include "image/image.h"
#include "platform/platform.h"
#include "support/image_fixtures.h"
#include "support/heap_counter.h"
#include "support/proc_stats.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// Child mode: one decode, then its figures on stdout.
int decode_once(const std::string& path, int width, int height) {
    const bench::Memory before = bench::read_memory(getpid());
    image::DecodeParams params;
    params.max_width = width;
    params.max_height = height;
    const int64_t start = bench::monotonic_ns();
    const image::DecodeResult result = image::decode_file(path, params);
    const double ms = (bench::monotonic_ns() - start) / 1e6;
    const bench::Memory after = bench::read_memory(getpid());
    if (!result.error.ok()) {
        std::fprintf(stderr, "decode failed: %s\n", result.error.message.c_str());
        return 1;
    }
    std::printf("%.1f %lld %d %d %d %zu\n", ms, static_cast<long long>(after.peak_rss_kb - before.rss_kb),
                result.image.width, result.image.height, result.dct_scale_denom, result.peak_bytes);
    return 0;
}

struct DecodeFigures {
    double ms = 0.0;
    long long peak_kb = 0;
    int width = 0, height = 0, denom = 0;
    size_t own_peak = 0;
};

DecodeFigures decode_in_child(const std::string& self, const std::string& path, int width, int height, int runs) {
    std::vector<double> times;
    DecodeFigures figures;
    for (int i = 0; i < runs; ++i) {
        const std::string command = self + " --decode " + path + " " + std::to_string(width) + " " + std::to_string(height);
        FILE* pipe = popen(command.c_str(), "r");
        if (!pipe) break;
        DecodeFigures f;
        if (std::fscanf(pipe, "%lf %lld %d %d %d %zu", &f.ms, &f.peak_kb, &f.width, &f.height, &f.denom, &f.own_peak) == 6) {
            times.push_back(f.ms);
            figures = f;
            figures.peak_kb = std::max(figures.peak_kb, f.peak_kb);
        }
        pclose(pipe);
    }
    figures.ms = median(times);
    return figures;
}

// The built-in article's body, written as a bundle with `pictures` photographs spread through it.
std::string photo_bundle(const std::string& dir, int pictures) {
    fs::remove_all(dir);
    fs::create_directories(dir + "/photos");
    fs::copy(std::string(KIOSK_TEST_DATA) + "/bad_bundles_base/manifest.toml", dir + "/manifest.toml");
    testing::JpegFixture f;
    f.width = 1600, f.height = 1200;
    testing::write_file(dir + "/photos/p.jpg", testing::make_jpeg(f));
    std::string article = "# A Test Headline\n\nThe first paragraph counts about 1,234 test items.[^first][^second]\n\n";
    for (int i = 0; i < 50; ++i) {
        article += "A paragraph of the benchmark's article, long enough to wrap over a line or two at the "
                   "column's width, so that the pictures are spread through the text.\n\n";
        if (pictures > 0) article += "![Test pattern](photos/p.jpg \"Test pattern\")\nA caption.\n\n";
        else article += "A caption.\n\n";  // the same text, without the pictures
    }
    std::ofstream(dir + "/article.md") << article;
    return dir;
}

}  // namespace

// Child mode: scrolls through the bundle in `bundle_dir` at 1080x1920, a screen at a time, each
// screen's pictures decoded and drawn; prints the kiosk's own heap peak and live at the end, MiB.
int scroll_heap(const std::string& bundle_dir) {
    bench::start_counting();
    std::unique_ptr<platform::Surface> surface;
    {
        bench::DriverScope driver;
        platform::SurfaceConfig config;
        config.headless = true;
        config.width = 1080, config.height = 1920;
        std::string error;
        surface = platform::open_surface(config, &error);
    }
    if (!surface) return 1;
    content::LoadResult loaded = check::load_and_validate_dir(bundle_dir);
    int pictures = 0;
    {
        app::App app(std::move(loaded.bundle));
        app.set_texture_uploader([&](int w, int h, const uint8_t* rgba, platform::TextureFilter filter, uintptr_t replace) {
            bench::DriverScope driver;
            return surface->upload_texture(w, h, rgba, filter, replace);
        });
        const auto draw = [&](double t) {
            ImDrawData* data = app.frame({1080, 1920, 96.0f}, t);
            bench::DriverScope driver;
            surface->begin_frame();
            if (app.take_fonts_changed()) surface->fonts_changed();
            surface->render(data, 0, 0, 0);
        };
        double t = 0.0;
        draw(t);
        pictures = static_cast<int>(app.article_layout().figures.size());
        for (float y = 0.0f; y <= app.scroll_limit() + 1.0f; y += 1500.0f) {
            t += 1.0;
            app.scroll_to(y, t);
            draw(t);
            app.wait_for_photos();
            draw(t + 0.1);
        }
        std::printf("%d %.2f %.2f %.2f\n", pictures, bench::kiosk_heap().peak_bytes / 1048576.0,
                    bench::kiosk_heap().live_bytes / 1048576.0, app.photos().resident_bytes() / 1048576.0);
        bench::DriverScope driver;
        app.set_texture_uploader(nullptr);
        surface.reset();
    }
    return 0;
}

int main(int argc, char** argv) {
    if (argc == 5 && std::string(argv[1]) == "--decode") return decode_once(argv[2], std::atoi(argv[3]), std::atoi(argv[4]));
    if (argc == 3 && std::string(argv[1]) == "--scroll-heap") return scroll_heap(argv[2]);
    int runs = 5;
    if (argc == 3 && std::string(argv[1]) == "--runs") runs = std::max(1, std::atoi(argv[2]));
    const std::string self = fs::canonical("/proc/self/exe").string();
    const std::string dir = (fs::temp_directory_path() / ("bench-photos-" + std::to_string(getpid()))).string();
    fs::create_directories(dir);
    std::printf("bench_photos on %s (a machine shared with other builds: timings vary)\n",
                bench::machine_description().c_str());

    // 1. 12 megapixels, decoded into the column of a 1080x1920 panel.
    platform::SurfaceConfig config;
    config.headless = true;
    config.width = 1080, config.height = 1920;
    std::string error;
    auto surface = platform::open_surface(config, &error);
    if (!surface) {
        std::fprintf(stderr, "no surface: %s\n", error.c_str());
        return 1;
    }
    content::LoadResult one = check::load_and_validate_dir(photo_bundle(dir + "/one", 1));
    app::App probe(std::move(one.bundle));
    probe.frame({1080, 1920, 96.0f}, 0.0);
    const layout::PlacedFigure column = probe.article_layout().figures.at(0);
    const int box_w = static_cast<int>(column.width), box_h = static_cast<int>(column.width * 3.0f / 4.0f);
    for (bool progressive : {false, true}) {
        testing::JpegFixture f;
        f.width = 4000, f.height = 3000, f.progressive = progressive, f.quality = 92, f.grain = true;
        const std::string path = dir + (progressive ? "/12mp-progressive.jpg" : "/12mp.jpg");
        testing::write_file(path, testing::make_jpeg(f));
        const DecodeFigures d = decode_in_child(self, path, box_w, box_h, runs);
        std::printf("12 MP %s JPEG (%lld KiB file) -> %dx%d: decode + scale %.1f ms (median of %d), DCT 1/%d, "
                    "peak memory +%lld KiB (VmHWM - Rss before), the kiosk's own buffers at most %zu KiB\n",
                    progressive ? "progressive" : "baseline", static_cast<long long>(fs::file_size(path) / 1024), d.width,
                    d.height, d.ms, runs, d.denom, d.peak_kb, d.own_peak / 1024);
    }

    // 2. Upload of the decoded picture.
    image::DecodeParams params;
    params.max_width = box_w, params.max_height = box_h;
    const image::DecodeResult decoded = image::decode_file(dir + "/12mp.jpg", params);
    std::vector<double> uploads;
    uintptr_t texture = 0;
    for (int i = 0; i < runs; ++i) {
        const int64_t start = bench::monotonic_ns();
        texture = surface->upload_texture(decoded.image.width, decoded.image.height, decoded.image.rgba.data(),
                                          platform::TextureFilter::Linear, texture);
        glFinish();
        uploads.push_back((bench::monotonic_ns() - start) / 1e6);
    }
    std::printf("upload of %dx%d RGBA (%zu KiB) as a texture: %.2f ms (median of %d, glFinish included)\n",
                decoded.image.width, decoded.image.height, decoded.image.rgba.size() / 1024, median(uploads), runs);

    // 3. The first article frame with 50 pictures, and without.
    // -1: the 50 pictures laid out but never decoded (as if broken): what their layout and
    // placeholders alone cost the first frame.
    for (int pictures : {0, -1, 50}) {
        content::LoadResult loaded = check::load_and_validate_dir(photo_bundle(dir + "/first", pictures == 0 ? 0 : 50));
        for (content::Block& block : loaded.bundle.article) block.figure.broken = block.figure.broken || pictures < 0;
        std::vector<double> frames, upload_frames, later_frames;
        int decoded_after = 0;
        for (int i = 0; i < runs; ++i) {
            content::LoadResult copy = loaded;
            app::App app(std::move(copy.bundle));
            app.set_texture_uploader([&](int w, int h, const uint8_t* rgba, platform::TextureFilter filter, uintptr_t replace) {
                return surface->upload_texture(w, h, rgba, filter, replace);
            });
            const int64_t start = bench::monotonic_ns();
            surface->begin_frame();
            ImDrawData* data = app.frame({1080, 1920, 96.0f}, 0.0);
            if (app.take_fonts_changed()) surface->fonts_changed();
            surface->render(data, 0, 0, 0);
            glFinish();
            frames.push_back((bench::monotonic_ns() - start) / 1e6);
            app.wait_for_photos();
            decoded_after = app.photos().decodes_done();
            // The frame that uploads the decoded pictures and draws them, then one that only draws.
            for (std::vector<double>* into : {&upload_frames, &later_frames}) {
                const int64_t t0 = bench::monotonic_ns();
                surface->begin_frame();
                ImDrawData* next = app.frame({1080, 1920, 96.0f}, 0.5);
                surface->render(next, 0, 0, 0);
                glFinish();
                into->push_back((bench::monotonic_ns() - t0) / 1e6);
            }
            app.set_texture_uploader(nullptr);
        }
        std::printf("first article frame, %d pictures in the bundle%s: %.1f ms (median of %d); pictures decoded for the "
                    "first screen afterwards, off the drawing path: %d; the frame that uploads and draws them %.1f ms, "
                    "the next %.1f ms\n",
                    pictures == 0 ? 0 : 50, pictures < 0 ? " (none decoded)" : "", median(frames), runs, decoded_after,
                    median(upload_frames), median(later_frames));
    }
    surface.reset();

    // 4. The kiosk's own heap through the whole article, in a fresh child each.
    for (int pictures : {0, 50}) {
        const std::string bundle = photo_bundle(dir + "/heap", pictures);
        FILE* pipe = popen((self + " --scroll-heap " + bundle).c_str(), "r");
        int figures = 0;
        double peak = 0.0, live = 0.0, resident = 0.0;
        if (pipe && std::fscanf(pipe, "%d %lf %lf %lf", &figures, &peak, &live, &resident) == 4)
            std::printf("scrolling through the article with %d pictures at 1080x1920: the kiosk's own heap peak %.2f MiB, "
                        "live at the end %.2f MiB; textures resident at the end %.2f MiB\n",
                        figures, peak, live, resident);
        if (pipe) pclose(pipe);
    }
    fs::remove_all(dir);
    return 0;
}
