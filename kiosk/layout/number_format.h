// Whole numbers as a language writes them, by ICU's number formatting (CLDR data): the language's
// digits and its grouping separator ("30,000" in English, "30.000" in German, "30 000" with a
// narrow no-break space in French, "۳۰٬۰۰۰" with Persian digits and U+066C in Persian, "٣٠٬٠٠٠"
// with Arabic-Indic digits in Arabic). Grouping is always on, four-digit numbers too ("1,988"), as
// running text writes counts. Does NOT handle fractions, nor add bidirectional marks: the text
// engine orders the digits.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::layout {

// `value` grouped by thousands, e.g. format_count(30000, "en") == "30,000". `language` is a BCP 47
// tag ("fa", "de-AT"; "fr_CH" is read as "fr-CH"). A language ICU has no data for is written as
// English, never in the machine's own locale.
std::string format_count(int64_t value, std::string_view language);

}  // namespace kiosk::layout
