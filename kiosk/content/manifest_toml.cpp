// manifest.toml -> Manifest, Memorial and Sources, over toml++.
// toml++ is built with exceptions in Debian, so parse errors arrive as toml::parse_error and are
// turned into BadToml here; nothing leaves this file as an exception.
#include <algorithm>
#include <set>

#include <toml++/toml.h>

#include "content/bundle_internal.h"

namespace kiosk::content::detail {
namespace {

using core::FaultCode;

// The largest count the counter view is laid out for (eight digits); anything past it is a typo.
constexpr int64_t kMaxFigure = 100'000'000;

int line_of(const toml::node* node) {
    return node ? static_cast<int>(node->source().begin.line) : 0;
}
int column_of(const toml::node* node) {
    return node ? static_cast<int>(node->source().begin.column) : 0;
}

// Reads the fields of one table, remembering where the table is so that a missing field can
// point at least at its table.
class TableReader {
public:
    TableReader(const toml::table* table, std::string name, const std::string& file, std::vector<core::Fault>& faults)
        : table_(table), name_(std::move(name)), file_(file), faults_(faults) {}

    // Reads a string field into `out`; `required` empty or absent gives MissingField.
    void text(std::string_view key, std::string& out, bool required) {
        const toml::node* node = table_ ? table_->get(key) : nullptr;
        if (!node) {
            if (required) missing(key);
            return;
        }
        const auto* value = node->as_string();
        if (!value) {
            faults_.push_back(core::make_fault(FaultCode::BadField, file_, line_of(node), column_of(node),
                                               field(key) + " must be text in quotes"));
            return;
        }
        out = value->get();
        const std::size_t limit = key == "title" ? kMaxTitleCodepoints : kMaxFieldCodepoints;
        if (const std::size_t length = count_codepoints(out); length > limit)
            faults_.push_back(core::make_fault(FaultCode::FieldTooLong, file_, line_of(node), column_of(node),
                                               field(key) + " is " + std::to_string(length) +
                                                   " characters long; the kiosk has room for " +
                                                   std::to_string(limit)));
        if (required && out.find_first_not_of(" \t\r\n") == std::string::npos)
            faults_.push_back(core::make_fault(FaultCode::MissingField, file_, line_of(node), column_of(node),
                                               field(key) + " is empty; it is required"));
    }

    const toml::node* node(std::string_view key) const { return table_ ? table_->get(key) : nullptr; }

    void missing(std::string_view key) {
        faults_.push_back(core::make_fault(FaultCode::MissingField, file_, line_of(table_), 0,
                                           field(key) + " is missing; it is required"));
    }

    std::string field(std::string_view key) const { return name_ + "." + std::string(key); }

private:
    const toml::table* table_ = nullptr;
    std::string name_;
    const std::string& file_;
    std::vector<core::Fault>& faults_;
};

const toml::table* table_at(const toml::table& root, std::string_view key, const std::string& file,
                            std::vector<core::Fault>& faults) {
    const toml::node* node = root.get(key);
    if (!node) return nullptr;
    if (const auto* table = node->as_table()) return table;
    faults.push_back(core::make_fault(FaultCode::BadField, file, line_of(node), column_of(node),
                                      "[" + std::string(key) + "] must be a table"));
    return nullptr;
}

// A BCP 47 shape check only (letters, then subtags): enough to catch "English" or "en_GB".
bool looks_like_language_tag(std::string_view tag) {
    if (tag.empty()) return false;
    std::size_t start = 0;
    bool first = true;
    while (start <= tag.size()) {
        std::size_t end = tag.find('-', start);
        if (end == std::string_view::npos) end = tag.size();
        const std::string_view part = tag.substr(start, end - start);
        if (part.empty() || part.size() > 8) return false;
        for (char c : part) {
            const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            const bool digit = c >= '0' && c <= '9';
            if (!(letter || (!first && digit))) return false;
        }
        if (first && (part.size() < 2 || part.size() > 3)) return false;
        first = false;
        start = end + 1;
    }
    return true;
}

// The article must sit in the bundle directory itself: no paths, so a manifest cannot point
// the kiosk at files elsewhere on the card.
bool is_plain_file_name(std::string_view name) {
    return !name.empty() && name != "." && name != ".." && name.find_first_of("/\\") == std::string_view::npos &&
           name.find('\0') == std::string_view::npos;
}

void read_bundle_table(const toml::table& root, const std::string& file, std::vector<core::Fault>& faults,
                       ManifestData& data) {
    const toml::table* table = table_at(root, "bundle", file, faults);
    TableReader reader(table, "bundle", file, faults);
    Manifest& m = data.manifest;
    reader.text("id", m.id, true);
    reader.text("version", m.version, false);
    reader.text("title", m.title, true);
    std::string language;
    reader.text("language", language, true);
    if (!language.empty()) {
        m.language = language;
        if (!looks_like_language_tag(language)) {
            const toml::node* node = reader.node("language");
            faults.push_back(core::make_fault(FaultCode::BadField, file, line_of(node), column_of(node),
                                              "bundle.language must be a language tag such as \"en\" or \"fa-IR\""));
        }
    }
    reader.text("publisher", m.publisher, false);
    reader.text("credit", m.credit, true);
    std::string article;
    reader.text("article", article, false);
    if (reader.node("article")) {
        if (is_plain_file_name(article)) {
            m.article_file = article;
        } else {
            const toml::node* node = reader.node("article");
            faults.push_back(core::make_fault(FaultCode::BadField, file, line_of(node), column_of(node),
                                              "bundle.article must be a file name in the bundle folder, such as "
                                              "\"article.md\""));
        }
    }
}

void read_memorial_table(const toml::table& root, const std::string& file, std::vector<core::Fault>& faults,
                         ManifestData& data) {
    const toml::table* table = table_at(root, "memorial", file, faults);
    TableReader reader(table, "memorial", file, faults);
    Memorial& m = data.memorial;
    if (const toml::node* node = reader.node("figure")) {
        const auto* value = node->as_integer();
        if (!value || value->get() <= 0 || value->get() >= kMaxFigure) {
            faults.push_back(core::make_fault(FaultCode::BadFigure, file, line_of(node), column_of(node),
                                              "memorial.figure must be a whole number above 0 and below 100000000, "
                                              "written without quotes or separators"));
        } else {
            m.figure = value->get();
        }
    } else {
        reader.missing("figure");
    }
    reader.text("qualifier", m.qualifier, true);
    reader.text("caption", m.caption, true);
    reader.text("attribution", m.attribution, true);
    reader.text("remembrance", m.remembrance, false);
    reader.text("dates", m.dates, false);
}

void read_sources(const toml::table& root, const std::string& file, std::vector<core::Fault>& faults,
                  ManifestData& data) {
    const toml::node* node = root.get("sources");
    if (!node) return;
    const toml::array* array = node->as_array();
    if (!array) {
        faults.push_back(core::make_fault(FaultCode::BadField, file, line_of(node), column_of(node),
                                          "sources must be written as [[sources]] tables"));
        return;
    }
    std::set<std::string> seen;
    for (const toml::node& element : *array) {
        const toml::table* table = element.as_table();
        if (!table) {
            faults.push_back(core::make_fault(FaultCode::BadField, file, line_of(&element), column_of(&element),
                                              "each source must be a [[sources]] table"));
            continue;
        }
        TableReader reader(table, "sources", file, faults);
        Source source;
        reader.text("id", source.id, true);
        reader.text("who", source.who, true);
        reader.text("what", source.what, false);
        reader.text("when", source.when, false);
        reader.text("uses", source.uses, false);
        reader.text("url", source.url, false);
        if (!source.id.empty() && !seen.insert(source.id).second) {
            const toml::node* id = reader.node("id");
            faults.push_back(core::make_fault(FaultCode::DuplicateSource, file, line_of(id), column_of(id),
                                              "two sources have the id \"" + source.id + "\"; give each its own"));
        }
        // Keep even a broken source, so that citation numbers still match the manifest's order.
        data.sources.push_back(std::move(source));
        data.source_lines.push_back(line_of(table));
        if (data.sources.size() == kMaxSources + 1)
            faults.push_back(core::make_fault(FaultCode::TooManySources, file, line_of(table), column_of(table),
                                              "the manifest lists more than " + std::to_string(kMaxSources) +
                                                  " sources; the sources screen has room for " +
                                                  std::to_string(kMaxSources)));
    }
}

// The closest label key to a misspelt one, for the message ("stil_reading" -> "still_reading"):
// the key with the fewest single-character edits, when there are at most three.
std::string_view closest_label_key(std::string_view typo) {
    std::string_view best;
    std::size_t best_distance = 4;
    for (const LabelKey& entry : label_keys()) {
        const std::string_view key = entry.key;
        std::vector<std::size_t> row(key.size() + 1);
        for (std::size_t j = 0; j <= key.size(); ++j) row[j] = j;
        for (std::size_t i = 1; i <= typo.size(); ++i) {
            std::size_t diagonal = row[0];
            row[0] = i;
            for (std::size_t j = 1; j <= key.size(); ++j) {
                const std::size_t above = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (typo[i - 1] == key[j - 1] ? 0 : 1)});
                diagonal = above;
            }
        }
        if (row[key.size()] < best_distance) {
            best_distance = row[key.size()];
            best = key;
        }
    }
    return best;
}

// [labels]: the interface's words in the bundle's language. A key the kiosk does not know is an
// error, not a warning: a misspelt key would otherwise leave that word in English unnoticed.
void read_labels_table(const toml::table& root, const std::string& file, std::vector<core::Fault>& faults,
                       ManifestData& data) {
    const toml::table* table = table_at(root, "labels", file, faults);
    if (table) {
        for (const auto& [key, node] : *table) {
            const LabelKey* label = find_label_key(key.str());
            if (!label) {
                std::string message = "labels." + std::string(key.str()) + " is not a label the kiosk knows";
                if (const std::string_view near = closest_label_key(key.str()); !near.empty())
                    message += "; did you mean " + std::string(near) + "?";
                else
                    message += "; the labels are listed in the bundle guide (README.md)";
                faults.push_back(core::make_fault(FaultCode::UnknownLabel, file, line_of(&node), column_of(&node),
                                                  std::move(message)));
                continue;
            }
            const auto* value = node.as_string();
            if (!value) {
                faults.push_back(core::make_fault(FaultCode::BadField, file, line_of(&node), column_of(&node),
                                                  "labels." + std::string(key.str()) + " must be text in quotes"));
                continue;
            }
            const std::string& text = value->get();
            if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
                faults.push_back(core::make_fault(FaultCode::MissingField, file, line_of(&node), column_of(&node),
                                                  "labels." + std::string(key.str()) +
                                                      " is empty; leave the line out to keep the English word"));
                continue;
            }
            if (const std::size_t length = count_codepoints(text); length > kMaxLabelCodepoints) {
                faults.push_back(core::make_fault(FaultCode::FieldTooLong, file, line_of(&node), column_of(&node),
                                                  "labels." + std::string(key.str()) + " is " + std::to_string(length) +
                                                      " characters long; a label has room for " +
                                                      std::to_string(kMaxLabelCodepoints)));
                continue;
            }
            data.labels.*label->field = text;
        }
    }
    // Words left in English on a page in another language: the screen still works, so a warning.
    // A tag that is not one has its own error, and says nothing about the language.
    if (is_english(data.manifest.language) || !looks_like_language_tag(data.manifest.language)) return;
    const std::vector<std::string_view> left = labels_left_in_english(data.labels);
    if (left.empty()) return;
    std::string list;
    for (std::string_view key : left) list += (list.empty() ? "" : ", ") + std::string(key);
    const toml::node* at = table ? static_cast<const toml::node*>(table) : root.at_path("bundle.language").node();
    faults.push_back(core::make_fault(
        FaultCode::LabelsNotTranslated, file, line_of(at), table ? 0 : column_of(at),
        "the bundle's language is \"" + data.manifest.language + "\" but " + std::to_string(left.size()) + " of " +
            std::to_string(label_keys().size()) + " interface words are still English (" + list +
            "); give them in the bundle's language in the manifest's [labels] table"));
}

}  // namespace

ManifestData parse_manifest(std::string_view text, const std::string& file, std::vector<core::Fault>& faults) {
    ManifestData data;
    toml::table root;
    try {
        root = toml::parse(text, file);
    } catch (const toml::parse_error& error) {
        faults.push_back(core::make_fault(FaultCode::BadToml, file, static_cast<int>(error.source().begin.line),
                                          static_cast<int>(error.source().begin.column),
                                          "the manifest is not valid TOML: " + std::string(error.description())));
        return data;
    }
    data.parsed = true;
    read_bundle_table(root, file, faults, data);
    read_memorial_table(root, file, faults, data);
    read_sources(root, file, faults, data);
    read_labels_table(root, file, faults, data);
    return data;
}

std::string manifest_article_name(std::string_view text) {
    const std::string fallback = Manifest{}.article_file;
    try {
        const toml::table root = toml::parse(text);
        if (auto name = root["bundle"]["article"].value<std::string>(); name && is_plain_file_name(*name))
            return *name;
    } catch (...) {
        // parse_manifest reports the broken TOML; here the default name is the best guess.
    }
    return fallback;
}

}  // namespace kiosk::content::detail
