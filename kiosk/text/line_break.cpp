#include "text/line_break.h"

#include <memory>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>

namespace kiosk::text {
namespace {

using BreakHandle = std::unique_ptr<UBreakIterator, decltype(&ubrk_close)>;

// Rounding in the sums must not push a line that fits exactly over the measure.
constexpr float kWidthSlack = 1e-4f;

// Characters that hang at a line's end: spaces and the line separators themselves.
bool hangs(char16_t unit) { return u_isWhitespace(unit) != 0; }

}  // namespace

BreakOpportunities find_line_breaks(std::u16string_view text, std::string_view language) {
    BreakOpportunities result;
    if (text.empty()) return result;
    const std::string locale(language);
    UErrorCode status = U_ZERO_ERROR;
    const BreakHandle iterator(ubrk_open(UBRK_LINE, locale.c_str(), reinterpret_cast<const UChar*>(text.data()),
                                         static_cast<int32_t>(text.size()), &status),
                               &ubrk_close);
    if (U_FAILURE(status) || !iterator) {
        result.error = {TextErrorCode::BreakFailed, std::string("ubrk_open: ") + u_errorName(status)};
        return result;
    }
    for (int32_t position = ubrk_following(iterator.get(), 0); position != UBRK_DONE;
         position = ubrk_next(iterator.get())) {
        const bool mandatory = ubrk_getRuleStatus(iterator.get()) >= UBRK_LINE_HARD;
        result.breaks.push_back({position, mandatory});
    }
    if (result.breaks.empty() || result.breaks.back().position != static_cast<int>(text.size()))
        result.breaks.push_back({static_cast<int>(text.size()), false});
    return result;
}

std::vector<BrokenLine> choose_line_ends(std::u16string_view text, const std::vector<float>& advances,
                                         const std::vector<uint8_t>& cluster_start,
                                         const std::vector<BreakOpportunity>& breaks, const BreakParams& params) {
    std::vector<BrokenLine> lines;
    const int length = static_cast<int>(text.size());
    if (length == 0 || advances.size() != text.size() || cluster_start.size() != text.size()) return lines;
    std::vector<double> before(text.size() + 1, 0.0);  // before[i]: width of [0, i)
    for (size_t i = 0; i < text.size(); ++i) before[i + 1] = before[i] + advances[i];
    const auto width = [&](int from, int to) { return static_cast<float>(before[to] - before[from]); };
    const auto shown_end = [&](int from, int to) {
        while (to > from && hangs(text[static_cast<size_t>(to - 1)])) --to;
        return to;
    };
    const float max_width = params.max_width + kWidthSlack;

    size_t k = 0;                      // the first opportunity after the line's start
    int start = 0;
    while (start < length) {
        while (k < breaks.size() && breaks[k].position <= start) ++k;
        if (k == breaks.size()) break;
        size_t best = breaks.size();
        for (size_t i = k; i < breaks.size(); ++i) {
            if (width(start, shown_end(start, breaks[i].position)) > max_width) break;
            best = i;
            if (breaks[i].mandatory) break;
        }
        if (best < breaks.size()) {
            const int next = breaks[best].position;
            const int end = shown_end(start, next);
            lines.push_back({start, end, next, width(start, end), false});
            start = next;
            continue;
        }
        // Not even the first word fits: cut it at the last cluster that fits, keeping one at least.
        const int word_end = breaks[k].position;
        int cut = start + 1;
        while (cut < word_end && cluster_start[static_cast<size_t>(cut)] == 0) ++cut;
        for (int c = cut + 1; c < word_end; ++c)
            if (cluster_start[static_cast<size_t>(c)] != 0) {
                if (width(start, c) > max_width) break;
                cut = c;
            }
        lines.push_back({start, cut, cut, width(start, cut), true});
        start = cut;
    }
    return lines;
}

}  // namespace kiosk::text
