// Whole numbers as a language writes them: digit grouping with the language's thousands separator
// ("30,000" in English, "30.000" in German, "30 000" with a narrow no-break space in French).
// Does NOT localise digits (Persian or Arabic-Indic digits are not supported: Western digits with
// the English separator are written instead) or handle fractions.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::layout {

// The separator (UTF-8) for a BCP 47 tag ("en", "de-AT", "fr_CH"); "," when the language is not known.
std::string thousands_separator(std::string_view language);

// `value` grouped by thousands, e.g. format_count(30000, "en") == "30,000". Four-digit numbers are
// grouped too ("1,988"), as English running text does for counts.
std::string format_count(int64_t value, std::string_view language);

}  // namespace kiosk::layout
