#include "text/line_layout.h"

#include <algorithm>

namespace kiosk::text {
namespace {

// Appends the glyphs of `run` whose clusters lie in [from, to), left to right, from `pen`.
void place_glyphs(const ShapedRun& run, const TextStyle& style, int from, int to, float em_size, float& pen,
                  std::vector<PositionedGlyph>& out) {
    const float run_em = em_size * style.scale;
    const float scale = run_em / static_cast<float>(run.units_per_em);
    const float raise = style.raise * em_size;
    for (const ShapedGlyph& glyph : run.glyphs) {
        if (glyph.cluster < from || glyph.cluster >= to) continue;
        const float advance = glyph.advance * scale;
        out.push_back({glyph.glyph, run.run.face, pen + glyph.x_offset * scale, -glyph.y_offset * scale - raise, run_em,
                       advance, glyph.cluster, run.run.style});
        pen += advance;
    }
}

}  // namespace

LaidOutParagraph lay_out_lines(const ShapedParagraph& shaped, const std::vector<BreakOpportunity>& breaks,
                               const LineLayoutParams& params) {
    LaidOutParagraph result;
    if (!shaped.error.ok()) {
        result.error = shaped.error;
        return result;
    }
    if (params.em_size <= 0.0f) return result;
    const std::vector<BrokenLine> broken = choose_line_ends(shaped.bidi.text, shaped.advance_em, shaped.cluster_start,
                                                            breaks, {params.width / params.em_size});
    std::vector<LogicalRange> shown;
    for (const BrokenLine& line : broken)
        if (line.end > line.start) shown.push_back({line.start, line.end});
    const ReorderedLines orders = reorder_lines(shaped.bidi, shown);
    if (!orders.error.ok()) {
        result.error = orders.error;
        return result;
    }
    size_t order_index = 0;
    result.lines.reserve(broken.size());
    for (const BrokenLine& line : broken) {
        PositionedLine out;
        out.start = line.start;
        out.end = line.end;
        out.word_cut = line.word_cut;
        if (line.end > line.start) {
            float pen = 0.0f;
            for (const VisualRun& visual : orders.lines[order_index].runs) {
                // Shaped runs never straddle a level change, so each lies inside or outside this one.
                const auto place = [&](const ShapedRun& run) {
                    const int from = std::max(visual.start, run.run.start), to = std::min(visual.end, run.run.end);
                    if (from < to)
                        place_glyphs(run, shaped.styles[static_cast<size_t>(run.run.style)], from, to, params.em_size, pen,
                                     out.glyphs);
                };
                if (visual.rtl) std::for_each(shaped.runs.rbegin(), shaped.runs.rend(), place);
                else std::for_each(shaped.runs.begin(), shaped.runs.end(), place);
            }
            ++order_index;
            out.width = pen;
        }
        // Ragged edge: flush to the side the paragraph starts on.
        out.x = shaped.bidi.rtl() ? params.width - out.width : 0.0f;
        for (PositionedGlyph& glyph : out.glyphs) glyph.x += out.x;
        result.lines.push_back(std::move(out));
    }
    return result;
}

}  // namespace kiosk::text
