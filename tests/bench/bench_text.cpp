// Benchmark (not a test): what the text engine costs on the built-in article and on the Persian
// fixture. Prints, per panel size, the CPU time to shape every paragraph once (bidi, runs,
// HarfBuzz; independent of the size), to find the line break opportunities, and to set the lines
// at that panel's column and body size (what a width or text-size change costs), median of runs.
// Run: build/bench_text [repeats]
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "content/bundle.h"
#include "core/embedded.h"
#include "layout/metrics.h"
#include "text/font_face.h"
#include "text/line_layout.h"
#include "text/shape.h"

using namespace kiosk;

namespace {

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? 0.0 : values[values.size() / 2];
}

struct Text {
    std::string name;
    std::string language;
    std::vector<std::string> paragraphs;
};

struct Shaped {
    std::vector<text::ShapedParagraph> paragraphs;
    std::vector<std::vector<text::BreakOpportunity>> breaks;
};

Shaped shape_all(const Text& text, const std::vector<const text::ShapingFace*>& faces) {
    Shaped shaped;
    text::ShapeParams params;
    params.language = text.language;
    const text::ParagraphDirection direction = text::direction_of_language(text.language);
    for (const std::string& paragraph : text.paragraphs)
        shaped.paragraphs.push_back(text::shape_paragraph(paragraph, direction, faces, params));
    return shaped;
}

void find_breaks(const Text& text, Shaped& shaped) {
    shaped.breaks.clear();
    for (const text::ShapedParagraph& paragraph : shaped.paragraphs)
        shaped.breaks.push_back(text::find_line_breaks(paragraph.bidi.text, text.language).breaks);
}

int lay_out_all(const Shaped& shaped, const text::LineLayoutParams& params) {
    int lines = 0;
    for (size_t i = 0; i < shaped.paragraphs.size(); ++i)
        lines += static_cast<int>(text::lay_out_lines(shaped.paragraphs[i], shaped.breaks[i], params).lines.size());
    return lines;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
    const auto naskh = text::ShapingFace::from_bytes(core::embedded("fonts/NotoNaskhArabic-Regular.ttf"));
    const auto serif = text::ShapingFace::from_bytes(core::embedded("fonts/NotoSerif-Regular.ttf"));
    const auto serif_metrics = text::FontFace::from_bytes(core::embedded("fonts/NotoSerif-Regular.ttf"));
    if (!naskh || !serif || !serif_metrics) {
        std::fprintf(stderr, "bench_text: the embedded fonts cannot be read\n");
        return 1;
    }

    std::vector<Text> texts;
    Text article{"built-in article (en)", "en", {}};
    for (const content::Block& block : content::load_builtin_bundle().bundle.article)
        if (const std::string body = content::block_text(block); !body.empty()) article.paragraphs.push_back(body);
    texts.push_back(article);
    Text persian{"UDHR 1 and 3 x20 (fa)", "fa", {}};
    std::stringstream udhr(read_file(std::string(KIOSK_TEST_DATA) + "/text/udhr.fa.txt"));
    std::vector<std::string> udhr_paragraphs;
    for (std::string line; std::getline(udhr, line);)
        if (!line.empty()) udhr_paragraphs.push_back(line);
    for (int i = 0; i < 20; ++i) persian.paragraphs.insert(persian.paragraphs.end(), udhr_paragraphs.begin(), udhr_paragraphs.end());
    texts.push_back(persian);

    const std::vector<std::pair<int, int>> panels = {{800, 480}, {1080, 1920}, {1920, 1080}, {3840, 2160}};
    std::printf("text engine, CPU ms (median of %d)\n", repeats);
    std::printf("%-24s %6s %9s %8s %8s  %-10s %8s %9s %7s\n", "text", "paras", "chars", "shape", "breaks", "panel",
                "column", "lay out", "lines");
    for (const Text& text : texts) {
        const std::vector<const text::ShapingFace*> faces =
            text.language == "fa" ? std::vector<const text::ShapingFace*>{naskh.get(), serif.get()}
                                  : std::vector<const text::ShapingFace*>{serif.get(), naskh.get()};
        size_t chars = 0;
        for (const std::string& paragraph : text.paragraphs) chars += paragraph.size();
        std::vector<double> shape_ms, break_ms;
        Shaped shaped;
        for (int r = 0; r < repeats; ++r) {
            double start = thread_cpu_ms();
            shaped = shape_all(text, faces);
            shape_ms.push_back(thread_cpu_ms() - start);
            start = thread_cpu_ms();
            find_breaks(text, shaped);
            break_ms.push_back(thread_cpu_ms() - start);
        }
        for (const auto& [width, height] : panels) {
            layout::PanelParams panel_params;
            panel_params.width = width;
            panel_params.height = height;
            const layout::Panel panel = layout::panel_layout(panel_params);
            const text::LineLayoutParams params{panel.column_width, serif_metrics->em_pixels(panel.body_size)};
            std::vector<double> layout_ms;
            int lines = 0;
            for (int r = 0; r < repeats; ++r) {
                const double start = thread_cpu_ms();
                lines = lay_out_all(shaped, params);
                layout_ms.push_back(thread_cpu_ms() - start);
            }
            char panel_name[32];
            std::snprintf(panel_name, sizeof panel_name, "%dx%d", width, height);
            std::printf("%-24s %6zu %9zu %8.2f %8.2f  %-10s %8.0f %9.2f %7d\n", text.name.c_str(), text.paragraphs.size(),
                        chars, median(shape_ms), median(break_ms), panel_name, panel.column_width, median(layout_ms), lines);
        }
    }
    return 0;
}
