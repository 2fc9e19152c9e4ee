// The memorial counter over time and the number formatting it is shown with.
#include <catch2/catch.hpp>

#include <unicode/locid.h>

#include <cmath>
#include <limits>

#include "interaction/counter.h"
#include "layout/number_format.h"

using kiosk::app::counter_progress;
using kiosk::app::counter_settles_after;
using kiosk::app::counter_value;
using kiosk::app::CounterParams;
using kiosk::layout::format_count;

TEST_CASE("counter: starts at 0, is part-way mid-count, ends exactly at the figure and holds", "[counter]") {
    const CounterParams params;  // the defaults the kiosk uses
    const int64_t figure = 30000;
    const double end = counter_settles_after(params);
    REQUIRE(end == Approx(params.delay_seconds + params.count_seconds));
    CHECK(counter_value(figure, 0.0, params) == 0);
    CHECK(counter_value(figure, params.delay_seconds, params) == 0);  // still during the delay
    const int64_t mid = counter_value(figure, params.delay_seconds + params.count_seconds / 2.0, params);
    CHECK(mid > 0);
    CHECK(mid < figure);
    // Ease-out: more than half the figure is reached by half the time (cubic: 7/8 of it).
    CHECK(mid == static_cast<int64_t>(std::floor(figure * 0.875)));
    CHECK(counter_value(figure, end - 0.01, params) < figure);
    CHECK(counter_value(figure, end, params) == figure);
    for (double later : {end + 0.001, end + 1.0, end + 3600.0, 1e12, std::numeric_limits<double>::infinity()})
        CHECK(counter_value(figure, later, params) == figure);
}

TEST_CASE("counter: never goes down and reaches every figure exactly", "[counter]") {
    const CounterParams params;
    for (int64_t figure : {int64_t{1}, int64_t{7}, int64_t{1988}, int64_t{30000}, int64_t{123456789}}) {
        INFO(figure);
        int64_t previous = -1;
        const double end = counter_settles_after(params);
        for (int i = 0; i <= 20000; ++i) {
            const double t = -1.0 + (end + 2.0) * i / 20000.0;
            const int64_t value = counter_value(figure, t, params);
            REQUIRE(value >= previous);
            REQUIRE(value >= 0);
            REQUIRE(value <= figure);
            previous = value;
        }
        CHECK(previous == figure);
    }
}

TEST_CASE("counter: bad times count as the start, a bad figure as 0", "[counter]") {
    const CounterParams params;
    CHECK(counter_value(30000, -5.0, params) == 0);
    CHECK(counter_value(30000, std::nan(""), params) == 0);
    CHECK(counter_value(-3, 100.0, params) == 0);
    CHECK(counter_value(0, 100.0, params) == 0);
}

TEST_CASE("counter: reduced motion shows the final figure at once", "[counter]") {
    CounterParams params;
    params.reduced_motion = true;
    CHECK(counter_settles_after(params) == 0.0);
    CHECK(counter_progress(0.0, params) == 1.0);
    CHECK(counter_value(30000, 0.0, params) == 30000);
    CHECK(counter_value(30000, 2.0, params) == 30000);
}

TEST_CASE("counter: a zero-length count jumps to the figure after the delay", "[counter]") {
    CounterParams params;
    params.count_seconds = 0.0;
    CHECK(counter_value(500, params.delay_seconds * 0.5, params) == 0);
    CHECK(counter_value(500, params.delay_seconds + 1e-9, params) == 500);
}

TEST_CASE("number format: thousands separators as the language writes them", "[counter][format]") {
    CHECK(format_count(30000, "en") == "30,000");
    CHECK(format_count(0, "en") == "0");
    CHECK(format_count(7, "en") == "7");
    CHECK(format_count(999, "en") == "999");
    CHECK(format_count(1000, "en") == "1,000");
    CHECK(format_count(1234567, "en-GB") == "1,234,567");
    CHECK(format_count(30000, "de") == "30.000");
    CHECK(format_count(30000, "de-AT") == "30\xC2\xA0" "000");  // CLDR: Austria groups with a no-break space
    CHECK(format_count(30000, "fr") == "30\xE2\x80\xAF" "000");
    CHECK(format_count(30000, "FR_ca") == "30\xC2\xA0" "000");  // CLDR: Canadian French with U+00A0, not U+202F
    CHECK(format_count(30000, "sv") == "30\xC2\xA0" "000");
    CHECK(format_count(-30000, "en") == "-30,000");
    CHECK(format_count(std::numeric_limits<int64_t>::min(), "en") == "-9,223,372,036,854,775,808");
    CHECK(format_count(1988, "en") == "1,988");  // four digits grouped too, as running text writes counts
    CHECK(format_count(1988, "es") == "1.988");  // CLDR leaves Spanish four-digit numbers ungrouped; the kiosk does not
    // Unknown or empty languages fall back to the English comma.
    CHECK(format_count(30000, "") == "30,000");
    CHECK(format_count(30000, "xx") == "30,000");
    CHECK(format_count(30000, "english") == "30,000");
    CHECK(format_count(30000, "not a tag") == "30,000");
}

TEST_CASE("number format: Persian and Arabic digits with the Arabic thousands separator", "[counter][format]") {
    // ۳۰٬۰۰۰: Persian digits (U+06F0..) grouped with U+066C ARABIC THOUSANDS SEPARATOR.
    CHECK(format_count(30000, "fa") == "\u06F3\u06F0\u066C\u06F0\u06F0\u06F0");
    CHECK(format_count(30000, "fa-IR") == "\u06F3\u06F0\u066C\u06F0\u06F0\u06F0");
    CHECK(format_count(1988, "fa") == "\u06F1\u066C\u06F9\u06F8\u06F8");
    CHECK(format_count(4567, "fa") == "\u06F4\u066C\u06F5\u06F6\u06F7");
    // ٣٠٬٠٠٠: Arabic-Indic digits (U+0660..) with the same separator.
    CHECK(format_count(30000, "ar") == "\u0663\u0660\u066C\u0660\u0660\u0660");
    // Where CLDR says a region writes Western digits, so does the kiosk; so does an explicit -u-nu-latn.
    CHECK(format_count(30000, "ar-MA") == "30.000");
    CHECK(format_count(30000, "fa-u-nu-latn") == "30,000");
}

TEST_CASE("number format: an unknown language is English even when the machine's locale is not", "[counter][format]") {
    // ICU answers a language it has no data for with its default locale; the kiosk must not.
    const icu::Locale before = icu::Locale::getDefault();
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale::setDefault(icu::Locale::getGerman(), status);
    REQUIRE(U_SUCCESS(status));
    const std::string unknown = format_count(30000, "zz");
    const std::string german = format_count(30000, "de-CH-1996");
    icu::Locale::setDefault(before, status);
    CHECK(unknown == "30,000");
    CHECK(german == "30\u2019" "000");  // Swiss German groups with a right single quotation mark
}
