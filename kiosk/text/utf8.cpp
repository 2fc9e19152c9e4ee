#include "text/utf8.h"

#include <cstdio>

namespace kiosk::text {

uint32_t next_codepoint(std::string_view text, size_t& pos) {
    const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
    const uint8_t lead = byte(pos);
    int length = 0;
    uint32_t codepoint = 0;
    if (lead < 0x80) { pos += 1; return lead; }
    if ((lead & 0xE0) == 0xC0) { length = 2; codepoint = lead & 0x1F; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; codepoint = lead & 0x0F; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; codepoint = lead & 0x07; }
    else { pos += 1; return kReplacementCharacter; }
    if (pos + length > text.size()) { pos += 1; return kReplacementCharacter; }
    for (int i = 1; i < length; ++i) {
        const uint8_t continuation = byte(pos + i);
        if ((continuation & 0xC0) != 0x80) { pos += 1; return kReplacementCharacter; }
        codepoint = (codepoint << 6) | (continuation & 0x3F);
    }
    static constexpr uint32_t kSmallest[5] = {0, 0, 0x80, 0x800, 0x10000};
    pos += length;
    if (codepoint < kSmallest[length] || codepoint > 0x10FFFF || (codepoint >= 0xD800 && codepoint <= 0xDFFF))
        return kReplacementCharacter;
    return codepoint;
}

std::set<uint32_t> codepoints_of(std::string_view text) {
    std::set<uint32_t> result;
    for (size_t pos = 0; pos < text.size();) {
        const uint32_t codepoint = next_codepoint(text, pos);
        if (codepoint < 0x20 || (codepoint >= 0x7F && codepoint < 0xA0)) continue;
        result.insert(codepoint);
    }
    return result;
}

void append_utf8(std::string& out, uint32_t codepoint) {
    // Never write bytes that are not UTF-8: a NUL, a surrogate or a code point past Unicode.
    if (codepoint == 0 || codepoint > 0x10FFFF || (codepoint >= 0xD800 && codepoint <= 0xDFFF))
        codepoint = kReplacementCharacter;
    if (codepoint < 0x80) {
        out += static_cast<char>(codepoint);
    } else if (codepoint < 0x800) {
        out += static_cast<char>(0xC0 | (codepoint >> 6));
        out += static_cast<char>(0x80 | (codepoint & 0x3F));
    } else if (codepoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codepoint >> 12));
        out += static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codepoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codepoint >> 18));
        out += static_cast<char>(0x80 | ((codepoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codepoint & 0x3F));
    }
}

std::u16string utf16_from_utf8(std::string_view text, std::vector<int>* utf8_offsets) {
    std::u16string out;
    out.reserve(text.size());
    if (utf8_offsets) utf8_offsets->clear();
    for (size_t pos = 0; pos < text.size();) {
        const size_t start = pos;
        uint32_t codepoint = next_codepoint(text, pos);
        if (codepoint >= 0xD800 && codepoint <= 0xDFFF) codepoint = kReplacementCharacter;  // no lone halves
        if (codepoint < 0x10000) {
            out += static_cast<char16_t>(codepoint);
        } else {
            codepoint -= 0x10000;
            out += static_cast<char16_t>(0xD800 | (codepoint >> 10));
            out += static_cast<char16_t>(0xDC00 | (codepoint & 0x3FF));
        }
        if (utf8_offsets) utf8_offsets->resize(out.size(), static_cast<int>(start));
    }
    if (utf8_offsets) utf8_offsets->push_back(static_cast<int>(text.size()));
    return out;
}

std::string codepoint_label(uint32_t codepoint) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", codepoint);
    return buffer;
}

std::string collapse_spaces(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace kiosk::text
