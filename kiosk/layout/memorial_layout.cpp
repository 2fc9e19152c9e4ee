#include "layout/memorial_layout.h"

#include <algorithm>
#include <cmath>

#include "layout/article_layout.h"
#include "layout/number_format.h"
#include "layout/text_lines.h"
#include "text/utf8.h"

namespace kiosk::layout {

MarkGrid fit_mark_grid(int64_t count, float width, float height, const MarkGridParams& params) {
    MarkGrid grid;
    if (count <= 0 || !(width >= 1.0f) || !(height >= 1.0f)) return grid;
    const int max_side = std::max(1, params.max_side);
    const int usable_width = std::min(static_cast<int>(width), max_side);
    const int usable_height = std::min(static_cast<int>(height), max_side);
    const int min_cell = std::max(1, params.min_cell);
    for (int cell = std::max(min_cell, params.max_cell); cell >= min_cell; --cell) {
        const int columns = usable_width / cell;
        if (columns < 1) continue;
        const int64_t rows = (count + columns - 1) / columns;
        if (rows * cell > usable_height) continue;
        grid.count = count;
        grid.columns = static_cast<int>(std::min<int64_t>(columns, count));  // a short count: one row
        grid.rows = static_cast<int>(rows);
        grid.cell = cell;
        grid.mark = std::clamp(static_cast<int>(std::lround(cell * params.mark_ratio)), 1, cell);
        return grid;
    }
    return grid;  // cannot fit a mark a person: no field
}

namespace {

constexpr float kFigureGapEm = 0.18f;   // between the qualifier and the number on one line, in figure ems

struct TextBlock {
    MemorialPart part = MemorialPart::Caption;
    FontRole role = FontRole::Body;
    std::vector<std::pair<std::string, float>> lines;  // text and width
    std::vector<std::vector<PlacedRun>> runs;          // each line's runs, x from its left edge
    float line_height = 0.0f;
    float height() const { return line_height * static_cast<float>(lines.size()); }
};

// Manifest strings may hold newlines or runs of spaces: the view sets them as running text.
using text::collapse_spaces;

TextSetting setting_of(const MemorialLayoutParams& params) { return {params.text_engine, params.language, params.cache}; }

TextBlock make_block(MemorialPart part, FontRole role, const std::string& text, const FontSet& fonts, float width,
                     const MemorialLayoutParams& params) {
    TextBlock block;
    block.part = part;
    block.role = role;
    block.line_height = std::round(fonts[role].size * params.body_leading);
    const std::string clean = collapse_spaces(text);
    if (clean.empty()) return block;
    for (LineOfRuns& line : set_lines(clean, role, fonts, width, setting_of(params))) {
        std::string joined;
        float end = 0.0f;
        for (const PlacedRun& run : line.runs) {
            if (!joined.empty() && run.x > end + 0.01f) joined += ' ';
            joined += run.text;
            end = run.x + run.width;
        }
        block.lines.emplace_back(std::move(joined), line.width);
        block.runs.push_back(std::move(line.runs));
    }
    return block;
}

// Places a block's lines centred on `centre_x` from `top` down; returns the y below it.
float place_block(const TextBlock& block, float centre_x, float top, const FontSet& fonts, MemorialLayout& layout) {
    const FontMetrics& metrics = fonts[block.role];
    float y = top;
    for (size_t i = 0; i < block.lines.size(); ++i) {
        const auto& [text, width] = block.lines[i];
        MemorialLine line;
        line.part = block.part;
        line.role = block.role;
        line.width = width;
        line.text = text;
        line.runs = block.runs[i];
        line.x = std::round(centre_x - width * 0.5f);
        line.baseline = std::round(y + (block.line_height - (metrics.ascent + metrics.descent)) * 0.5f + metrics.ascent);
        layout.lines.push_back(std::move(line));
        y += block.line_height;
    }
    return y;
}

// The qualifier and the number: on one line when they fit, else the qualifier just above.
struct FigureBlock {
    TextBlock qualifier;
    float figure_width = 0.0f;
    float gap = 0.0f;
    bool one_line = false;
    float figure_height = 0.0f;
    float height() const { return one_line ? figure_height : qualifier.height() + figure_height; }
};

FigureBlock make_figure(const content::Memorial& memorial, const FontSet& fonts, float width,
                        const MemorialLayoutParams& params) {
    FigureBlock block;
    const FontMetrics& figure = fonts[FontRole::Figure];
    block.figure_width = set_figure(format_count(memorial.figure, params.language), FontRole::Figure, fonts,
                                    setting_of(params)).width;
    block.figure_height = std::round(figure.ascent + figure.descent);
    block.gap = std::round(figure.size * kFigureGapEm);
    block.qualifier =
        make_block(MemorialPart::Qualifier, FontRole::Standfirst, memorial.qualifier, fonts, width, params);
    block.one_line = block.qualifier.lines.size() == 1 &&
                     block.qualifier.lines[0].second + block.gap + block.figure_width <= width;
    if (block.qualifier.lines.empty()) block.one_line = true;
    return block;
}

// On one line the qualifier comes first in reading order: left of the number, or right of it for
// a right-to-left language.
float place_figure(const FigureBlock& block, float centre_x, float top, const FontSet& fonts, bool rtl,
                   MemorialLayout& layout) {
    const FontMetrics& figure = fonts[FontRole::Figure];
    float y = top;
    if (block.one_line) {
        const float qualifier_width = block.qualifier.lines.empty() ? 0.0f : block.qualifier.lines[0].second + block.gap;
        const float left = std::round(centre_x - (qualifier_width + block.figure_width) * 0.5f);
        layout.figure_baseline = std::round(y + figure.ascent);
        layout.figure_right = rtl ? left + std::round(block.figure_width) : left + qualifier_width + std::round(block.figure_width);
        if (!block.qualifier.lines.empty()) {
            MemorialLine line;
            line.part = MemorialPart::Qualifier;
            line.role = FontRole::Standfirst;
            line.runs = block.qualifier.runs[0];
            line.x = rtl ? layout.figure_right + block.gap : left;
            line.baseline = layout.figure_baseline;  // shares the number's baseline
            line.width = block.qualifier.lines[0].second;
            line.text = block.qualifier.lines[0].first;
            layout.lines.push_back(std::move(line));
        }
    } else {
        y = place_block(block.qualifier, centre_x, y, fonts, layout);
        layout.figure_baseline = std::round(y + figure.ascent);
        layout.figure_right = std::round(centre_x + block.figure_width * 0.5f);
    }
    layout.figure_width = block.figure_width;
    return y + block.figure_height;
}

}  // namespace

MemorialLayout layout_memorial(const content::Memorial& memorial, const FontSet& fonts,
                               const MemorialLayoutParams& params) {
    MemorialLayout layout;
    const float body_line = std::round(fonts[FontRole::Body].size * params.body_leading);
    const float inner_width = std::max(1.0f, params.width - 2.0f * params.margin);
    const float inner_height = std::max(1.0f, params.height - 2.0f * params.margin);
    const float left = params.x + params.margin;
    const float top = params.y + params.margin;
    layout.side_by_side = params.width > params.height * 1.2f;
    const bool rtl = setting_of(params).rtl();

    const float text_width = layout.side_by_side
                                 ? std::min(params.column_width, std::round((inner_width - params.margin) * 0.46f))
                                 : std::min(params.column_width, inner_width);
    const TextBlock dates = make_block(MemorialPart::Dates, FontRole::Label, memorial.dates, fonts, text_width, params);
    const FigureBlock figure = make_figure(memorial, fonts, text_width, params);
    const TextBlock caption = make_block(MemorialPart::Caption, FontRole::Body, memorial.caption, fonts, text_width, params);
    const TextBlock remembrance =
        make_block(MemorialPart::Remembrance, FontRole::Standfirst, memorial.remembrance, fonts, text_width, params);
    const TextBlock attribution =
        make_block(MemorialPart::Attribution, FontRole::Small, memorial.attribution, fonts, text_width, params);

    // Vertical rhythm in body lines: the figure belongs with its dates and caption; the field and
    // the words of remembrance stand apart.
    const float gap_dates = dates.lines.empty() ? 0.0f : std::round(body_line * 0.4f);
    const float gap_caption = caption.lines.empty() ? 0.0f : std::round(body_line * 0.25f);
    const float gap_section = std::round(body_line * 1.1f);
    const float gap_attribution = attribution.lines.empty() ? 0.0f : std::round(body_line * 0.9f);
    const float head_height = dates.height() + gap_dates + figure.height() + gap_caption + caption.height();
    const float tail_height =
        (remembrance.lines.empty() ? 0.0f : remembrance.height()) + gap_attribution + attribution.height();

    const auto place_head = [&](float centre_x, float y) {
        y = place_block(dates, centre_x, y, fonts, layout) + gap_dates;
        y = place_figure(figure, centre_x, y, fonts, rtl, layout) + gap_caption;
        return place_block(caption, centre_x, y, fonts, layout);
    };
    const auto place_tail = [&](float centre_x, float y) {
        y = place_block(remembrance, centre_x, y, fonts, layout) + gap_attribution;
        return place_block(attribution, centre_x, y, fonts, layout);
    };

    if (layout.side_by_side) {
        // Words at the start side, centred on their column and vertically; the field fills the rest.
        const float words_height = head_height + gap_section + tail_height;
        const float words_top = std::round(top + std::max(0.0f, (inner_height - words_height) * 0.5f));
        const float words_left = rtl ? left + inner_width - text_width : left;
        const float words_centre = words_left + text_width * 0.5f;
        const float after_head = place_head(words_centre, words_top);
        const float bottom = place_tail(words_centre, after_head + gap_section);
        const float field_left = rtl ? left : left + text_width + params.margin * 1.5f;
        const float field_width = inner_width - text_width - params.margin * 1.5f;
        layout.field = fit_mark_grid(memorial.figure, field_width, inner_height, params.grid);
        layout.field.x = std::round(field_left + (field_width - layout.field.width()) * 0.5f);
        layout.field.y = std::round(top + (inner_height - layout.field.height()) * 0.5f);
        layout.top = std::min(words_top, layout.field.y);
        layout.bottom = std::max(bottom, layout.field.y + layout.field.height());
        return layout;
    }

    // One column: head, field, tail, centred as a whole in the area.
    const float field_space = inner_height - head_height - tail_height - 2.0f * gap_section;
    const float field_width = std::min(params.column_width, inner_width);
    layout.field = fit_mark_grid(memorial.figure, field_width, field_space, params.grid);
    const float field_height = static_cast<float>(layout.field.height());
    const float total = head_height + tail_height + (layout.field.count > 0 ? 2.0f * gap_section + field_height : gap_section);
    const float centre = left + inner_width * 0.5f;
    float y = std::round(top + std::max(0.0f, (inner_height - total) * 0.5f));
    layout.top = y;
    y = place_head(centre, y) + gap_section;
    if (layout.field.count > 0) {
        layout.field.x = std::round(centre - layout.field.width() * 0.5f);
        layout.field.y = y;
        y += field_height + gap_section;
    }
    layout.bottom = place_tail(centre, y);
    return layout;
}

}  // namespace kiosk::layout
