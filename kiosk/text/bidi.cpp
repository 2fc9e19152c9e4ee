#include "text/bidi.h"

#include <memory>
#include <string>

#include <unicode/ubidi.h>
#include <unicode/uloc.h>

namespace kiosk::text {
namespace {

using BidiHandle = std::unique_ptr<UBiDi, decltype(&ubidi_close)>;

BidiHandle open_bidi() { return BidiHandle(ubidi_open(), &ubidi_close); }

TextError icu_error(const char* step, UErrorCode status) {
    return {TextErrorCode::BidiFailed, std::string(step) + ": " + u_errorName(status)};
}

UBiDiLevel icu_paragraph_level(ParagraphDirection direction) {
    switch (direction) {
        case ParagraphDirection::Rtl: return 1;
        case ParagraphDirection::FirstStrong: return UBIDI_DEFAULT_LTR;
        case ParagraphDirection::Ltr: break;
    }
    return 0;
}

// ubidi_setPara keeps a pointer to the text, so `text` must outlive every use of `bidi`.
UErrorCode set_paragraph(UBiDi* bidi, const std::u16string& text, UBiDiLevel level) {
    UErrorCode status = U_ZERO_ERROR;
    ubidi_setPara(bidi, reinterpret_cast<const UChar*>(text.data()), static_cast<int32_t>(text.size()), level,
                  nullptr, &status);
    return status;
}

}  // namespace

ParagraphDirection direction_of_language(std::string_view language) {
    const std::string tag(language);
    return uloc_isRightToLeft(tag.c_str()) ? ParagraphDirection::Rtl : ParagraphDirection::Ltr;
}

BidiParagraph resolve_bidi(std::u16string text, ParagraphDirection direction) {
    BidiParagraph paragraph;
    paragraph.text = std::move(text);
    paragraph.base_level = direction == ParagraphDirection::Rtl ? 1 : 0;
    if (paragraph.text.size() > kMaxParagraphUnits) {
        paragraph.error = {TextErrorCode::TooLong, std::to_string(paragraph.text.size()) + " UTF-16 units"};
        return paragraph;
    }
    if (paragraph.text.empty()) return paragraph;
    const BidiHandle bidi = open_bidi();
    if (!bidi) {
        paragraph.error = {TextErrorCode::BidiFailed, "ubidi_open"};
        return paragraph;
    }
    UErrorCode status = set_paragraph(bidi.get(), paragraph.text, icu_paragraph_level(direction));
    if (U_FAILURE(status)) {
        paragraph.error = icu_error("ubidi_setPara", status);
        return paragraph;
    }
    const UBiDiLevel* levels = ubidi_getLevels(bidi.get(), &status);
    if (U_FAILURE(status) || levels == nullptr) {
        paragraph.error = icu_error("ubidi_getLevels", status);
        return paragraph;
    }
    paragraph.levels.assign(levels, levels + paragraph.text.size());
    paragraph.base_level = ubidi_getParaLevel(bidi.get());
    return paragraph;
}

ReorderedLines reorder_lines(const BidiParagraph& paragraph, const std::vector<LogicalRange>& lines) {
    ReorderedLines result;
    if (!paragraph.error.ok()) {
        result.error = paragraph.error;
        return result;
    }
    const int length = static_cast<int>(paragraph.text.size());
    for (const LogicalRange& range : lines) {
        if (range.start < 0 || range.end > length || range.start >= range.end) {
            result.error = {TextErrorCode::BidiFailed, "line [" + std::to_string(range.start) + ", " +
                                                           std::to_string(range.end) + ") outside the paragraph"};
            return result;
        }
    }
    if (lines.empty()) return result;
    const BidiHandle bidi = open_bidi();
    const BidiHandle line = open_bidi();
    if (!bidi || !line) {
        result.error = {TextErrorCode::BidiFailed, "ubidi_open"};
        return result;
    }
    // The paragraph's own level, not FirstStrong again: resolve_bidi already decided it.
    UErrorCode status = set_paragraph(bidi.get(), paragraph.text, paragraph.base_level);
    if (U_FAILURE(status)) {
        result.error = icu_error("ubidi_setPara", status);
        return result;
    }
    result.lines.reserve(lines.size());
    for (const LogicalRange& range : lines) {
        ubidi_setLine(bidi.get(), range.start, range.end, line.get(), &status);
        const int32_t run_count = ubidi_countRuns(line.get(), &status);
        const UBiDiLevel* levels = ubidi_getLevels(line.get(), &status);
        if (U_FAILURE(status) || levels == nullptr) {
            result.error = icu_error("ubidi_setLine", status);
            result.lines.clear();
            return result;
        }
        LineOrder order;
        order.levels.assign(levels, levels + (range.end - range.start));
        order.runs.reserve(static_cast<size_t>(run_count));
        for (int32_t i = 0; i < run_count; ++i) {
            int32_t start = 0, run_length = 0;
            const UBiDiDirection run_direction = ubidi_getVisualRun(line.get(), i, &start, &run_length);
            order.runs.push_back({range.start + start, range.start + start + run_length, run_direction == UBIDI_RTL});
        }
        result.lines.push_back(std::move(order));
    }
    return result;
}

}  // namespace kiosk::text
