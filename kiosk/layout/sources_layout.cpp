#include "layout/sources_layout.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "layout/number_format.h"
#include "layout/text_lines.h"

namespace kiosk::layout {

int qr_module_pixels(int modules, float px_per_mm, const QrSizeParams& params) {
    if (modules <= 0) return 0;
    const float width_mm = params.reading_distance_mm / std::max(1.0f, params.distance_per_width);
    const float module_mm = std::max(width_mm / static_cast<float>(modules), params.min_module_mm);
    const float mm = px_per_mm > 0.0f ? px_per_mm : 96.0f / 25.4f;
    return std::max(2, static_cast<int>(std::ceil(module_mm * mm)));
}

float qr_side_pixels(int modules, float px_per_mm, const QrSizeParams& params) {
    if (modules <= 0) return 0.0f;
    const int total = modules + 2 * std::max(0, params.quiet_modules);
    return static_cast<float>(total * qr_module_pixels(modules, px_per_mm, params));
}

namespace {

TextSetting setting_of(const SourcesLayoutParams& params) { return {params.text_engine, params.language, params.cache}; }

// Lines of one field of an entry, placed from `y` in [x, x + width], flush to the language's start
// side; returns the y below them.
float place_field(const std::string& text, FontRole role, float x, float y, float width, const FontSet& fonts,
                  const SourcesLayoutParams& params, SourcesLayout& layout) {
    if (text.empty()) return y;
    const FontMetrics& metrics = fonts[role];
    const float line_height = std::round(metrics.size * params.body_leading);
    const TextSetting setting = setting_of(params);
    const bool rtl = setting.rtl();
    for (LineOfRuns& line : set_lines(text, role, fonts, width, setting)) {
        const float baseline = std::round(y + (line_height - (metrics.ascent + metrics.descent)) * 0.5f + metrics.ascent);
        const float left = line_x(line.width, x, width, Align::Start, rtl);
        for (PlacedRun& run : line.runs) {
            run.x += left;
            run.baseline = baseline;
            layout.text.runs.push_back(std::move(run));
        }
        y += line_height;
        ++layout.text.line_count;
    }
    return y;
}

// Places source `number` with its top at `top`; returns the y below the entry. Right to left, the
// number hangs at the right edge, the words are flush right and a code beside them goes left.
float place_entry(const content::Source& source, int number, float code_side, float top, const FontSet& fonts,
                  const SourcesLayoutParams& params, SourcesLayout& layout) {
    const float body = fonts[FontRole::Body].size;
    const TextSetting setting = setting_of(params);
    const bool rtl = setting.rtl();
    const std::string label = number > 0 ? format_count(number, params.language) : std::string("?");
    const std::vector<LineOfRuns> label_lines = set_lines(label, FontRole::Label, fonts, kOneLine, setting);
    const std::vector<LineOfRuns> widest_lines = set_lines(format_count(88, params.language), FontRole::Label, fonts, kOneLine, setting);
    const float label_width = label_lines.empty() ? 0.0f : label_lines.front().width;
    const float two_digits = widest_lines.empty() ? 0.0f : widest_lines.front().width;
    // A hanging number, as wide as two digits and a gap, so the words of every entry align.
    const float indent = std::round(std::max(two_digits, label_width) + body * 0.6f);
    const float code_gap = std::round(body * params.code_gap);
    const float words_room = params.column_width - indent;
    const bool beside = code_side > 0.0f && words_room - code_side - code_gap >= words_room * 0.5f;
    const float words_width = beside ? words_room - code_side - code_gap : words_room;
    const float words_x = rtl ? params.column_width - indent - words_width : indent;

    // The number sits on the first line's baseline; it is inserted after the first line is placed
    // so that runs stay in reading order (baselines never decrease).
    const size_t number_at = layout.text.runs.size();
    float y = place_field(source.who, FontRole::BodyBold, words_x, top, words_width, fonts, params, layout);
    y = place_field(source.what, FontRole::Body, words_x, y, words_width, fonts, params, layout);
    y = place_field(source.when, FontRole::BodyItalic, words_x, y, words_width, fonts, params, layout);
    y = place_field(source.uses, FontRole::Small, words_x, y + std::round(body * 0.2f), words_width, fonts, params, layout);
    y = place_field(source.url, FontRole::Label, words_x, y + std::round(body * 0.2f), words_width, fonts, params, layout);
    const float number_baseline = number_at < layout.text.runs.size() ? layout.text.runs[number_at].baseline
                                                                     : std::round(top + fonts[FontRole::Label].ascent);
    std::vector<PlacedRun> number_runs = label_lines.empty() ? std::vector<PlacedRun>{} : label_lines.front().runs;
    const float number_x = rtl ? params.column_width - label_width : 0.0f;
    for (PlacedRun& run : number_runs) {
        run.x += number_x;
        run.baseline = number_baseline;
    }
    layout.text.runs.insert(layout.text.runs.begin() + static_cast<std::ptrdiff_t>(number_at), number_runs.begin(),
                            number_runs.end());

    if (code_side > 0.0f) {
        PlacedCode code;
        code.source = number;
        code.side = code_side;
        if (beside) {
            code.x = rtl ? 0.0f : params.column_width - code_side;
            code.y = top;
            y = std::max(y, top + code_side);
        } else {
            code.x = rtl ? words_x + words_width - code_side : indent;
            code.y = y + std::round(body * 0.4f);
            y = code.y + code_side;
        }
        layout.codes.push_back(code);
    }
    return y;
}

}  // namespace

SourcesLayout layout_sources(const std::vector<content::Source>& sources, const std::vector<float>& code_sides,
                             const FontSet& fonts, const SourcesLayoutParams& params) {
    SourcesLayout layout;
    layout.text.width = params.column_width;
    const float gap = std::round(fonts[FontRole::Body].size * params.body_leading * params.entry_gap);
    float y = 0.0f;
    for (size_t i = 0; i < sources.size(); ++i) {
        if (i > 0) y += gap;
        layout.entry_tops.push_back(y);
        const float side = i < code_sides.size() ? code_sides[i] : 0.0f;
        y = place_entry(sources[i], static_cast<int>(i) + 1, side, y, fonts, params, layout);
    }
    layout.text.height = std::ceil(y);
    return layout;
}

SourcesLayout layout_source_entry(const content::Source& source, int number, float code_side, const FontSet& fonts,
                                  const SourcesLayoutParams& params) {
    SourcesLayout layout;
    layout.text.width = params.column_width;
    layout.entry_tops.push_back(0.0f);
    layout.text.height = std::ceil(place_entry(source, number, code_side, 0.0f, fonts, params, layout));
    return layout;
}

}  // namespace kiosk::layout
