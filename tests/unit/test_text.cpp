#include <catch2/catch.hpp>

#include "core/embedded.h"
#include "text/font_face.h"
#include "text/utf8.h"

using namespace kiosk;

TEST_CASE("utf8: decodes typographic quotes and rejects malformed bytes", "[text]") {
    const std::string quotes = "\xE2\x80\x98" "A" "\xE2\x80\x99 \xE2\x80\x9C\xE2\x80\x9D \xC2\xA9";
    const auto points = text::codepoints_of(quotes);
    for (uint32_t c : {0x2018u, 0x2019u, 0x201Cu, 0x201Du, 0xA9u, uint32_t('A'), uint32_t(' ')}) CHECK(points.count(c) == 1);
    CHECK(points.size() == 7);
    size_t pos = 0;
    CHECK(text::next_codepoint("\xC3\x28", pos) == text::kReplacementCharacter);  // bad continuation
    CHECK(pos == 1);
    pos = 0;
    CHECK(text::next_codepoint("\xC0\xAF", pos) == text::kReplacementCharacter);  // overlong
    pos = 0;
    CHECK(text::next_codepoint("\xE2\x80", pos) == text::kReplacementCharacter);  // truncated
    pos = 0;
    CHECK(text::next_codepoint("\xF0\x9F\x95\xAF", pos) == 0x1F56F);
    std::string round_trip;
    for (uint32_t c : {0x41u, 0xA9u, 0x2019u, 0x1F56Fu}) text::append_utf8(round_trip, c);
    CHECK(round_trip == "A\xC2\xA9\xE2\x80\x99\xF0\x9F\x95\xAF");
    CHECK(text::codepoint_label(0x2019) == "U+2019");
}

TEST_CASE("glyph ranges hold exactly the code points asked for", "[text]") {
    const auto ranges = text::glyph_ranges({'a', 'b', 'c', 'x', 0x2018, 0x2019, 0x201C, 0x1F56F});
    const std::vector<uint16_t> expected = {'a', 'c', 'x', 'x', 0x2018, 0x2019, 0x201C, 0x201C, 0};
    CHECK(ranges == expected);
    CHECK(text::glyph_ranges({}) == std::vector<uint16_t>{0});
}

TEST_CASE("the embedded serif covers the article's typographic characters", "[text][fonts]") {
    const auto face = text::FontFace::from_bytes(core::embedded("fonts/NotoSerif-Regular.ttf"));
    REQUIRE(face);
    for (uint32_t c : {0x2018u, 0x2019u, 0x201Cu, 0x201Du, 0xA9u, 0x2014u, 0x2013u}) CHECK(face->covers(c));
    CHECK_FALSE(face->covers(0xE000));  // private use: nothing there
    CHECK(face->advance('m', 40.0f) > face->advance('i', 40.0f));
    CHECK(face->advance('m', 40.0f) == Approx(2.0f * face->advance('m', 20.0f)));
    const auto missing = text::missing_codepoints({'a', 0x2019, 0xE000, 0x1F56F}, {face.get()});
    CHECK(missing == std::vector<uint32_t>{0xE000, 0x1F56F});
    CHECK(text::FontFace::from_bytes("not a font") == nullptr);
}
