// Checks that the manifest's memorial texts agree with the article they come from. The kiosk shows
// the figure and the remembrance line on their own, away from the article, so a typo there would
// put words or a number on screen that the article never says.
#include <algorithm>

#include "content/bundle_internal.h"

namespace kiosk::content {

TextLocation find_text(const BundleFiles& files, std::string_view needle) {
    TextLocation found;
    if (needle.empty()) return found;
    const auto search = [&](const std::string& name, const std::string& bytes) {
        const std::size_t at = bytes.find(needle);
        if (at == std::string::npos) return false;
        const detail::TextPos pos = detail::LineIndex(bytes).at(at);
        found = TextLocation{name, pos.line, pos.column};
        return true;
    };
    const std::string manifest = "manifest.toml";
    if (auto it = files.find(manifest); it != files.end() && search(it->first, it->second)) return found;
    for (const auto& [name, bytes] : files)
        if (name != manifest && search(name, bytes)) return found;
    return found;
}

}  // namespace kiosk::content

namespace kiosk::content::detail {
namespace {

// The article's words as one string: blocks joined by a space, so a quote may not span two
// paragraphs but case and punctuation must match exactly.
std::string article_words(const Bundle& bundle) {
    std::string out;
    for (const Block& block : bundle.article) {
        if (!out.empty()) out += ' ';
        out += block_text(block);
    }
    return out;
}

// `text` with Persian (U+06F0..U+06F9) and Arabic-Indic (U+0660..U+0669) digits written as ASCII
// digits, so that one search finds "۳۰٬۰۰۰", "٣٠٬٠٠٠" and "30,000" alike. Everything else is kept.
std::string western_digits(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char lead = static_cast<unsigned char>(text[i]);
        if ((lead == 0xD9 || lead == 0xDB) && i + 1 < text.size()) {
            const unsigned char next = static_cast<unsigned char>(text[i + 1]);
            // U+0660..U+0669 are D9 A0..D9 A9; U+06F0..U+06F9 are DB B0..DB B9.
            const unsigned char base = lead == 0xD9 ? 0xA0 : 0xB0;
            if (next >= base && next <= base + 9) {
                out += static_cast<char>('0' + (next - base));
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// The ways an article writes a count: 30000, 30,000, 30.000, 30 000 and with no-break spaces, the
// Swiss 30’000 and the Arabic-script 30٬000 (U+066C), in any of the three sets of digits (the
// article's digits are made Western first).
std::vector<std::string> written_forms(int64_t figure) {
    const std::string digits = std::to_string(figure);
    std::vector<std::string> forms{digits};
    for (std::string_view separator :
         {",", ".", " ", "\xC2\xA0", "\xE2\x80\xAF", "'", "\xE2\x80\x99", "\xD9\xAC"}) {
        std::string grouped;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
            grouped += digits[i];
        }
        forms.push_back(grouped);
    }
    return forms;
}

// True when `form` stands alone in `text`: not a piece of a longer number ("130,000").
bool contains_number(const std::string& text, const std::string& form) {
    const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    // A separator with a digit after it continues the number: "30,0001", "30,000,000", "30٬000٬000".
    const auto continues = [&](std::size_t end) {
        if (end >= text.size()) return false;
        if (is_digit(text[end])) return true;
        for (std::string_view separator : {",", ".", "\xD9\xAC", "\xE2\x80\x99"})
            if (text.compare(end, separator.size(), separator) == 0 && end + separator.size() < text.size() &&
                is_digit(text[end + separator.size()]))
                return true;
        return false;
    };
    for (std::size_t at = text.find(form); at != std::string::npos; at = text.find(form, at + 1)) {
        const bool digit_before = at > 0 && is_digit(text[at - 1]);
        // "30,000," still counts.
        if (!digit_before && !continues(at + form.size())) return true;
    }
    return false;
}

// Line of `key = ...` in the manifest, 0 when absent (keys are unique enough: figure and
// remembrance appear only in [memorial]).
int key_line(const BundleFiles& files, std::string_view key) {
    const auto it = files.find("manifest.toml");
    if (it == files.end()) return 0;
    const std::string& text = it->second;
    int line = 1;
    for (std::size_t start = 0; start < text.size(); ++line) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view row(text.data() + start, end - start);
        row.remove_prefix(std::min(row.find_first_not_of(" \t"), row.size()));
        if (row.substr(0, key.size()) == key) {
            row.remove_prefix(key.size());
            row.remove_prefix(std::min(row.find_first_not_of(" \t"), row.size()));
            if (!row.empty() && row.front() == '=') return line;
        }
        start = end + 1;
    }
    return 0;
}

}  // namespace
}  // namespace kiosk::content::detail

namespace kiosk::content {

std::vector<core::Fault> check_wording(const LoadResult& loaded) {
    std::vector<core::Fault> faults;
    if (!loaded.usable) return faults;
    const Bundle& bundle = loaded.bundle;
    const std::string words = detail::article_words(bundle);
    const std::string numbers = detail::western_digits(words);
    const Memorial& memorial = bundle.memorial;
    const std::string manifest = "manifest.toml";
    if (memorial.figure > 0) {
        bool stated = false;
        for (const std::string& form : detail::written_forms(memorial.figure))
            stated = stated || detail::contains_number(numbers, form);
        if (!stated)
            faults.push_back(core::make_fault(core::FaultCode::FigureNotInArticle, manifest,
                                              detail::key_line(loaded.files, "figure"), 0,
                                              "memorial.figure is " + std::to_string(memorial.figure) +
                                                  ", but the article never states that number; check it against "
                                                  "the article"));
    }
    if (!memorial.remembrance.empty() && words.find(memorial.remembrance) == std::string::npos)
        faults.push_back(core::make_fault(core::FaultCode::NotVerbatim, manifest,
                                          detail::key_line(loaded.files, "remembrance"), 0,
                                          "memorial.remembrance is not found word for word in the article; copy "
                                          "the line from the article exactly, quotes and punctuation included"));
    return faults;
}

}  // namespace kiosk::content
