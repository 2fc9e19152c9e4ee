// UTF-8 decoding and code point sets. Does NOT validate whole files with positions (content/ does
// that and reports faults); malformed bytes decode as U+FFFD here so drawing never stalls.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::text {

constexpr uint32_t kReplacementCharacter = 0xFFFD;

// Decodes the code point at `pos` and advances `pos` past it (by at least one byte).
uint32_t next_codepoint(std::string_view text, size_t& pos);

// Every code point in `text`, excluding control characters.
std::set<uint32_t> codepoints_of(std::string_view text);

// Appends `codepoint` as UTF-8; NUL, surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, uint32_t codepoint);

// `text` as UTF-16 (the form ICU works in); malformed bytes become U+FFFD, one per bad byte.
// `utf8_offsets`, when given, gets where each UTF-16 unit's character starts in `text`, then
// text.size(): a cluster found in UTF-16 points back into the bundle's bytes.
std::u16string utf16_from_utf8(std::string_view text, std::vector<int>* utf8_offsets = nullptr);

// "U+2019"
std::string codepoint_label(uint32_t codepoint);

// Runs of ASCII whitespace (space, tab, line ends, form feed) as one space, none at the ends:
// text written over several lines, set as running text.
std::string collapse_spaces(std::string_view text);

}  // namespace kiosk::text
