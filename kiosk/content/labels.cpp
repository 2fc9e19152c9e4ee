#include "content/labels.h"

#include <cctype>

namespace kiosk::content {

const std::vector<LabelKey>& label_keys() {
    static const std::vector<LabelKey> keys = {
        {"article", &Labels::article},
        {"memorial", &Labels::memorial},
        {"sources", &Labels::sources},
        {"close", &Labels::close},
        {"source_unavailable", &Labels::source_unavailable},
        {"text_size", &Labels::text_size},
        {"high_contrast", &Labels::high_contrast},
        {"less_motion", &Labels::less_motion},
        {"done", &Labels::done},
        {"still_reading", &Labels::still_reading},
        {"touch_to_continue", &Labels::touch_to_continue},
        {"returns_to_start", &Labels::returns_to_start},
        {"keep_reading", &Labels::keep_reading},
        {"touch_to_read", &Labels::touch_to_read},
        {"language_name", &Labels::language_name},
    };
    return keys;
}

const LabelKey* find_label_key(std::string_view key) {
    for (const LabelKey& entry : label_keys())
        if (entry.key == key) return &entry;
    return nullptr;
}

bool is_english(std::string_view language) {
    const std::string_view primary = language.substr(0, language.find_first_of("-_"));
    return primary.size() == 2 && std::tolower(static_cast<unsigned char>(primary[0])) == 'e' &&
           std::tolower(static_cast<unsigned char>(primary[1])) == 'n';
}

std::vector<std::string_view> labels_left_in_english(const Labels& labels) {
    static const Labels english;
    std::vector<std::string_view> left;
    for (const LabelKey& entry : label_keys())
        if (labels.*entry.field == english.*entry.field) left.push_back(entry.key);
    return left;
}

}  // namespace kiosk::content
