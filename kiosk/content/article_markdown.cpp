// article.md -> Blocks, over md4c. md4c does the Markdown; this file only decides what each block
// is for the kiosk (see assets/content/README.md for the convention) and finds citation markers.
//
// [SECTION] Entities      decoding of &name; and &#n; that md4c hands over verbatim
// [SECTION] Builder       md4c callbacks -> blocks of styled characters
// [SECTION] Spans         whitespace collapsing and citation markers, per finished block
// [SECTION] parse_article
#include <md4c.h>

#include <algorithm>
#include <cstdint>

#include "content/bundle_internal.h"
#include "text/utf8.h"

namespace kiosk::content::detail {
namespace {

using core::FaultCode;
constexpr std::size_t kNoOffset = static_cast<std::size_t>(-1);

// [SECTION] Entities -------------------------------------------------------------------------

// md4c knows no entity names, so the few a curator plausibly types are decoded here; anything
// else stays as written, which a curator notices on screen rather than losing text silently.
std::string decode_entity(std::string_view entity) {
    if (entity.size() >= 4 && entity[1] == '#') {
        const bool hex = entity[2] == 'x' || entity[2] == 'X';
        uint32_t cp = 0;
        for (std::size_t i = hex ? 3 : 2; i + 1 < entity.size(); ++i) {
            const char c = entity[i];
            int digit = -1;
            if (c >= '0' && c <= '9') digit = c - '0';
            else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
            if (digit < 0) return std::string(entity);
            cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
            if (cp > 0x10FFFF) cp = 0x110000;  // stays invalid without overflowing
        }
        std::string out;
        text::append_utf8(out, cp);
        return out;
    }
    struct Named { std::string_view name; uint32_t cp; };
    static constexpr Named kNamed[] = {
        {"&amp;", '&'},      {"&lt;", '<'},        {"&gt;", '>'},        {"&quot;", '"'},
        {"&apos;", '\''},    {"&nbsp;", 0xA0},     {"&copy;", 0xA9},     {"&hellip;", 0x2026},
        {"&ndash;", 0x2013}, {"&mdash;", 0x2014},  {"&lsquo;", 0x2018},  {"&rsquo;", 0x2019},
        {"&ldquo;", 0x201C}, {"&rdquo;", 0x201D},
    };
    for (const Named& named : kNamed)
        if (named.name == entity) {
            std::string out;
            text::append_utf8(out, named.cp);
            return out;
        }
    return std::string(entity);
}

// [SECTION] Builder --------------------------------------------------------------------------

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Characters a marker id may hold: anything but whitespace and brackets, so "[^ x]" stays text.
bool is_id_char(char c) { return !is_space(c) && c != '[' && c != ']' && c != '^'; }

struct Builder {
    std::string_view doc;
    const std::string& file;
    const std::vector<Source>& sources;
    std::vector<bool>& cited;
    std::vector<core::Fault>& faults;
    LineIndex lines;

    std::vector<Block> blocks;

    // The block being collected: one style and one source offset per byte of text.
    bool open = false;
    BlockKind kind = BlockKind::Paragraph;
    std::string text;
    std::vector<SpanStyle> styles;
    std::vector<std::size_t> offsets;
    std::size_t last_offset = 0;       // for text md4c makes up (soft breaks, U+FFFD)

    int emphasis = 0;                  // nesting depth of *emphasis*
    int strong = 0;                    // nesting depth of **strong**
    int dropped = 0;                   // >0 inside Markdown whose text is not shown (tables, images, HTML)
    std::size_t dropped_offset = kNoOffset;  // where the dropped construct's text started
    std::string pending_warning;       // UnsupportedMarkdown waiting for the construct's first text, for its line

    // A photograph: the paragraph it starts is its caption (assets/content/README.md).
    std::vector<bool> images;          // each open image span: true when it is the block's photograph
    bool in_alt = false;               // text now is the photograph's alt text
    Figure figure;                     // the open block's photograph, when kind is Figure
    int figure_line = 0;               // where its image is written

    bool seen_headline = false;
    bool standfirst_done = false;
    bool in_standfirst = false;
    int quote_depth = 0;
    int list_depth = 0;
    bool nesting_reported = false;     // DeepNesting is reported once, at the first text too deep
    bool after_rule = false;
    bool byline_done = false;

    Builder(std::string_view d, const std::string& f, const std::vector<Source>& s, std::vector<bool>& c,
            std::vector<core::Fault>& fl)
        : doc(d), file(f), sources(s), cited(c), faults(fl), lines(d) {}

    std::size_t offset_of(const char* p) {
        if (p >= doc.data() && p <= doc.data() + doc.size()) last_offset = static_cast<std::size_t>(p - doc.data());
        return last_offset;
    }

    void warn_unsupported(std::string_view what, std::size_t offset) {
        const TextPos pos = offset == kNoOffset ? TextPos{} : lines.at(offset);
        faults.push_back(core::make_fault(FaultCode::UnsupportedMarkdown, file, pos.line, pos.column,
                                          std::string(what) + " cannot be shown by the kiosk and is left out"));
    }

    // md4c gives blocks no position, so the warning waits for the first text inside.
    void warn_at_next_text(std::string_view what) {
        if (pending_warning.empty()) pending_warning = what;
    }
    void flush_pending_warning(std::size_t offset) {
        if (pending_warning.empty()) return;
        warn_unsupported(pending_warning, offset);
        pending_warning.clear();
    }

    void begin_drop() {
        if (dropped++ == 0) dropped_offset = kNoOffset;
    }
    void end_drop(std::string_view what) {
        if (--dropped == 0) warn_unsupported(what, dropped_offset);
    }

    void start(BlockKind k) {
        finish();
        open = true;
        kind = k;
    }

    BlockKind paragraph_kind() {
        if (in_standfirst) return BlockKind::Standfirst;
        if (after_rule) {
            if (byline_done) return BlockKind::Credit;
            byline_done = true;
            return BlockKind::Byline;
        }
        return BlockKind::Paragraph;
    }

    void add(std::string_view piece, std::size_t offset) {
        flush_pending_warning(offset);
        if (!nesting_reported && quote_depth + list_depth > kMaxNesting) {
            nesting_reported = true;
            const TextPos pos = lines.at(offset);
            faults.push_back(core::make_fault(FaultCode::DeepNesting, file, pos.line, pos.column,
                                              "quotes or lists are nested " + std::to_string(quote_depth + list_depth) +
                                                  " deep here; the kiosk shows the text as plain paragraphs"));
        }
        if (dropped > 0) {
            if (dropped_offset == kNoOffset) dropped_offset = offset;
            return;
        }
        if (in_alt) {
            figure.alt += piece;
            return;
        }
        if (!open) start(paragraph_kind());  // text straight inside a tight list item
        const SpanStyle style = strong > 0 ? SpanStyle::Strong : emphasis > 0 ? SpanStyle::Emphasis : SpanStyle::Regular;
        for (std::size_t i = 0; i < piece.size(); ++i) {
            text += piece[i];
            styles.push_back(style);
            offsets.push_back(offset + i);
        }
    }

    // An image at the very start of a paragraph (outside quotes and lists) is a photograph.
    bool can_start_figure() const {
        return dropped == 0 && open && text.empty() && kind != BlockKind::Figure && quote_depth == 0 && list_depth == 0 &&
               (kind == BlockKind::Paragraph || kind == BlockKind::Byline || kind == BlockKind::Credit);
    }

    void finish();
    void finish_figure(Block& block);
};

// An attribute's text with its entities decoded (md4c hands them over verbatim).
std::string attribute_text(const MD_ATTRIBUTE& attribute) {
    std::string out;
    if (attribute.text == nullptr || attribute.substr_offsets == nullptr) return out;
    for (int i = 0; attribute.substr_offsets[i] < attribute.size; ++i) {
        const MD_OFFSET begin = attribute.substr_offsets[i], end = attribute.substr_offsets[i + 1];
        const std::string_view piece(attribute.text + begin, end - begin);
        switch (attribute.substr_types[i]) {
            case MD_TEXT_ENTITY: out += decode_entity(piece); break;
            case MD_TEXT_NULLCHAR: out += "\xEF\xBF\xBD"; break;
            default: out += piece; break;
        }
    }
    return out;
}

void Builder::finish_figure(Block& block) {
    block.kind = BlockKind::Figure;
    block.figure = std::move(figure);
    figure = Figure{};
    block.figure.alt = text::collapse_spaces(block.figure.alt);
    block.figure.credit = text::collapse_spaces(block.figure.credit);
    const std::string& name = block.figure.file;
    if (block.figure.credit.empty())
        faults.push_back(core::make_fault(FaultCode::NoImageCredit, file, block.line, 0,
                                          "the picture " + name + " has no credit; write the photographer or rights "
                                          "holder in quotes after the file name: ![...](" + name + " \"Photo: Name\")"));
    if (block.figure.alt.empty())
        faults.push_back(core::make_fault(FaultCode::NoAltText, file, block.line, 0,
                                          "the picture " + name + " has no description between ![ and ]; say what it "
                                          "shows, for visitors who cannot see it"));
}

// [SECTION] Spans ----------------------------------------------------------------------------

void Builder::finish() {
    if (!open) return;
    open = false;

    // Collapse whitespace runs to one space and trim the ends; the space keeps the style of the
    // run's first whitespace, so "*a* b" puts the space outside the emphasis.
    std::string t;
    std::vector<SpanStyle> st;
    std::vector<std::size_t> off;
    std::size_t space_at = kNoOffset;  // first whitespace of the current run
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_space(text[i])) {
            if (space_at == kNoOffset && !t.empty()) space_at = i;
            continue;
        }
        if (space_at != kNoOffset) {
            t += ' ';
            st.push_back(styles[space_at]);
            off.push_back(offsets[space_at]);
            space_at = kNoOffset;
        }
        t += text[i];
        st.push_back(styles[i]);
        off.push_back(offsets[i]);
    }
    text.clear();
    styles.clear();
    offsets.clear();
    if (kind == BlockKind::Figure && t.empty()) {
        Block block;
        block.line = figure_line;
        finish_figure(block);
        blocks.push_back(std::move(block));
        return;
    }
    if (t.empty()) return;

    Block block;
    block.kind = kind;
    block.line = kind == BlockKind::Figure ? figure_line : lines.at(off.front()).line;

    std::size_t run_start = 0;
    auto flush_runs = [&](std::size_t end) {
        // The marker belongs to the word before it, so a space typed before it is not shown.
        std::size_t i = run_start;
        while (i < end) {
            std::size_t j = i;
            while (j < end && st[j] == st[i]) ++j;
            block.spans.push_back(Span{t.substr(i, j - i), st[i], 0, {}});
            i = j;
        }
    };

    std::size_t i = 0;
    while (i < t.size()) {
        if (t[i] == '[' && i + 1 < t.size() && t[i + 1] == '^') {
            std::size_t j = i + 2;
            while (j < t.size() && is_id_char(t[j])) ++j;
            if (j < t.size() && t[j] == ']' && j > i + 2) {
                std::size_t text_end = i;
                while (text_end > run_start && t[text_end - 1] == ' ') --text_end;
                flush_runs(text_end);

                Span marker;
                marker.style = st[i];
                marker.citation_id = t.substr(i + 2, j - i - 2);
                for (std::size_t k = 0; k < sources.size(); ++k)
                    if (sources[k].id == marker.citation_id) {
                        marker.citation = static_cast<int>(k) + 1;
                        cited[k] = true;
                        break;
                    }
                if (marker.citation > 0) {
                    marker.text = std::to_string(marker.citation);
                } else {
                    const TextPos pos = lines.at(off[i]);
                    faults.push_back(core::make_fault(FaultCode::UnknownCitation, file, pos.line, pos.column,
                                                      "the marker [^" + marker.citation_id +
                                                          "] names no source in manifest.toml"));
                }
                block.spans.push_back(std::move(marker));
                i = j + 1;
                run_start = i;
                continue;
            }
        }
        ++i;
    }
    flush_runs(t.size());
    if (kind == BlockKind::Figure) finish_figure(block);
    blocks.push_back(std::move(block));
}

// md4c is C: an exception must not unwind through it, so every callback catches and aborts.
template <typename F>
int guarded(F&& f) {
    try {
        f();
        return 0;
    } catch (...) {
        return 1;
    }
}

int on_enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
    auto& b = *static_cast<Builder*>(user);
    return guarded([&] {
        switch (type) {
        case MD_BLOCK_H: {
            const unsigned level = static_cast<const MD_BLOCK_H_DETAIL*>(detail)->level;
            if (level == 6) b.start(BlockKind::SectionLabel);
            else if (level == 1 && !b.seen_headline) b.start(BlockKind::Headline), b.seen_headline = true;
            else b.start(BlockKind::Subheading);  // a second `#` reads as a subheading, not a new article
            break;
        }
        case MD_BLOCK_P: b.start(b.paragraph_kind()); break;
        case MD_BLOCK_QUOTE:
            b.finish();
            if (++b.quote_depth == 1 && b.seen_headline && !b.standfirst_done) b.in_standfirst = true;
            break;
        case MD_BLOCK_HR:
            b.finish();
            b.after_rule = true;
            break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            b.finish();
            ++b.list_depth;
            // Items are still shown, as paragraphs; only the bullets and numbers are lost.
            b.warn_at_next_text("a list (its items are shown as paragraphs, without bullets)");
            break;
        case MD_BLOCK_LI: b.finish(); break;
        case MD_BLOCK_CODE:
            b.start(b.paragraph_kind());
            b.warn_at_next_text("a code block (its text is shown as a paragraph)");
            break;
        case MD_BLOCK_HTML: b.finish(); b.begin_drop(); break;
        case MD_BLOCK_TABLE: b.finish(); b.begin_drop(); break;
        default: break;
        }
    });
}

int on_leave_block(MD_BLOCKTYPE type, void*, void* user) {
    auto& b = *static_cast<Builder*>(user);
    return guarded([&] {
        switch (type) {
        case MD_BLOCK_H:
        case MD_BLOCK_P:
        case MD_BLOCK_LI:
        case MD_BLOCK_CODE: b.finish(); break;
        case MD_BLOCK_UL:
        case MD_BLOCK_OL:
            b.finish();
            --b.list_depth;
            break;
        case MD_BLOCK_QUOTE:
            b.finish();
            if (--b.quote_depth == 0 && b.in_standfirst) {
                b.in_standfirst = false;
                b.standfirst_done = true;
            }
            break;
        case MD_BLOCK_HTML: b.end_drop("raw HTML"); break;
        case MD_BLOCK_TABLE: b.end_drop("a table"); break;
        default: break;
        }
    });
}

int on_enter_span(MD_SPANTYPE type, void* detail, void* user) {
    auto& b = *static_cast<Builder*>(user);
    return guarded([&] {
        switch (type) {
        case MD_SPAN_EM: ++b.emphasis; break;
        case MD_SPAN_STRONG: ++b.strong; break;
        case MD_SPAN_IMG: {
            const auto* image = static_cast<const MD_SPAN_IMG_DETAIL*>(detail);
            const bool starts_figure = b.can_start_figure();
            b.images.push_back(starts_figure);
            if (!starts_figure) {
                b.begin_drop();
                break;
            }
            if (b.kind == BlockKind::Byline) b.byline_done = false;  // the byline is the next paragraph
            b.kind = BlockKind::Figure;
            b.figure = Figure{};
            b.figure.file = attribute_text(image->src);
            b.figure.credit = attribute_text(image->title);
            b.figure_line = b.lines.at(b.offset_of(image->src.text)).line;
            b.in_alt = true;
            break;
        }
        default: break;  // links keep their text: nobody can follow them on a kiosk anyway
        }
    });
}

int on_leave_span(MD_SPANTYPE type, void*, void* user) {
    auto& b = *static_cast<Builder*>(user);
    return guarded([&] {
        switch (type) {
        case MD_SPAN_EM: --b.emphasis; break;
        case MD_SPAN_STRONG: --b.strong; break;
        case MD_SPAN_IMG: {
            const bool was_figure = !b.images.empty() && b.images.back();
            if (!b.images.empty()) b.images.pop_back();
            if (was_figure) b.in_alt = false;
            else b.end_drop("an image inside a paragraph's text (a photograph must start its own paragraph)");
            break;
        }
        default: break;
        }
    });
}

int on_text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* user) {
    auto& b = *static_cast<Builder*>(user);
    return guarded([&] {
        const std::size_t offset = b.offset_of(text);
        const std::string_view piece(text, size);
        switch (type) {
        case MD_TEXT_NULLCHAR: b.add("\xEF\xBF\xBD", offset); break;
        case MD_TEXT_BR:
        case MD_TEXT_SOFTBR: b.add(" ", offset); break;
        case MD_TEXT_ENTITY: b.add(decode_entity(piece), offset); break;
        case MD_TEXT_HTML:
            if (b.dropped > 0) b.add(piece, offset);  // only notes where the dropped HTML block starts
            else b.warn_unsupported("inline HTML", offset);
            break;
        default: b.add(piece, offset); break;
        }
    });
}

}  // namespace

// [SECTION] parse_article --------------------------------------------------------------------

std::vector<Block> parse_article(std::string_view text, const std::string& file, const std::vector<Source>& sources,
                                 std::vector<bool>& cited, std::vector<core::Fault>& faults) {
    cited.assign(sources.size(), false);
    Builder builder(text, file, sources, cited, faults);

    MD_PARSER parser{};
    // CommonMark plus tables, only so that a table is recognised and reported instead of being
    // shown as a mess of pipes.
    parser.flags = MD_DIALECT_COMMONMARK | MD_FLAG_TABLES;
    parser.enter_block = on_enter_block;
    parser.leave_block = on_leave_block;
    parser.enter_span = on_enter_span;
    parser.leave_span = on_leave_span;
    parser.text = on_text;

    const int rc = md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &builder);
    builder.finish();
    builder.flush_pending_warning(kNoOffset);
    if (rc != 0) {
        faults.push_back(core::make_fault(FaultCode::BadMarkdown, file, 0, 0,
                                          "the article could not be read as Markdown (md4c error " +
                                              std::to_string(rc) + ")"));
    }

    std::size_t length = 0;
    for (const Block& block : builder.blocks) {
        for (const Span& span : block.spans) length += count_codepoints(span.text);
        if (length > kMaxArticleCodepoints) {
            faults.push_back(core::make_fault(FaultCode::ArticleTooLong, file, block.line, 0,
                                              "the article is longer than " + std::to_string(kMaxArticleCodepoints) +
                                                  " characters by this paragraph; the kiosk shows one article, "
                                                  "not a book"));
            break;
        }
    }

    const auto has = [&](BlockKind kind) {
        return std::any_of(builder.blocks.begin(), builder.blocks.end(),
                           [kind](const Block& block) { return block.kind == kind; });
    };
    if (!has(BlockKind::Headline))
        faults.push_back(core::make_fault(FaultCode::NoHeadline, file, 0, 0,
                                          "the article has no headline; start a line with \"# \""));
    if (!has(BlockKind::Paragraph))
        faults.push_back(core::make_fault(FaultCode::NoBody, file, 0, 0,
                                          "the article has no body paragraph before the \"---\" line"));
    return std::move(builder.blocks);
}

}  // namespace kiosk::content::detail
