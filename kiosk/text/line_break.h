// Line breaking in two steps, apart from shaping (as in minikin and LayoutNG): where a line may
// end (UAX #14, through ICU's line break iterator), once per text; then which of those places end
// the lines of one width (greedy, ragged edge), again whenever the width or the size changes.
// Works in logical order on plain arrays; does NOT shape, reorder (bidi.h) or position glyphs.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/text_error.h"

namespace kiosk::text {

struct BreakOpportunity {
    int position = 0;                  // UTF-16 index: a line may end just before it
    bool mandatory = false;            // a line must end here (after a line feed, U+2028 …)
};

struct BreakOpportunities {
    std::vector<BreakOpportunity> breaks;  // increasing; the text's end is always the last
    TextError error;
};

// UAX #14 opportunities in `text`, with ICU's rules for `language` (BCP 47).
BreakOpportunities find_line_breaks(std::u16string_view text, std::string_view language);

struct BreakParams {
    float max_width = 30.0f;           // the measure, in the same unit as `advances`
};

struct BrokenLine {
    int start = 0;                     // first UTF-16 unit of the line
    int end = 0;                       // end of what is shown: spaces at the end hang, uncounted
    int next = 0;                      // where the next line starts (after those spaces)
    float width = 0.0f;                // of [start, end), in the unit of `advances`
    bool word_cut = false;             // one word was wider than the measure and was cut between clusters
};

// Chooses line ends greedily among `breaks`: each line as long as fits within params.max_width.
// `advances[i]`: the advance of the cluster starting at unit i (0 inside a cluster);
// `cluster_start[i]`: 1 where a cluster starts, the only places a too-wide word is cut.
std::vector<BrokenLine> choose_line_ends(std::u16string_view text, const std::vector<float>& advances,
                                         const std::vector<uint8_t>& cluster_start,
                                         const std::vector<BreakOpportunity>& breaks, const BreakParams& params);

}  // namespace kiosk::text
