#include "layout/number_format.h"

#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/ures.h>

#include <map>
#include <memory>
#include <mutex>

namespace kiosk::layout {

namespace {

using icu::number::LocalizedNumberFormatter;

// The ICU locale for a tag. ICU quietly answers a language it has no data for ("xx") with the
// machine's default locale, so a kiosk whose system is set to German would write an unknown
// language's count as "30.000": that case is caught here and given English.
icu::Locale locale_for(std::string_view language) {
    std::string tag(language);
    for (char& c : tag)
        if (c == '_') c = '-';
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    if (U_FAILURE(status) || locale.isBogus()) return icu::Locale::getEnglish();
    status = U_ZERO_ERROR;
    UResourceBundle* bundle = ures_open(nullptr, locale.getName(), &status);
    const bool has_data = U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING;
    ures_close(bundle);
    return has_data ? locale : icu::Locale::getEnglish();
}

// Made once per language: the counter formats a number every frame while it counts, and making a
// formatter costs far more than using one. A formatter is immutable, so it may be shared.
const LocalizedNumberFormatter* formatter_for(std::string_view language) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<LocalizedNumberFormatter>, std::less<>> formatters;
    const std::lock_guard<std::mutex> lock(mutex);
    if (auto it = formatters.find(language); it != formatters.end()) return it->second.get();
    auto formatter = std::make_unique<LocalizedNumberFormatter>(
        icu::number::NumberFormatter::withLocale(locale_for(language)).grouping(UNUM_GROUPING_ON_ALIGNED));
    return formatters.emplace(std::string(language), std::move(formatter)).first->second.get();
}

// The fallback when ICU fails (out of memory): Western digits grouped with commas.
std::string plain_count(int64_t value) {
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
        if (i > 0 && i % 3 == 0) out += ',';
    }
    return out;
}

}  // namespace

std::string format_count(int64_t value, std::string_view language) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString text = formatter_for(language)->formatInt(value, status).toString(status);
    if (U_FAILURE(status)) return plain_count(value);
    std::string out;
    text.toUTF8String(out);
    return out;
}

}  // namespace kiosk::layout
