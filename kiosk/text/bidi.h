// The Unicode Bidirectional Algorithm (UAX #9) over one paragraph, through ICU's ubidi: embedding
// levels for the whole paragraph once, then the visual order of each line after the lines have
// been broken in logical order. Never reverses strings and never reorders before breaking.
// Does NOT guess a paragraph's direction from its text: the caller gives it, from the bundle's
// language (direction_of_language). Does NOT shape, break lines or mirror glyphs (HarfBuzz mirrors
// brackets in right-to-left runs).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/text_error.h"

namespace kiosk::text {

enum class ParagraphDirection {
    Ltr,
    Rtl,
    FirstStrong,  // rules P2–P3, for text that has no language (conformance data); never for a bundle
};

// Right to left for the languages written so (fa, ar, he, ur …, by ICU's likely script), else left to right.
ParagraphDirection direction_of_language(std::string_view language);

// Longest paragraph, in UTF-16 units, that the engine takes (ICU indexes with int32).
constexpr size_t kMaxParagraphUnits = size_t{1} << 22;

struct BidiParagraph {
    std::u16string text;               // one paragraph, UTF-16 (ICU's own form); indexes below are into it
    std::vector<uint8_t> levels;       // embedding level of each UTF-16 unit, odd = right to left
    uint8_t base_level = 0;            // the paragraph's level: 0 left to right, 1 right to left
    TextError error;

    bool rtl() const { return (base_level & 1) != 0; }
};

// Resolves the levels of `text` (one paragraph: a paragraph separator inside is treated as one).
BidiParagraph resolve_bidi(std::u16string text, ParagraphDirection direction);

struct LogicalRange {
    int start = 0;                     // UTF-16 units, [start, end)
    int end = 0;
};

// A stretch of a line in one direction: its characters are shown left to right when !rtl, right
// to left when rtl.
struct VisualRun {
    int start = 0;                     // logical range in the paragraph, [start, end)
    int end = 0;
    bool rtl = false;
};

struct LineOrder {
    std::vector<VisualRun> runs;       // left to right on the screen
    std::vector<uint8_t> levels;       // each unit's level on this line (rule L1 applied), from its start
};

struct ReorderedLines {
    std::vector<LineOrder> lines;      // one per range asked for, in the same order
    TextError error;
};

// The visual order of each line; `lines` must lie inside the paragraph and not be empty.
ReorderedLines reorder_lines(const BidiParagraph& paragraph, const std::vector<LogicalRange>& lines);

}  // namespace kiosk::text
