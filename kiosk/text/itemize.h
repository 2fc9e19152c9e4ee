// Splits a bidi paragraph into runs HarfBuzz can shape in one call each: one direction (bidi
// level), one script, one style and one face. A character takes the first face of its style that
// covers it (per-character fallback: Noto Naskh Arabic lacks ASCII punctuation, Noto Serif lacks
// Arabic); punctuation, spaces and digits stay with the face before them when it has them, and
// marks and invisible controls (ZWNJ, ZWJ) always do, so joining and mark placement see their
// neighbours. Does NOT shape or measure, and does NOT decide what a style looks like (the caller
// gives each style its faces).
#pragma once
#include <cstdint>
#include <vector>

#include "text/bidi.h"
#include "text/shaping_face.h"
#include "text/text_error.h"

namespace kiosk::text {

// ISO 15924 script code packed as four bytes, first letter in the high byte ('Arab', 'Latn'):
// the same number HarfBuzz uses for its hb_script_t.
constexpr uint32_t script_tag(char a, char b, char c, char d) {
    return (uint32_t(uint8_t(a)) << 24) | (uint32_t(uint8_t(b)) << 16) | (uint32_t(uint8_t(c)) << 8) | uint32_t(uint8_t(d));
}
constexpr uint32_t kScriptCommon = script_tag('Z', 'y', 'y', 'y');
constexpr uint32_t kScriptArabic = script_tag('A', 'r', 'a', 'b');
constexpr uint32_t kScriptLatin = script_tag('L', 'a', 't', 'n');

// How a stretch of the paragraph is set: its faces and its size. Bold, italic and a citation's
// superscript are styles; the caller decides which faces each has.
struct TextStyle {
    std::vector<int> faces;            // indexes into the face table, in order of preference
    float scale = 1.0f;                // size relative to the paragraph's em (a superscript: smaller)
    float raise = 0.0f;                // baseline shift upwards, in the paragraph's ems
};

struct TextRun {
    int start = 0;                     // UTF-16 units in the paragraph, [start, end)
    int end = 0;
    uint8_t level = 0;                 // bidi embedding level, odd = right to left
    uint32_t script = kScriptCommon;   // of its letters; common characters take their neighbours'
    int face = 0;                      // index into the face table given to itemize
    int style = 0;                     // index into the styles given to itemize

    bool rtl() const { return (level & 1) != 0; }
};

struct ItemizedParagraph {
    std::vector<TextRun> runs;         // in logical order, covering the whole paragraph
    std::vector<uint32_t> uncovered;   // code points no face has, each once, in order of first use
    TextError error;
};

// `faces`: the face table (no null entries); `style_of[i]`: the style of UTF-16 unit i, an index
// into `styles`, each of which names at least one face.
ItemizedParagraph itemize(const BidiParagraph& paragraph, const std::vector<const ShapingFace*>& faces,
                          const std::vector<TextStyle>& styles, const std::vector<int>& style_of);

}  // namespace kiosk::text
