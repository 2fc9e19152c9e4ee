// Splits a bidi paragraph into runs HarfBuzz can shape in one call each: one direction (bidi
// level), one script and one face. A character takes the first face in the caller's list that
// covers it (per-character fallback: Noto Naskh Arabic lacks ASCII punctuation, Noto Serif lacks
// Arabic); punctuation, spaces and digits stay with the face before them when it has them, and
// marks and invisible controls (ZWNJ, ZWJ) always do, so joining and mark placement see their
// neighbours. Does NOT shape or measure, and does NOT know styles (bold, italic): the caller
// itemizes each styled span with the faces of its style.
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

struct TextRun {
    int start = 0;                     // UTF-16 units in the paragraph, [start, end)
    int end = 0;
    uint8_t level = 0;                 // bidi embedding level, odd = right to left
    uint32_t script = kScriptCommon;   // of its letters; common characters take their neighbours'
    int face = 0;                      // index into the face list given to itemize

    bool rtl() const { return (level & 1) != 0; }
};

struct ItemizedParagraph {
    std::vector<TextRun> runs;         // in logical order, covering the whole paragraph
    std::vector<uint32_t> uncovered;   // code points no face has, each once, in order of first use
    TextError error;
};

// `faces` in order of preference; null entries are not allowed.
ItemizedParagraph itemize(const BidiParagraph& paragraph, const std::vector<const ShapingFace*>& faces);

}  // namespace kiosk::text
