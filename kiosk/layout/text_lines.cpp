#include "layout/text_lines.h"

#include <algorithm>

#include "text/bidi.h"
#include "text/utf8.h"

namespace kiosk::layout {
namespace {

// Runs moved so that each line starts at x 0 (the engine sets a right-to-left line flush right).
void from_zero(std::vector<LineOfRuns>& lines) {
    for (LineOfRuns& line : lines) {
        if (line.runs.empty()) continue;
        float left = line.runs.front().x;
        for (const PlacedRun& run : line.runs) left = std::min(left, run.x);
        for (PlacedRun& run : line.runs) run.x -= left;
    }
}

std::vector<LineOfRuns> engine_or_plain(const ShapedBlock* shaped, const std::string& text, FontRole role,
                                        const FontSet& fonts, float width) {
    std::vector<LineOfRuns> lines;
    if (shaped && shaped->error.ok()) lines = engine_lines(*shaped, fonts, width);
    if (lines.empty()) {
        content::Span span;
        span.text = text;
        lines = break_lines({span}, role, fonts, width);
    }
    from_zero(lines);
    return lines;
}

}  // namespace

bool TextSetting::rtl() const { return text::direction_of_language(language) == text::ParagraphDirection::Rtl; }

std::vector<LineOfRuns> set_lines(const std::string& text, FontRole role, const FontSet& fonts, float width,
                                  const TextSetting& setting, bool tabular_figures) {
    if (text.empty()) return {};
    if (setting.cache) return setting.cache->lines(text, role, fonts, width, setting.engine, setting.language, tabular_figures);
    if (!setting.engine) return engine_or_plain(nullptr, text, role, fonts, width);
    const ShapedBlock shaped = shape_plain(text, role, setting.language, tabular_figures);
    return engine_or_plain(&shaped, text, role, fonts, width);
}

LineOfRuns set_figure(const std::string& number, FontRole role, const FontSet& fonts, const TextSetting& setting) {
    LineOfRuns figure;
    for (size_t pos = 0; pos < number.size();) {
        const size_t start = pos;
        text::next_codepoint(number, pos);
        const std::string character = number.substr(start, pos - start);
        // From the cache without a copy when there is one: this runs every frame while the figure counts.
        std::vector<LineOfRuns> uncached;
        const std::vector<LineOfRuns>& one =
            setting.cache ? setting.cache->lines(character, role, fonts, kOneLine, setting.engine, setting.language, true)
                          : (uncached = set_lines(character, role, fonts, kOneLine, setting, true));
        if (one.empty()) continue;
        for (PlacedRun run : one.front().runs) {
            run.x += figure.width;
            figure.runs.push_back(std::move(run));
        }
        figure.width += one.front().width;
    }
    return figure;
}

float line_x(float line_width, float box_x, float box_width, Align align, bool rtl) {
    if (align == Align::Centre) return box_x + (box_width - line_width) * 0.5f;
    const bool right = (align == Align::End) != rtl;
    return right ? box_x + box_width - line_width : box_x;
}

const std::vector<LineOfRuns>& TextCache::lines(const std::string& text, FontRole role, const FontSet& fonts, float width,
                                                bool engine, std::string_view language, bool tabular_figures) {
    key_.clear();
    key_ += static_cast<char>('A' + static_cast<int>(role));
    key_ += engine ? 'e' : 'p';
    key_ += tabular_figures ? 't' : 'p';
    key_ += language;
    key_ += '\x1f';
    key_ += text;
    auto found = entries_.find(key_);
    if (found == entries_.end()) {
        found = entries_.emplace(key_, Entry{}).first;
        if (engine && !text.empty()) {
            found->second.shaped = shape_plain(text, role, language, tabular_figures);
            found->second.shaped_ok = found->second.shaped.error.ok();
            ++shapings_;
        }
    }
    Entry& entry = found->second;
    const float size = fonts[role].size;
    if (entry.width != width || entry.size != size) {
        entry.lines = text.empty() ? std::vector<LineOfRuns>{}
                                   : engine_or_plain(entry.shaped_ok ? &entry.shaped : nullptr, text, role, fonts, width);
        entry.width = width;
        entry.size = size;
        ++breakings_;
    }
    return entry.lines;
}

void TextCache::trim() {
    if (entries_.size() > max_texts_) entries_.clear();
}

}  // namespace kiosk::layout
