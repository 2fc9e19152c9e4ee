// The text engine on real fonts and real Persian text: shaping (joining, ZWNJ, lam-alef, digits),
// face fallback, bidi order of a mixed line, and lines broken in logical order then reordered.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unicode/uchar.h>

#include "core/embedded.h"
#include "text/font_face.h"
#include "text/line_layout.h"
#include "text/shape.h"
#include "text/utf8.h"

using namespace kiosk;

namespace {

// The embedded faces, made once: index 0 Noto Naskh Arabic, 1 Noto Serif.
const text::ShapingFace& naskh() {
    static const auto face = text::ShapingFace::from_bytes(core::embedded("fonts/NotoNaskhArabic-Regular.ttf"));
    REQUIRE(face);
    return *face;
}
const text::ShapingFace& serif() {
    static const auto face = text::ShapingFace::from_bytes(core::embedded("fonts/NotoSerif-Regular.ttf"));
    REQUIRE(face);
    return *face;
}
std::vector<const text::ShapingFace*> persian_faces() { return {&naskh(), &serif()}; }
std::vector<const text::ShapingFace*> english_faces() { return {&serif(), &naskh()}; }
constexpr int kNaskh = 0;  // in persian_faces()
constexpr int kSerif = 1;

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(KIOSK_TEST_DATA) + "/text/" + name, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// The fixture's paragraphs (blank-line separated), without their line feeds.
std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
        if (!line.empty()) out.push_back(line);
    return out;
}

text::ShapedParagraph shape_fa(const std::string& utf8, const std::string& language = "fa") {
    text::ShapeParams params;
    params.language = language;
    text::ShapedParagraph shaped = text::shape_paragraph(utf8, text::ParagraphDirection::Rtl, persian_faces(), params);
    REQUIRE(shaped.error.ok());
    return shaped;
}

text::ShapedParagraph shape_en(const std::string& utf8, text::ShapeParams params = {}) {
    text::ShapedParagraph shaped = text::shape_paragraph(utf8, text::ParagraphDirection::Ltr, english_faces(), params);
    REQUIRE(shaped.error.ok());
    return shaped;
}

// Every glyph of a paragraph by the UTF-16 index of its cluster (the first glyph when several).
std::map<int, text::ShapedGlyph> glyph_by_cluster(const text::ShapedParagraph& shaped) {
    std::map<int, text::ShapedGlyph> out;
    for (const auto& run : shaped.runs)
        for (const auto& glyph : run.glyphs) out.emplace(glyph.cluster, glyph);
    return out;
}

std::vector<uint32_t> glyph_ids(const text::ShapedParagraph& shaped) {
    std::vector<uint32_t> ids;
    for (const auto& run : shaped.runs)
        for (const auto& glyph : run.glyphs) ids.push_back(glyph.glyph);
    return ids;
}

size_t glyph_count(const text::ShapedParagraph& shaped) { return glyph_ids(shaped).size(); }

text::LaidOutParagraph lay_out(const text::ShapedParagraph& shaped, float width, float em_size = 24.0f) {
    const text::BreakOpportunities breaks = text::find_line_breaks(shaped.bidi.text, shaped.language);
    REQUIRE(breaks.error.ok());
    text::LaidOutParagraph laid = text::lay_out_lines(shaped, breaks.breaks, {width, em_size});
    REQUIRE(laid.error.ok());
    return laid;
}

// The screen x of the glyph showing UTF-16 index `cluster` on `line`.
float x_of(const text::PositionedLine& line, int cluster) {
    for (const auto& glyph : line.glyphs)
        if (glyph.cluster == cluster) return glyph.x;
    FAIL("no glyph on the line for cluster " << cluster);
    return 0.0f;
}

// UTF-16 index of the first occurrence of `needle` (UTF-8) in the paragraph.
int index_of(const text::ShapedParagraph& shaped, const std::string& needle, size_t from = 0) {
    const size_t found = shaped.bidi.text.find(text::utf16_from_utf8(needle), from);
    REQUIRE(found != std::u16string::npos);
    return static_cast<int>(found);
}

}  // namespace

TEST_CASE("text engine: a Persian word's letters join, alone each is its isolated form", "[text][shaping]") {
    const std::string word = "\xD8\xA8\xD8\xB4\xD8\xB1";  // بشر: beh, sheen, reh
    const text::ShapedParagraph joined = shape_fa(word);
    REQUIRE(joined.runs.size() == 1);
    CHECK(joined.runs[0].run.rtl());
    CHECK(joined.runs[0].run.face == kNaskh);
    CHECK(joined.runs[0].run.script == text::kScriptArabic);
    REQUIRE(glyph_count(joined) == 3);
    const auto by_cluster = glyph_by_cluster(joined);
    const std::vector<std::string> letters = {"\xD8\xA8", "\xD8\xB4", "\xD8\xB1"};
    for (int i = 0; i < 3; ++i) {
        const text::ShapedParagraph alone = shape_fa(letters[static_cast<size_t>(i)]);
        REQUIRE(glyph_count(alone) == 1);
        // Initial, medial and final forms are not the isolated one a letter takes alone.
        CHECK(by_cluster.at(i).glyph != glyph_ids(alone)[0]);
    }
    // Alone, a letter shapes to the face's nominal (isolated) glyph.
    CHECK(glyph_ids(shape_fa(letters[0]))[0] == naskh().glyph_for(0x0628));
    // Right to left: the first letter is the last glyph from the left.
    CHECK(joined.runs[0].glyphs.back().cluster == 0);
}

TEST_CASE("text engine: ZWNJ breaks the join and is no line break opportunity", "[text][shaping]") {
    const std::string zwnj = "\xE2\x80\x8C";
    const std::string mi = "\xD9\x85\xDB\x8C";                              // می
    const std::string ayand = "\xD8\xA2\xDB\x8C\xD9\x86\xD8\xAF";           // آیند
    const text::ShapedParagraph with_zwnj = shape_fa(mi + zwnj + ayand);    // می‌آیند
    const text::ShapedParagraph without = shape_fa(mi + ayand);             // میآیند, joined through
    const text::ShapedParagraph mi_alone = shape_fa(mi);
    // Yeh (index 1) before ZWNJ ends its word: the final form, as in می alone; without ZWNJ it
    // joins on to alef madda: a medial form.
    const int yeh = 1;
    CHECK(glyph_by_cluster(with_zwnj).at(yeh).glyph == glyph_by_cluster(mi_alone).at(yeh).glyph);
    CHECK(glyph_by_cluster(with_zwnj).at(yeh).glyph != glyph_by_cluster(without).at(yeh).glyph);
    CHECK(text::notdef_count(with_zwnj) == 0);
    // One run: the invisible ZWNJ stays in the face of its word.
    CHECK(with_zwnj.runs.size() == 1);

    // Line breaking: no opportunity at or after the ZWNJ, only at the word's end.
    const text::BreakOpportunities breaks = text::find_line_breaks(with_zwnj.bidi.text, "fa");
    REQUIRE(breaks.error.ok());
    REQUIRE(breaks.breaks.size() == 1);
    CHECK(breaks.breaks[0].position == static_cast<int>(with_zwnj.bidi.text.size()));

    // In a sentence set narrow enough for one word a line, the word stays whole on its line.
    const std::string sentence = "\xD9\x87\xD9\x85\xD9\x87 " + mi + zwnj + ayand + " \xD9\x88 " + mi + zwnj + ayand;
    const text::ShapedParagraph shaped = shape_fa(sentence);
    const float word_width = 24.0f * [&] {
        float em = 0.0f;
        for (float advance : with_zwnj.advance_em) em += advance;
        return em;
    }();
    const text::LaidOutParagraph laid = lay_out(shaped, word_width + 1.0f);
    const int zwnj_at = index_of(shaped, zwnj);
    bool found = false;
    for (const auto& line : laid.lines) {
        CHECK_FALSE(line.word_cut);
        CHECK(line.start != zwnj_at + 1);  // no line starts right after the ZWNJ
        if (line.start <= zwnj_at && zwnj_at < line.end) found = line.start == zwnj_at - 2;
    }
    CHECK(found);  // the ZWNJ's line starts with its word
}

TEST_CASE("text engine: lam-alef forms its ligature", "[text][shaping]") {
    // Noto Naskh Arabic sets lam-alef as one ligature drawn by two glyphs ('rlig'): a lam made for
    // it, and an alef with no advance of its own that sits inside the lam's.
    const text::ShapedParagraph la = shape_fa("\xD9\x84\xD8\xA7");  // لا
    REQUIRE(la.bidi.text.size() == 2);
    const auto pair = glyph_by_cluster(la);
    REQUIRE(pair.size() == 2);
    const text::ShapedParagraph lam_beh = shape_fa("\xD9\x84\xD8\xA8");   // لب: lam's ordinary initial form
    const text::ShapedParagraph beh_alef = shape_fa("\xD8\xA8\xD8\xA7");  // با: alef's ordinary final form
    CHECK(pair.at(0).glyph != glyph_by_cluster(lam_beh).at(0).glyph);
    CHECK(pair.at(1).glyph != glyph_by_cluster(beh_alef).at(1).glyph);
    CHECK(pair.at(1).advance == 0);
    // Inside a word too: سلام.
    const text::ShapedParagraph salam = shape_fa("\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85");
    CHECK(glyph_by_cluster(salam).at(2).advance == 0);

    // A face that makes lam-alef a single glyph: fewer glyphs than characters, and the engine keeps
    // the two characters in one cluster, so no line is ever cut between them.
    const std::string sans_path = "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf";
    std::ifstream in(sans_path, std::ios::binary);
    REQUIRE(in);  // fonts-noto-core, a build dependency
    const std::string sans_bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto sans = text::ShapingFace::from_bytes(sans_bytes);
    REQUIRE(sans);
    const text::ShapedParagraph one = text::shape_paragraph("\xD9\x84\xD8\xA7", text::ParagraphDirection::Rtl, {sans.get()}, {"fa"});
    REQUIRE(one.error.ok());
    CHECK(glyph_count(one) == 1);
    CHECK(one.cluster_start == std::vector<uint8_t>{1, 0});
    CHECK(one.advance_em[1] == 0.0f);
    CHECK(one.advance_em[0] > 0.0f);
}

TEST_CASE("text engine: the Persian fixtures shape with no .notdef, punctuation falls back", "[text][shaping]") {
    for (const char* name : {"udhr.fa.txt", "mixed.fa.txt"}) {
        const std::vector<std::string> texts = paragraphs(fixture(name));
        REQUIRE_FALSE(texts.empty());
        for (const std::string& paragraph : texts) {
            const text::ShapedParagraph shaped = shape_fa(paragraph);
            INFO(name << ": " << paragraph);
            CHECK(text::notdef_count(shaped) == 0);
            CHECK(shaped.uncovered.empty());
            CHECK(glyph_count(shaped) > 0);
        }
    }
    // A question mark: Naskh has none (it has the full stop), so it comes from the serif, and
    // nothing goes missing; the full stop stays in the Arabic face.
    REQUIRE_FALSE(naskh().covers('?'));
    REQUIRE(naskh().covers('.'));
    const text::ShapedParagraph sentence = shape_fa("\xD9\x87\xD9\x85\xD9\x87? \xD9\x87\xD9\x85\xD9\x87.");  // همه? همه.
    REQUIRE(sentence.runs.size() == 3);
    CHECK(sentence.runs[0].run.face == kNaskh);
    CHECK(sentence.runs[1].run.face == kSerif);
    CHECK(sentence.bidi.text[static_cast<size_t>(sentence.runs[1].run.start)] == u'?');
    CHECK(sentence.runs[2].run.face == kNaskh);
    CHECK(text::notdef_count(sentence) == 0);
    // With the Arabic face alone, the question mark has nowhere to come from: reported, and .notdef.
    const text::ShapedParagraph naskh_only =
        text::shape_paragraph("\xD9\x87\xD9\x85\xD9\x87?", text::ParagraphDirection::Rtl, {&naskh()}, {"fa"});
    CHECK(naskh_only.uncovered == std::vector<uint32_t>{'?'});
    CHECK(text::notdef_count(naskh_only) == 1);
}

TEST_CASE("text engine: Persian digits take their Persian shapes, also in an English sentence", "[text][shaping]") {
    const std::string digits = "\xDB\xB4\xDB\xB6\xDB\xB7";  // ۴۶۷
    const std::vector<uint32_t> persian = glyph_ids(shape_fa(digits, "fa"));
    const std::vector<uint32_t> urdu = glyph_ids(shape_fa(digits, "ur"));
    REQUIRE(persian.size() == 3);
    REQUIRE(urdu.size() == 3);
    for (size_t i = 0; i < 3; ++i) CHECK(persian[i] != urdu[i]);
    // Numbers run left to right, also in Persian. In this font the Persian shapes are the cmap's
    // own glyphs; its 'locl' gives the Urdu ones (in every language system: see shape.cpp).
    CHECK(persian == std::vector<uint32_t>{naskh().glyph_for(0x06F4), naskh().glyph_for(0x06F6), naskh().glyph_for(0x06F7)});

    // In English, the same digits come from the Arabic face and still in Persian shapes.
    const text::ShapedParagraph english = shape_en("Articles " + digits + " and 4");
    const auto by_cluster = glyph_by_cluster(english);
    const int first_digit = index_of(english, digits);
    for (int i = 0; i < 3; ++i) CHECK(by_cluster.at(first_digit + i).glyph == persian[static_cast<size_t>(i)]);
    CHECK(by_cluster.at(0).glyph == serif().glyph_for('A'));
    // Unless asked otherwise: the language for Arabic script in other languages is a parameter.
    text::ShapeParams urdu_params;
    urdu_params.arabic_script_language = "ur";
    CHECK(glyph_by_cluster(shape_en("Articles " + digits, urdu_params)).at(first_digit).glyph == urdu[0]);
}

// The order below is the one Chromium 156 (Debian 12's) shows for the same sentence in a
// <p lang="fa" dir="rtl"> set in Noto Naskh Arabic, compared picture to picture with
// tests/tools/text_preview. (Chromium draws ۴ and ۶ there in their Urdu shapes: the font's trap
// that shape.cpp works around.)
TEST_CASE("text engine: a mixed Persian line shows in the order Chromium shows it", "[text][bidi]") {
    const std::string sentence = paragraphs(fixture("mixed.fa.txt")).at(0);
    const text::ShapedParagraph shaped = shape_fa(sentence);
    const text::LaidOutParagraph laid = lay_out(shaped, 100000.0f);  // one line
    REQUIRE(laid.lines.size() == 1);
    const text::PositionedLine& line = laid.lines[0];

    const int sal = index_of(shaped, "\xD8\xB3\xD8\xA7\xD9\x84");  // سال, before the year
    const int year = index_of(shaped, "1948");
    const int open = index_of(shaped, "(");
    const int u = index_of(shaped, "UN");
    const int close = index_of(shaped, ")");
    const int dar = index_of(shaped, "\xD8\xAF\xD8\xB1", static_cast<size_t>(close));  // در after the bracket
    const int thirty = index_of(shaped, "\xDB\xB3\xDB\xB0");  // ۳۰
    const int full_stop = index_of(shaped, ".");

    // Right to left between the runs: سال, then to its left 1948, then (UN), then در.
    CHECK(x_of(line, year + 3) < x_of(line, sal));
    CHECK(x_of(line, open) < x_of(line, year));
    CHECK(x_of(line, close) < x_of(line, u));
    CHECK(x_of(line, dar) < x_of(line, close));
    // Left to right inside the Latin runs and the numbers, Persian digits too.
    for (int i = 0; i < 3; ++i) CHECK(x_of(line, year + i) < x_of(line, year + i + 1));
    CHECK(x_of(line, u) < x_of(line, u + 1));
    CHECK(x_of(line, open) > x_of(line, u + 1));
    CHECK(x_of(line, thirty) < x_of(line, thirty + 1));
    // The brackets are mirrored: the ")" at the left shows as "(", the "(" at the right as ")".
    const auto by_cluster = glyph_by_cluster(shaped);
    CHECK(by_cluster.at(close).glyph == serif().glyph_for('('));
    CHECK(by_cluster.at(open).glyph == serif().glyph_for(')'));
    // The full stop ends the sentence at its left end; the first word is at the right end.
    float leftmost = 1e9f, rightmost = -1e9f;
    for (const auto& glyph : line.glyphs) leftmost = std::min(leftmost, glyph.x), rightmost = std::max(rightmost, glyph.x);
    CHECK(x_of(line, full_stop) == leftmost);
    CHECK(x_of(line, 0) == rightmost);
}

TEST_CASE("text engine: lines are broken in logical order, then reordered, each within the column", "[text][layout]") {
    const std::string article1 = paragraphs(fixture("udhr.fa.txt")).at(0);
    const text::ShapedParagraph shaped = shape_fa(article1);
    for (float width : {180.0f, 300.0f, 520.0f}) {
        INFO("width " << width);
        const text::LaidOutParagraph laid = lay_out(shaped, width);
        REQUIRE(laid.lines.size() > 1);
        CHECK(laid.lines.front().start == 0);
        for (size_t i = 0; i < laid.lines.size(); ++i) {
            const text::PositionedLine& line = laid.lines[i];
            CHECK_FALSE(line.word_cut);
            // Logical order: each line takes up where the one before it ended (after its spaces).
            if (i > 0) {
                CHECK(line.start >= laid.lines[i - 1].end);
                for (int c = laid.lines[i - 1].end; c < line.start; ++c) CHECK(shaped.bidi.text[static_cast<size_t>(c)] == u' ');
            }
            // Within the column, flush right.
            CHECK(line.width <= width + 0.01f);
            CHECK(line.x >= -0.01f);
            CHECK(line.x + line.width == Approx(width).margin(0.01));
            for (const auto& glyph : line.glyphs) {
                CHECK(glyph.x >= line.x - 24.0f);
                CHECK(glyph.x <= width);
            }
            // Reordered: the line's first word is at its right end, its last word at its left.
            CHECK(x_of(line, line.start) > x_of(line, line.end - 1));
        }
        CHECK(laid.lines.back().end == static_cast<int>(shaped.bidi.text.size()));
    }
    // Narrower column, more lines, from the same shaping.
    CHECK(lay_out(shaped, 180.0f).lines.size() > lay_out(shaped, 520.0f).lines.size());
    // A larger size is a narrower column in ems: the same lines as half the width at half the size.
    const auto big = lay_out(shaped, 600.0f, 48.0f);
    const auto small = lay_out(shaped, 300.0f, 24.0f);
    REQUIRE(big.lines.size() == small.lines.size());
    for (size_t i = 0; i < big.lines.size(); ++i) CHECK(big.lines[i].start == small.lines[i].start);
}

TEST_CASE("text engine: English is flush left, kerned, with standard ligatures and its text unchanged", "[text][layout]") {
    const std::string article1 = paragraphs(fixture("udhr.en.txt")).at(0);
    const text::ShapedParagraph shaped = shape_en(article1);
    CHECK(text::notdef_count(shaped) == 0);
    const text::LaidOutParagraph laid = lay_out(shaped, 400.0f);
    REQUIRE(laid.lines.size() > 1);
    for (const auto& line : laid.lines) {
        CHECK(line.x == 0.0f);
        CHECK(line.width <= 400.0f);
        CHECK(x_of(line, line.start) < x_of(line, line.end - 1));
    }
    // Kerning: "AV" sits tighter with it than without.
    text::ShapeParams no_kerning;
    no_kerning.kerning = false;
    const auto advance_of_a = [](const text::ShapedParagraph& p) { return p.runs.at(0).glyphs.at(0).advance; };
    CHECK(advance_of_a(shape_en("AV")) < advance_of_a(shape_en("AV", no_kerning)));
    // Ligatures: "fi" is one glyph with them, two without; the text itself is the same either way.
    text::ShapeParams no_ligatures;
    no_ligatures.ligatures = false;
    const text::ShapedParagraph with = shape_en("find");
    const text::ShapedParagraph apart = shape_en("find", no_ligatures);
    CHECK(glyph_count(with) == 3);
    CHECK(glyph_count(apart) == 4);
    CHECK(with.bidi.text == apart.bidi.text);
    CHECK(with.runs[0].glyphs[1].cluster == 2);  // "n" still knows it is the third character
}

TEST_CASE("text engine: a word wider than the column is cut between clusters, never past the edge", "[text][layout]") {
    const text::ShapedParagraph shaped = shape_en("Unimaginably");
    const text::LaidOutParagraph laid = lay_out(shaped, 50.0f);
    REQUIRE(laid.lines.size() > 1);
    for (const auto& line : laid.lines) {
        CHECK(line.word_cut == (&line != &laid.lines.back()));  // the last piece fits as it is
        CHECK(line.width <= 50.0f);
        CHECK(line.end > line.start);
    }
    CHECK(laid.lines.back().end == static_cast<int>(shaped.bidi.text.size()));
}

TEST_CASE("text engine: errors are values", "[text]") {
    const text::ShapedParagraph no_faces = text::shape_paragraph("text", text::ParagraphDirection::Ltr, {}, {});
    CHECK(no_faces.error.code == text::TextErrorCode::NoFace);
    CHECK(text::text_error_name(no_faces.error.code) == "NoFace");
    CHECK(text::lay_out_lines(no_faces, {}, {}).error.code == text::TextErrorCode::NoFace);
    CHECK(text::ShapingFace::from_bytes("not a font at all") == nullptr);
    const text::BidiParagraph paragraph = text::resolve_bidi(u"abc", text::ParagraphDirection::Ltr);
    CHECK(text::reorder_lines(paragraph, {{2, 9}}).error.code == text::TextErrorCode::BidiFailed);
    // Empty text is no error, and lays out as nothing.
    const text::ShapedParagraph empty = shape_en("");
    CHECK(lay_out(empty, 100.0f).lines.empty());
    CHECK(text::direction_of_language("fa") == text::ParagraphDirection::Rtl);
    CHECK(text::direction_of_language("en") == text::ParagraphDirection::Ltr);
    CHECK(text::direction_of_language("he") == text::ParagraphDirection::Rtl);
}

TEST_CASE("text engine: at em_pixels of ImGui's size, a glyph is as wide as stb_truetype makes it", "[text][fonts]") {
    const auto stb = text::FontFace::from_bytes(core::embedded("fonts/NotoSerif-Regular.ttf"));
    REQUIRE(stb);
    const float imgui_size = 40.0f;
    const float em = stb->em_pixels(imgui_size);
    CHECK(em < imgui_size);  // ImGui's size spans ascent to descent, more than the em
    text::ShapeParams no_kerning;
    no_kerning.kerning = false;
    const text::ShapedParagraph m = shape_en("m", no_kerning);
    const float engine_px = m.runs.at(0).glyphs.at(0).advance * em / m.runs.at(0).units_per_em;
    CHECK(engine_px == Approx(stb->advance('m', imgui_size)).epsilon(1e-4));
}

TEST_CASE("text engine: the fixtures never need re-shaping where a line may end", "[text][layout]") {
    // Lines are cut from the paragraph's one shaping. That is exact where HarfBuzz says cutting is
    // safe; LayoutNG re-shapes line edges where it is not. At the break opportunities of these
    // texts it always is (word cuts, inside a word too wide for the column, are not checked here).
    for (const auto& [name, language] : {std::pair{"udhr.fa.txt", "fa"}, {"mixed.fa.txt", "fa"}, {"udhr.en.txt", "en"}}) {
        for (const std::string& paragraph : paragraphs(fixture(name))) {
            const text::ShapedParagraph shaped = std::string(language) == "fa" ? shape_fa(paragraph) : shape_en(paragraph);
            const text::BreakOpportunities breaks = text::find_line_breaks(shaped.bidi.text, language);
            REQUIRE(breaks.breaks.size() > 3);
            for (const text::BreakOpportunity& opportunity : breaks.breaks)
                for (const auto& run : shaped.runs)
                    for (const auto& glyph : run.glyphs)
                        if (glyph.cluster == opportunity.position) CHECK_FALSE(glyph.unsafe_to_break);
        }
    }
}

namespace {

// A face table as the article would have it, and its styles.
struct StyledFaces {
    std::unique_ptr<text::ShapingFace> italic = text::ShapingFace::from_bytes(core::embedded("fonts/NotoSerif-Italic.ttf"));
    std::unique_ptr<text::ShapingFace> sans = text::ShapingFace::from_bytes(core::embedded("fonts/NotoSans-Regular.ttf"));
    std::vector<const text::ShapingFace*> table() const { return {&naskh(), &serif(), italic.get(), sans.get()}; }
    static constexpr int kNaskh = 0, kSerif = 1, kItalic = 2, kSans = 3;
};

}  // namespace

TEST_CASE("text engine: random mixed text never fails, loses no glyph and stays in the column", "[text][layout]") {
    // Letters of both scripts, digits of both, brackets, marks, joiners, bidi controls, spaces of
    // every kind, a line separator, a character no face has, one outside the BMP, and bytes that
    // are not UTF-8: what a curator might paste, shaken up.
    const std::vector<std::string> pieces = {
        "a", "W", "f", "i", "\xD8\xA8", "\xD9\x84", "\xD8\xA7", "\xDB\x8C", "\xD9\x87", "1", "9", "\xDB\xB4", "\xDB\xB7",
        "(", ")", "[", ".", ",", "\xD8\x8C", "?", " ", " ", " ", "\xC2\xA0", "\t", "\n", "\xE2\x80\xA8",
        "\xE2\x80\x8C", "\xE2\x80\x8D", "\xD9\x8E", "\xCC\x81", "\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC",
        "\xE2\x80\xAD", "\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8", "\xE2\x81\xA9", "\xE2\x80\x8E",
        "\xE2\x80\x8F", "\xC2\xAD", "\xE8\xA9\xA6", "\xF0\x9F\x95\xAF", "\xFF", "\xC3"};
    const StyledFaces styled_faces;
    std::mt19937 random(15);
    for (int round = 0; round < 3000; ++round) {
        std::string utf8;
        const int length = 1 + static_cast<int>(random() % 60);
        for (int i = 0; i < length; ++i) utf8 += pieces[random() % pieces.size()];
        const bool rtl = random() % 2 == 0;
        const float width = 8.0f + static_cast<float>(random() % 400);
        const float em = 10.0f + static_cast<float>(random() % 30);
        INFO("round " << round << " rtl " << rtl << " width " << width << " em " << em);
        // Half the rounds in three styles at random places (one small and raised), cutting
        // through characters' bytes too.
        text::StyledText styled;
        styled.text = utf8;
        styled.styles = {{{rtl ? StyledFaces::kNaskh : StyledFaces::kSerif, rtl ? StyledFaces::kSerif : StyledFaces::kNaskh}},
                         {{StyledFaces::kItalic, StyledFaces::kNaskh}},
                         {{StyledFaces::kSans, StyledFaces::kNaskh}, 0.6f, 0.35f}};
        if (round % 2 == 1)
            for (int span = 0; span < 3; ++span) {
                const size_t a = random() % (utf8.size() + 1), b = random() % (utf8.size() + 1);
                styled.spans.push_back({std::min(a, b), std::max(a, b), 1 + static_cast<int>(random() % 2)});
            }
        text::ShapeParams params;
        params.language = rtl ? "fa" : "en";
        const text::ShapedParagraph shaped = text::shape_paragraph(
            styled, rtl ? text::ParagraphDirection::Rtl : text::ParagraphDirection::Ltr, styled_faces.table(), params);
        REQUIRE(shaped.error.ok());
        const text::LaidOutParagraph laid = lay_out(shaped, width, em);
        const std::u16string& units = shaped.bidi.text;
        std::multiset<int> all_clusters, placed_clusters;
        for (const auto& run : shaped.runs)
            for (const auto& glyph : run.glyphs) all_clusters.insert(glyph.cluster);
        int covered_to = 0;
        for (const auto& line : laid.lines) {
            CHECK(line.start >= covered_to);
            for (int c = covered_to; c < line.start; ++c) CHECK(u_isWhitespace(units[static_cast<size_t>(c)]));
            covered_to = line.end;
            if (line.word_cut) {
                // Only a single cluster wider than the column may stick out.
                int clusters = 0;
                for (int c = line.start; c < line.end; ++c) clusters += shaped.cluster_start[static_cast<size_t>(c)];
                if (clusters > 1) CHECK(line.width <= width + 0.01f);
            } else {
                CHECK(line.width <= width + 0.01f);
            }
            for (const auto& glyph : line.glyphs) {
                CHECK(glyph.cluster >= line.start);
                CHECK(glyph.cluster < line.end);
                placed_clusters.insert(glyph.cluster);
            }
        }
        for (int c = covered_to; c < static_cast<int>(units.size()); ++c) CHECK(u_isWhitespace(units[static_cast<size_t>(c)]));
        // Every glyph of the shaping is on exactly one line, but those of hanging spaces.
        for (int cluster : all_clusters)
            if (!u_isWhitespace(units[static_cast<size_t>(cluster)]))
                CHECK(placed_clusters.count(cluster) == all_clusters.count(cluster));
    }
}


TEST_CASE("text engine: styles: an emphasised English word takes the italic, a marker is small and raised", "[text][styles]") {
    const StyledFaces faces;
    REQUIRE(faces.italic);
    REQUIRE(faces.sans);
    const std::string sentence = "born free and equal1";
    text::StyledText styled;
    styled.text = sentence;
    styled.styles = {{{StyledFaces::kSerif, StyledFaces::kNaskh}}, {{StyledFaces::kItalic, StyledFaces::kNaskh}},
                     {{StyledFaces::kSans}, 0.6f, 0.35f}};
    styled.spans = {{5, 9, 1}, {19, 20, 2}};  // "free", the marker "1"
    const text::ShapedParagraph shaped =
        text::shape_paragraph(styled, text::ParagraphDirection::Ltr, faces.table(), {"en"});
    REQUIRE(shaped.error.ok());
    const auto by_cluster = glyph_by_cluster(shaped);
    const text::ShapedParagraph plain = shape_en(sentence);
    const auto plain_by_cluster = glyph_by_cluster(plain);
    // The italic f: glyph ids say little across faces of one family (they share an order), its
    // width does.
    CHECK(by_cluster.at(5).advance != plain_by_cluster.at(5).advance);
    CHECK(by_cluster.at(0).glyph == plain_by_cluster.at(0).glyph);   // outside the span: as before
    bool italic_run = false;
    for (const auto& run : shaped.runs)
        if (run.run.start == 5) italic_run = run.run.end == 9 && run.run.style == 1 && run.run.face == StyledFaces::kItalic;
    CHECK(italic_run);
    // The marker: 0.6 of the size, so narrower than the full-size digit, and raised.
    CHECK(shaped.advance_em[19] < plain.advance_em[19]);
    const text::LaidOutParagraph laid = lay_out(shaped, 1000.0f, 30.0f);
    REQUIRE(laid.lines.size() == 1);
    for (const auto& glyph : laid.lines[0].glyphs) {
        if (glyph.cluster == 19) {
            CHECK(glyph.em_size == Approx(18.0f));
            CHECK(glyph.y == Approx(-0.35f * 30.0f));
        } else {
            CHECK(glyph.em_size == Approx(30.0f));
        }
    }
}

TEST_CASE("text engine: styles: emphasis in Persian changes no letter and breaks no join", "[text][styles]") {
    // Arabic script has no italic: an emphasised Persian word falls back to the same Naskh, joined
    // to its neighbours across the style's edges (HarfBuzz sees the letters around each run).
    const StyledFaces faces;
    const std::string word = "\xDA\xA9\xD8\xAA\xD8\xA7\xD8\xA8";  // کتاب, "تا" emphasised below
    text::StyledText styled;
    styled.text = word;
    styled.styles = {{{StyledFaces::kNaskh, StyledFaces::kSerif}}, {{StyledFaces::kItalic, StyledFaces::kNaskh}}};
    styled.spans = {{2, 6, 1}};
    const text::ShapedParagraph shaped = text::shape_paragraph(styled, text::ParagraphDirection::Rtl, faces.table(), {"fa"});
    REQUIRE(shaped.error.ok());
    CHECK(shaped.runs.size() == 3);  // split by style, all in the Arabic face
    for (const auto& run : shaped.runs) CHECK(run.run.face == StyledFaces::kNaskh);
    const text::ShapedParagraph plain = shape_fa(word);
    for (int i = 0; i < 4; ++i) CHECK(glyph_by_cluster(shaped).at(i).glyph == glyph_by_cluster(plain).at(i).glyph);
}

TEST_CASE("text engine: styles: clusters point back into the UTF-8 text, bad styles are errors", "[text][styles]") {
    const std::string sentence = paragraphs(fixture("mixed.fa.txt")).at(0);
    const text::ShapedParagraph shaped = shape_fa(sentence);
    REQUIRE(shaped.utf8_offset.size() == shaped.bidi.text.size() + 1);
    CHECK(shaped.utf8_offset.back() == static_cast<int>(sentence.size()));
    const int year = index_of(shaped, "1948");
    CHECK(sentence.substr(static_cast<size_t>(shaped.utf8_offset[static_cast<size_t>(year)]), 4) == "1948");
    const int thirty = index_of(shaped, "\xDB\xB3\xDB\xB0");
    CHECK(sentence.substr(static_cast<size_t>(shaped.utf8_offset[static_cast<size_t>(thirty)]), 4) == "\xDB\xB3\xDB\xB0");

    const StyledFaces faces;
    text::StyledText bad;
    bad.text = "abc";
    bad.styles = {{{7}}};  // no face 7 in the table
    CHECK(text::shape_paragraph(bad, text::ParagraphDirection::Ltr, faces.table()).error.code == text::TextErrorCode::NoFace);
    bad.styles = {{{StyledFaces::kSerif}}};
    bad.spans = {{0, 1, 3}};  // no style 3
    CHECK(text::shape_paragraph(bad, text::ParagraphDirection::Ltr, faces.table()).error.code == text::TextErrorCode::NoFace);
    bad.styles = {{}};     // a style with no face
    bad.spans.clear();
    CHECK(text::shape_paragraph(bad, text::ParagraphDirection::Ltr, faces.table()).error.code == text::TextErrorCode::NoFace);
}
