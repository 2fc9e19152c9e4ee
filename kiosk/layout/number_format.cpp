#include "layout/number_format.h"

#include <algorithm>
#include <cctype>

namespace kiosk::layout {

namespace {

constexpr const char* kNoBreakSpace = "\xC2\xA0";        // U+00A0
constexpr const char* kNarrowNoBreakSpace = "\xE2\x80\xAF";  // U+202F, French typography

// The primary language subtag, lower case: "de-AT" -> "de".
std::string primary_subtag(std::string_view language) {
    std::string primary;
    for (char c : language) {
        if (c == '-' || c == '_') break;
        primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return primary;
}

}  // namespace

std::string thousands_separator(std::string_view language) {
    const std::string primary = primary_subtag(language);
    for (const char* dot : {"de", "nl", "it", "es", "pt", "da", "id", "tr", "el", "ro", "sl", "hr", "sr"})
        if (primary == dot) return ".";
    if (primary == "fr") return kNarrowNoBreakSpace;
    for (const char* space : {"ru", "uk", "pl", "cs", "sk", "sv", "fi", "nb", "nn", "no", "hu", "bg", "lt", "lv", "et"})
        if (primary == space) return kNoBreakSpace;
    return ",";
}

std::string format_count(int64_t value, std::string_view language) {
    const std::string separator = thousands_separator(language);
    // Digits of |value| without overflow for INT64_MIN: work on the unsigned magnitude.
    uint64_t magnitude = value < 0 ? static_cast<uint64_t>(0) - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    std::string digits;
    do {
        digits += static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    std::string out = value < 0 ? "-" : "";
    for (size_t i = digits.size(); i-- > 0;) {
        out += digits[i];
        if (i > 0 && i % 3 == 0) out += separator;
    }
    return out;
}

}  // namespace kiosk::layout
