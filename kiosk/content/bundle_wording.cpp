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

// The ways an article writes a count: 30000, 30,000, 30.000, 30 000 and with no-break spaces.
std::vector<std::string> written_forms(int64_t figure) {
    const std::string digits = std::to_string(figure);
    std::vector<std::string> forms{digits};
    for (std::string_view separator : {",", ".", " ", "\xC2\xA0", "\xE2\x80\xAF", "'"}) {
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
    for (std::size_t at = text.find(form); at != std::string::npos; at = text.find(form, at + 1)) {
        const bool digit_before = at > 0 && is_digit(text[at - 1]);
        const std::size_t end = at + form.size();
        // "30,000," still counts; "30,0001" and "30,000,000" do not.
        const bool digit_after = end < text.size() &&
                                 (is_digit(text[end]) || (end + 1 < text.size() && (text[end] == ',' || text[end] == '.') &&
                                                          is_digit(text[end + 1])));
        if (!digit_before && !digit_after) return true;
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
    const Memorial& memorial = bundle.memorial;
    const std::string manifest = "manifest.toml";
    if (memorial.figure > 0) {
        bool stated = false;
        for (const std::string& form : detail::written_forms(memorial.figure))
            stated = stated || detail::contains_number(words, form);
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
