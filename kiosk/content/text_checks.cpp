// Byte-level checks every bundle file goes through before any parser sees it.
#include <algorithm>
#include <cstdio>

#include "content/bundle_internal.h"

namespace kiosk::content::detail {

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

TextPos LineIndex::at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
    const std::size_t start = starts_[line - 1];
    int column = 1;
    for (std::size_t i = start; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;  // count lead bytes only
    return TextPos{static_cast<int>(line), column};
}

std::size_t LineIndex::line_start(int line) const {
    if (line < 1) return 0;
    if (static_cast<std::size_t>(line) > starts_.size()) return text_.size();
    return starts_[static_cast<std::size_t>(line) - 1];
}

bool check_utf8(std::string_view bytes, const std::string& file, std::vector<core::Fault>& faults) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        std::size_t length = 0;
        unsigned min_second = 0x80, max_second = 0xBF;  // the lead byte narrows the second byte's range
        if (c < 0x80) length = 1;
        else if (c >= 0xC2 && c <= 0xDF) length = 2;
        else if (c == 0xE0) { length = 3; min_second = 0xA0; }            // no overlongs
        else if (c >= 0xE1 && c <= 0xEC) length = 3;
        else if (c == 0xED) { length = 3; max_second = 0x9F; }            // no surrogates
        else if (c >= 0xEE && c <= 0xEF) length = 3;
        else if (c == 0xF0) { length = 4; min_second = 0x90; }            // no overlongs
        else if (c >= 0xF1 && c <= 0xF3) length = 4;
        else if (c == 0xF4) { length = 4; max_second = 0x8F; }            // nothing past U+10FFFF
        bool ok = length > 0 && i + length <= n;
        if (ok && length > 1) ok = p[i + 1] >= min_second && p[i + 1] <= max_second;
        for (std::size_t k = 2; ok && k < length; ++k) ok = (p[i + k] & 0xC0) == 0x80;
        if (!ok) {
            const TextPos pos = LineIndex(bytes).at(i);
            faults.push_back(core::make_fault(core::FaultCode::BadUtf8, file, pos.line, pos.column,
                                              "the file is not UTF-8 text (byte " + std::to_string(i + 1) +
                                                  "); save it as UTF-8 in your editor"));
            return false;
        }
        i += length;
    }
    return true;
}

std::string_view strip_bom(std::string_view bytes, const std::string& file, std::vector<core::Fault>& faults) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (bytes.substr(0, kBom.size()) != kBom) return bytes;
    faults.push_back(core::make_fault(core::FaultCode::ByteOrderMark, file, 1, 1,
                                      "the file starts with a byte order mark; it is ignored"));
    return bytes.substr(kBom.size());
}

std::size_t count_codepoints(std::string_view text) {
    std::size_t count = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++count;
    return count;
}

void check_controls(std::string_view text, const std::string& file, std::vector<core::Fault>& faults) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c >= 0x20 && c != 0x7F) || c == '\t' || c == '\n' || c == '\r') continue;
        const TextPos pos = LineIndex(text).at(i);
        char code[8];
        std::snprintf(code, sizeof code, "%02X", c);
        const std::string hint = c == 0 ? " (a NUL byte: was the file saved as UTF-16?)" : "";
        faults.push_back(core::make_fault(core::FaultCode::ControlCharacter, file, pos.line, pos.column,
                                          std::string("the file holds the control character U+00") + code + hint +
                                              "; remove it: it shows as a gap or as \xEF\xBF\xBD"));
        return;
    }
}

}  // namespace kiosk::content::detail
