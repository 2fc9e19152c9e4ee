#include "layout/article_layout.h"

#include <algorithm>
#include <cmath>

#include "layout/article_text.h"
#include "text/utf8.h"

namespace kiosk::layout {

using content::BlockKind;
using content::Span;
using content::SpanStyle;

FontRole role_for(FontRole base, const Span& span) {
    if (span.citation_id.size() > 0) return FontRole::Superscript;
    if (base != FontRole::Body) return base;
    switch (span.style) {
        case SpanStyle::Emphasis: return FontRole::BodyItalic;
        case SpanStyle::Strong: return FontRole::BodyBold;
        case SpanStyle::Regular: break;
    }
    return FontRole::Body;
}

FontRole base_role_of(BlockKind kind) {
    switch (kind) {
        case BlockKind::SectionLabel: return FontRole::Label;
        case BlockKind::Headline: return FontRole::Headline;
        case BlockKind::Standfirst: return FontRole::Standfirst;
        case BlockKind::Subheading: return FontRole::BodyBold;
        case BlockKind::Byline: return FontRole::BodyItalic;
        case BlockKind::Credit: return FontRole::Small;
        case BlockKind::Figure: return FontRole::Small;  // the caption
        case BlockKind::Paragraph: break;
    }
    return FontRole::Body;
}

float measure(const FontMetrics& metrics, const std::string& text) {
    float width = 0.0f;
    for (size_t pos = 0; pos < text.size();) width += metrics.advance(text::next_codepoint(text, pos));
    return width;
}

namespace {

// A piece of a word in one role; a word is the pieces between two spaces.
struct Piece {
    std::string text;
    FontRole role = FontRole::Body;
    int citation = 0;
    float width = 0.0f;
};

struct Word {
    std::vector<Piece> pieces;
    float width = 0.0f;
    bool space_before = false;         // a space separates it from the word before
    FontRole space_role = FontRole::Body;
};

std::vector<Word> split_words(const std::vector<Span>& spans, FontRole base, const FontSet& fonts) {
    std::vector<Word> words;
    bool pending_space = false;
    bool start_new_word = true;
    for (const Span& span : spans) {
        const FontRole role = role_for(base, span);
        const FontMetrics& metrics = fonts[role];
        if (!span.citation_id.empty()) {
            // The marker sticks to the word before it, as a superscript does in print.
            Piece piece{span.citation > 0 ? std::to_string(span.citation) : std::string("?"), role, span.citation, 0.0f};
            // Markers side by side read as one number ("12"); a comma keeps them apart ("1,2").
            const bool follows_marker = !pending_space && !words.empty() && !words.back().pieces.empty() &&
                                        words.back().pieces.back().role == FontRole::Superscript;
            if (follows_marker) piece.text = "," + piece.text;
            piece.width = measure(metrics, piece.text);
            if (words.empty() || pending_space) {
                words.push_back(Word{});
                words.back().space_before = pending_space && words.size() > 1;
                pending_space = false;
            }
            words.back().pieces.push_back(piece);
            words.back().width += piece.width;
            start_new_word = false;
            continue;
        }
        const std::string& text = span.text;
        size_t pos = 0;
        while (pos < text.size()) {
            if (text[pos] == ' ') {
                pending_space = true;
                start_new_word = true;
                ++pos;
                continue;
            }
            size_t end = text.find(' ', pos);
            if (end == std::string::npos) end = text.size();
            if (start_new_word || words.empty()) {
                Word word;
                word.space_before = pending_space && !words.empty();
                word.space_role = role;
                words.push_back(std::move(word));
                pending_space = false;
                start_new_word = false;
            }
            Word& word = words.back();
            Piece piece{text.substr(pos, end - pos), role, 0, 0.0f};
            piece.width = measure(metrics, piece.text);
            // Merge with the previous piece of the same role, so a word draws as one run.
            if (!word.pieces.empty() && word.pieces.back().role == role && word.pieces.back().citation == 0) {
                word.pieces.back().text += piece.text;
                word.pieces.back().width += piece.width;
            } else {
                word.pieces.push_back(piece);
            }
            word.width += piece.width;
            pos = end;
        }
    }
    return words;
}

// Splits a word wider than the line at code point boundaries, so nothing is ever clipped.
std::vector<Word> split_long_word(const Word& word, const FontSet& fonts, float width) {
    std::vector<Word> parts(1);
    parts.back().space_before = word.space_before;
    parts.back().space_role = word.space_role;
    for (const Piece& piece : word.pieces) {
        const FontMetrics& metrics = fonts[piece.role];
        Piece current{std::string(), piece.role, piece.citation, 0.0f};
        for (size_t pos = 0; pos < piece.text.size();) {
            const size_t start = pos;
            const float advance = metrics.advance(text::next_codepoint(piece.text, pos));
            if (parts.back().width + advance > width && (parts.back().width > 0.0f || current.width > 0.0f)) {
                if (!current.text.empty()) parts.back().pieces.push_back(current);
                parts.push_back(Word{});
                current = Piece{std::string(), piece.role, piece.citation, 0.0f};
            }
            current.text.append(piece.text, start, pos - start);
            current.width += advance;
            parts.back().width += advance;
        }
        if (!current.text.empty()) parts.back().pieces.push_back(current);
    }
    return parts;
}

}  // namespace

std::vector<LineOfRuns> break_lines(const std::vector<Span>& spans, FontRole base_role, const FontSet& fonts,
                                    float width) {
    std::vector<LineOfRuns> lines;
    std::vector<Word> words;
    for (Word& word : split_words(spans, base_role, fonts)) {
        if (word.width > width) {
            for (Word& part : split_long_word(word, fonts, width)) words.push_back(std::move(part));
        } else {
            words.push_back(std::move(word));
        }
    }
    LineOfRuns line;
    for (const Word& word : words) {
        const float space = (word.space_before && !line.runs.empty()) ? fonts[word.space_role].advance(' ') : 0.0f;
        if (!line.runs.empty() && line.width + space + word.width > width) {
            lines.push_back(std::move(line));
            line = LineOfRuns{};
        }
        float x = line.width + (line.runs.empty() ? 0.0f : space);
        for (const Piece& piece : word.pieces) {
            // Join with the previous run when it continues in the same face on the same line.
            PlacedRun* last = line.runs.empty() ? nullptr : &line.runs.back();
            const bool joins = last && last->role == piece.role && piece.citation == 0 && last->citation == 0;
            if (joins) {
                if (x > last->x + last->width) last->text += ' ';
                last->text += piece.text;
                last->width = x + piece.width - last->x;
            } else {
                PlacedRun run;
                run.x = x;
                run.width = piece.width;
                run.role = piece.role;
                run.text = piece.text;
                run.citation = piece.citation;
                line.runs.push_back(std::move(run));
            }
            x += piece.width;
        }
        line.width = x;
    }
    if (!line.runs.empty()) lines.push_back(std::move(line));
    return lines;
}

// Places a photograph at `y`; returns the height it takes, with the small gap to its caption.
static float place_figure(ArticleLayout& layout, const content::Block& block, const std::vector<content::Block>& blocks,
                   const ArticleLayoutParams& params, float caption_height, float y, float body_line) {
    const content::Figure& figure = block.figure;
    // A picture whose size is unknown (broken, or not yet read) keeps a calm 3:2 place.
    const float w = figure.width > 0 && figure.height > 0 ? static_cast<float>(figure.width) : 3.0f;
    const float h = figure.width > 0 && figure.height > 0 ? static_cast<float>(figure.height) : 2.0f;
    const float gap = std::round(body_line * 0.4f);
    float most = params.column_width * 4.0f;
    if (params.figure_max_height > 0.0f)
        most = std::max(params.column_width * 0.25f, params.figure_max_height - caption_height - gap);
    const float scale = std::min(params.column_width / w, most / h);
    PlacedFigure placed;
    placed.block = static_cast<size_t>(&block - blocks.data());
    placed.width = std::max(1.0f, std::round(w * scale));
    placed.height = std::max(1.0f, std::round(h * scale));
    placed.x = std::round((params.column_width - placed.width) * 0.5f);
    placed.y = std::round(y);
    placed.band_height = placed.height;
    layout.figures.push_back(placed);
    return placed.height + gap;
}

size_t ArticleLayout::first_visible_run(float top, float max_line_height) const {
    const auto found = std::lower_bound(runs.begin(), runs.end(), top - max_line_height,
                                        [](const PlacedRun& run, float y) { return run.baseline < y; });
    return static_cast<size_t>(found - runs.begin());
}

int ArticleLayout::block_at(float y) const {
    const auto after = std::upper_bound(block_tops.begin(), block_tops.end(), y);
    if (after == block_tops.begin()) return block_tops.empty() ? -1 : 0;
    return static_cast<int>(after - block_tops.begin()) - 1;
}

ArticleLayout layout_article(const std::vector<content::Block>& blocks, const FontSet& fonts,
                             const ArticleLayoutParams& params) {
    ArticleLayout layout;
    layout.width = params.column_width;
    const float body_line = fonts[FontRole::Body].size * params.body_leading;
    float y = 0.0f;  // top of the next line box
    BlockKind previous = BlockKind::Paragraph;
    bool first = true;
    for (const content::Block& block : blocks) {
        const FontRole base = base_role_of(block.kind);
        const FontMetrics& metrics = fonts[base];
        const float leading = block.kind == BlockKind::Headline     ? params.headline_leading
                              : block.kind == BlockKind::Standfirst ? params.standfirst_leading
                                                                    : params.body_leading;
        const float line_height = std::round(metrics.size * leading);

        if (!first) {
            float gap = body_line * params.paragraph_gap;
            if (previous == BlockKind::SectionLabel) gap = body_line * 0.35f;
            if (block.kind == BlockKind::Standfirst) gap = body_line * 0.7f;
            if (previous == BlockKind::Standfirst) gap = body_line * 1.4f;
            if (block.kind == BlockKind::Subheading) gap = body_line * 1.2f;
            if (block.kind == BlockKind::Byline && previous != BlockKind::Byline) {
                // A short rule sets the end matter apart from the body.
                y += body_line * 0.9f;
                const float rule = std::round(params.column_width * 0.18f);  // at the start side
                const bool rtl = params.text_engine && text::direction_of_language(params.language) == text::ParagraphDirection::Rtl;
                layout.rules.push_back({rtl ? params.column_width - rule : 0.0f, std::round(y), rule});
                gap = body_line * 0.8f;
            }
            if (block.kind == BlockKind::Credit && previous == BlockKind::Byline) gap = body_line * 0.3f;
            y += gap;
        }
        layout.block_tops.push_back(y);
        const auto lines_of = [&](const content::Block& text_block) {
            std::vector<LineOfRuns> set;
            if (params.text_engine) {
                // Shaped, set and let go block by block: only the placed glyphs stay.
                const ShapedBlock shaped = shape_block(text_block, params.language);
                if (shaped.error.ok()) set = engine_lines(shaped, fonts, params.column_width);
                else if (layout.engine_error.ok()) layout.engine_error = shaped.error;
            }
            if (set.empty()) set = break_lines(text_block.spans, base_role_of(text_block.kind), fonts, params.column_width);
            return set;
        };
        std::vector<LineOfRuns> lines = lines_of(block);
        if (block.kind == BlockKind::Figure) {
            // The credit is set like the caption, on its own line under it.
            content::Block credit;
            credit.kind = BlockKind::Figure;
            credit.spans.push_back(content::Span{block.figure.credit, SpanStyle::Emphasis, 0, {}});
            if (!block.figure.credit.empty())
                for (LineOfRuns& line : lines_of(credit)) lines.push_back(std::move(line));
            y += place_figure(layout, block, blocks, params, line_height * static_cast<float>(lines.size()), y, body_line);
        }
        for (LineOfRuns& line : lines) {
            const float baseline = std::round(y + (line_height - (metrics.ascent + metrics.descent)) * 0.5f + metrics.ascent);
            for (PlacedRun& run : line.runs) {
                run.baseline = baseline;
                if (run.role == FontRole::Superscript) run.raise = std::round(metrics.ascent * 0.42f);
                layout.runs.push_back(std::move(run));
            }
            y += line_height;
            ++layout.line_count;
        }
        previous = block.kind;
        first = false;
    }
    layout.height = std::ceil(y);
    return layout;
}

}  // namespace kiosk::layout
