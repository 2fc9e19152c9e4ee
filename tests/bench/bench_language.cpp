// Benchmark (not a test): what switching language costs (issue 17). The bilingual fixture, its two
// paragraphs repeated to the built-in article's length (16 body paragraphs), in an App without a
// GL surface: per panel size, the CPU time of the frame after the first switch to Persian, and the
// median of later switches back and forth (each lays the article out again: layouts are not kept
// per language), against the median of a frame with nothing changed (which the App skips); and the
// kiosk's own heap (support/heap_counter.h) with both languages in memory, at the end and at its
// peak.
// Run: build/bench_language [repeats]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/app.h"
#include "support/heap_counter.h"
#include "support/proc_stats.h"
#include "support/report.h"
#include "content/bundle.h"

using namespace kiosk;

namespace {

double thread_cpu_ms() { return static_cast<double>(bench::thread_cpu_ns()) * 1e-6; }

double median(const std::vector<double>& values) { return bench::summarise(values).median; }

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream out;
    out << in.rdbuf();
    return out.str();
}

content::Bundle long_bilingual(int repeats) {
    const std::string dir = std::string(KIOSK_TEST_DATA) + "/bundles/bilingual/";
    content::BundleFiles files;
    for (const char* name : {"manifest.toml", "article.md", "manifest.fa.toml", "article.fa.md"}) files[name] = read(dir + name);
    for (const char* name : {"article.md", "article.fa.md"}) {
        std::string& article = files[name];
        const size_t body = article.find("\n\n") + 2;
        const size_t end = article.find("\n---");
        const std::string paragraphs = article.substr(body, end - body) + "\n\n";
        std::string repeated;
        for (int i = 0; i < repeats; ++i) repeated += paragraphs;
        article = article.substr(0, body) + repeated + article.substr(end + 1);
    }
    return content::parse_bundle(files, "bench").bundle;
}

}  // namespace

int main(int argc, char** argv) {
    bench::start_counting();
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    std::printf("switching language, bilingual fixture at 16 body paragraphs, App::frame without GL, thread CPU ms\n");
    std::printf("%-10s %12s %14s %15s %9s %9s\n", "panel", "first switch", "later (median)", "nothing changed", "heap MiB",
                "peak MiB");
    for (const app::FrameSize size : {app::FrameSize{800, 480, 96.0f}, app::FrameSize{1080, 1920, 96.0f},
                                      app::FrameSize{3840, 2160, 96.0f}}) {
        app::App app(long_bilingual(8));
        double now = 0.0;
        app.frame(size, now);
        now += 1.0;
        app.frame(size, now);
        app.scroll_to(app.article_layout().height / 2.0f, now);
        std::vector<double> still;
        for (int i = 0; i < repeats; ++i) {
            now += 0.5;
            const double start = thread_cpu_ms();
            app.frame(size, now);
            still.push_back(thread_cpu_ms() - start);
        }
        now += 0.5;
        app.set_language("fa", now);
        double start = thread_cpu_ms();
        app.frame(size, now);
        const double first = thread_cpu_ms() - start;
        std::vector<double> later;
        for (int i = 0; i < repeats; ++i) {
            now += 0.5;
            app.set_language(i % 2 == 0 ? "en" : "fa", now);
            start = thread_cpu_ms();
            app.frame(size, now);
            later.push_back(thread_cpu_ms() - start);
        }
        char panel[32];
        std::snprintf(panel, sizeof panel, "%dx%d", size.width, size.height);
        const bench::HeapCount heap = bench::kiosk_heap();
        std::printf("%-10s %12.1f %14.1f %15.2f %9.2f %9.2f\n", panel, first, median(later), median(still),
                    static_cast<double>(heap.live_bytes) / (1024.0 * 1024.0),
                    static_cast<double>(heap.peak_bytes) / (1024.0 * 1024.0));
    }
    return 0;
}
