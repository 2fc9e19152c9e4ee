// The bundle's public functions: checks every file, runs the manifest and article readers, joins
// citations to sources, and reads bundles from a directory or from the binary.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "content/bundle_internal.h"
#include "core/embedded.h"

namespace kiosk::content {
namespace {

using core::FaultCode;
namespace fs = std::filesystem;

constexpr std::string_view kManifestFile = "manifest.toml";
constexpr std::string_view kBuiltinPrefix = "content/";

std::string fnv1a_hex(const BundleFiles& files) {
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (const auto& [name, bytes] : files)
        for (unsigned char c : bytes) {
            hash ^= c;
            hash *= 0x100000001b3ULL;
        }
    char out[17] = {};
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
    return out;
}

// Size, UTF-8 and BOM checks shared by every file; empty optional-like result when unusable.
bool check_file(std::string_view bytes, const std::string& name, std::vector<core::Fault>& faults,
                std::string_view& text) {
    if (bytes.size() > detail::kMaxFileBytes) {
        faults.push_back(core::make_fault(FaultCode::FileTooLarge, name, 0, 0,
                                          "the file is larger than 1 MiB; an article this long is not meant for "
                                          "the kiosk"));
        return false;
    }
    if (!detail::check_utf8(bytes, name, faults)) return false;
    text = detail::strip_bom(bytes, name, faults);
    detail::check_controls(text, name, faults);
    return true;
}

// Faults in file order: the manifest first, then the article, each by line.
void sort_faults(std::vector<core::Fault>& faults, const std::string& article_file) {
    const auto rank = [&](const core::Fault& f) {
        if (f.file.empty()) return 0;
        if (f.file == kManifestFile) return 1;
        if (f.file == article_file) return 2;
        return 3;
    };
    std::stable_sort(faults.begin(), faults.end(), [&](const core::Fault& a, const core::Fault& b) {
        if (rank(a) != rank(b)) return rank(a) < rank(b);
        if (a.file != b.file) return a.file < b.file;
        return a.line < b.line;
    });
}

uint64_t fnv1a(uint64_t hash, std::string_view bytes) {
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

// FNV-1a 64 over one language's two files (those present), hex.
std::string language_hash(const BundleFiles& files, const std::string& manifest, const std::string& article) {
    uint64_t hash = 0xcbf29ce484222325ULL;
    for (const std::string* name : {&manifest, &article})
        if (auto it = files.find(*name); it != files.end()) hash = fnv1a(hash, it->second);
    char out[17] = {};
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
    return out;
}

const char* kind_name(BlockKind kind) {
    switch (kind) {
    case BlockKind::SectionLabel: return "a section label (######)";
    case BlockKind::Headline: return "the headline (#)";
    case BlockKind::Standfirst: return "the standfirst (>)";
    case BlockKind::Paragraph: return "a paragraph";
    case BlockKind::Subheading: return "a subheading (##)";
    case BlockKind::Byline: return "the byline";
    case BlockKind::Credit: return "a credit line";
    case BlockKind::Figure: return "a photograph";
    }
    return "a block";
}

// One language's manifest and article, parsed.
struct LanguageParse {
    Bundle bundle;
    std::vector<bool> cited;           // per source of the bundle (the default language's order)
    bool article_read = false;
    detail::ManifestData manifest;
    std::string manifest_name;
};

// Reads manifest `manifest_name` and its article; `translation` empty for the default language.
LanguageParse parse_language(const BundleFiles& files, const std::string& manifest_name, std::string_view translation,
                             const LanguageParse* main, const std::set<std::string>& reported,
                             std::vector<core::Fault>& faults) {
    LanguageParse out;
    out.manifest_name = manifest_name;
    Bundle& bundle = out.bundle;
    if (auto it = files.find(manifest_name); it != files.end()) {
        std::string_view text;
        if (check_file(it->second, manifest_name, faults, text))
            out.manifest = detail::parse_manifest(text, manifest_name, faults, translation);
    } else if (!reported.count(manifest_name)) {
        faults.push_back(core::make_fault(FaultCode::FileMissing, manifest_name, 0, 0,
                                          translation.empty() ? "the bundle has no manifest.toml"
                                                              : "manifest.toml lists the translation \"" +
                                                                    std::string(translation) + "\" but the bundle has no " +
                                                                    manifest_name));
    }
    if (!translation.empty() && !out.manifest.parsed) {
        // Also when its manifest is missing or broken: its own article, never the default's.
        out.manifest.manifest.language = std::string(translation);
        out.manifest.manifest.article_file = translation_article_name(translation);
    }
    bundle.manifest = out.manifest.manifest;
    bundle.memorial = out.manifest.memorial;
    bundle.labels = out.manifest.labels;
    if (!main) {
        bundle.sources = out.manifest.sources;
    } else {
        // The bundle's sources, in its order, with this language's words; the ids (and so the
        // citation numbers) are the bundle's.
        const Bundle& base = main->bundle;
        bundle.manifest.id = base.manifest.id;
        bundle.manifest.version = base.manifest.version;
        bundle.memorial.figure = base.memorial.figure;
        if (out.manifest.figure_line > 0 && out.manifest.memorial.figure != base.memorial.figure)
            faults.push_back(core::make_fault(FaultCode::TranslationMismatch, manifest_name, out.manifest.figure_line, 0,
                                              "memorial.figure is " + std::to_string(out.manifest.memorial.figure) +
                                                  " here but " + std::to_string(base.memorial.figure) +
                                                  " in manifest.toml; every language shows the same figure (leave it "
                                                  "out here)"));
        const std::vector<Source>& own = out.manifest.sources;
        for (size_t i = 0; i < own.size(); ++i) {
            const bool known = std::any_of(base.sources.begin(), base.sources.end(),
                                           [&](const Source& s) { return s.id == own[i].id; });
            if (!known && !own[i].id.empty())
                faults.push_back(core::make_fault(FaultCode::TranslationMismatch, manifest_name, out.manifest.source_lines[i],
                                                  0, "the source \"" + own[i].id + "\" is not in manifest.toml; a "
                                                     "translation gives the words of the bundle's sources, by their ids"));
        }
        const bool parsed = out.manifest.parsed;
        for (const Source& source : base.sources) {
            const auto found = std::find_if(own.begin(), own.end(), [&](const Source& s) { return s.id == source.id; });
            if (found == own.end()) {
                if (parsed && !source.id.empty())
                    faults.push_back(core::make_fault(FaultCode::TranslationMismatch, manifest_name, 0, 0,
                                                      "the source \"" + source.id + "\" of manifest.toml has no "
                                                      "[[sources]] block here; give its who, what and uses in this "
                                                      "language"));
                bundle.sources.push_back(source);  // its words in the default language, so numbers still match
                continue;
            }
            Source translated = *found;
            if (translated.url.empty()) translated.url = source.url;  // an address is the same in every language
            bundle.sources.push_back(std::move(translated));
        }
    }

    const std::string& article_name = bundle.manifest.article_file;
    out.cited.assign(bundle.sources.size(), false);
    if (auto it = files.find(article_name); it != files.end()) {
        std::string_view text;
        if (check_file(it->second, article_name, faults, text)) {
            bundle.article = detail::parse_article(text, article_name, bundle.sources, out.cited, faults);
            out.article_read = true;
        }
    } else if (!reported.count(article_name)) {
        faults.push_back(core::make_fault(FaultCode::FileMissing, article_name, 0, 0,
                                          "the article file " + article_name + " named in " + manifest_name +
                                              " is missing"));
    }
    bundle.language_hash = language_hash(files, manifest_name, article_name);
    return out;
}

// Translations keep the article's blocks one for one: switching language keeps the reader's
// place by block, so a missing or extra paragraph would move them.
void compare_blocks(const LanguageParse& main, const LanguageParse& translation, std::vector<core::Fault>& faults) {
    const std::vector<Block>& a = main.bundle.article;
    const std::vector<Block>& b = translation.bundle.article;
    const std::string& main_file = main.bundle.manifest.article_file;
    const std::string& file = translation.bundle.manifest.article_file;
    const std::string rule = "; a translation keeps the article's paragraphs, headings and lines one for one";
    for (size_t i = 0; i < a.size() && i < b.size(); ++i)
        if (a[i].kind != b[i].kind) {
            faults.push_back(core::make_fault(FaultCode::TranslationMismatch, file, b[i].line, 0,
                                              "block " + std::to_string(i + 1) + " is " + kind_name(b[i].kind) +
                                                  " here but " + kind_name(a[i].kind) + " in " + main_file + " (line " +
                                                  std::to_string(a[i].line) + ")" + rule));
            return;
        }
    if (a.size() != b.size()) {
        const int line = b.size() > a.size() ? b[a.size()].line : (b.empty() ? 0 : b.back().line);
        faults.push_back(core::make_fault(FaultCode::TranslationMismatch, file, line, 0,
                                          file + " has " + std::to_string(b.size()) + " blocks and " + main_file + " " +
                                              std::to_string(a.size()) + (b.size() > a.size() ? ": this is the first extra one" : "") +
                                              rule));
    }
}

// Each fault in a language's files says which language it is in (--json lists them by language).
void tag_languages(std::vector<core::Fault>& faults, const std::vector<const LanguageParse*>& languages) {
    for (core::Fault& fault : faults)
        for (const LanguageParse* language : languages)
            if (fault.language.empty() && !fault.file.empty() &&
                (fault.file == language->manifest_name || fault.file == language->bundle.manifest.article_file))
                fault.language = language->bundle.manifest.language;
}

// `reported`: files whose absence or trouble the caller has already reported (reading from disk).
LoadResult parse_files(const BundleFiles& files, std::string_view origin, const std::set<std::string>& reported,
                       std::vector<core::Fault> faults) {
    LoadResult result;
    const std::string manifest_name(kManifestFile);
    LanguageParse main = parse_language(files, manifest_name, {}, nullptr, reported, faults);
    std::vector<LanguageParse> translations;
    for (const std::string& tag : main.manifest.translations) {
        translations.push_back(parse_language(files, translation_manifest_name(tag), tag, &main, reported, faults));
        if (main.article_read && translations.back().article_read) compare_blocks(main, translations.back(), faults);
    }

    // A source is unused when no language cites it; cited in one language but not another, the
    // translations disagree.
    std::vector<const LanguageParse*> all{&main};
    for (const LanguageParse& translation : translations) all.push_back(&translation);
    const std::vector<Source>& sources = main.bundle.sources;
    for (size_t i = 0; i < sources.size(); ++i) {
        if (sources[i].id.empty()) continue;
        const LanguageParse* citing = nullptr;
        for (const LanguageParse* language : all)
            if (language->article_read && language->cited[i]) citing = citing ? citing : language;
        if (!citing) {
            if (main.article_read)
                faults.push_back(core::make_fault(FaultCode::UnusedSource, manifest_name, main.manifest.source_lines[i], 0,
                                                  "no [^" + sources[i].id + "] marker in the article cites this source"));
            continue;
        }
        for (const LanguageParse* language : all)
            if (language->article_read && !language->cited[i]) {
                faults.push_back(core::make_fault(
                    FaultCode::CitationMismatch, language->bundle.manifest.article_file, 0, 0,
                    "no [^" + sources[i].id + "] marker cites the source \"" + sources[i].id + "\" here, but " +
                        citing->bundle.manifest.article_file + " cites it; every language cites the same sources"));
            }
    }
    tag_languages(faults, all);

    Bundle& bundle = result.bundle;
    bundle = std::move(main.bundle);
    bundle.origin = std::string(origin);
    bundle.hash = fnv1a_hex(files);
    std::vector<std::string> languages{bundle.manifest.language};
    for (const LanguageParse& translation : translations) languages.push_back(translation.bundle.manifest.language);
    bundle.manifest.languages = languages;
    for (LanguageParse& translation : translations) {
        translation.bundle.manifest.languages = languages;
        translation.bundle.origin = bundle.origin;
        translation.bundle.hash = bundle.hash;
        bundle.translations.push_back(std::move(translation.bundle));
    }

    sort_faults(faults, bundle.manifest.article_file);
    result.files = files;
    result.usable = !core::has_errors(faults);
    result.faults = std::move(faults);
    return result;
}

LoadResult internal_failure(std::string_view origin, std::string what) {
    LoadResult result;
    result.bundle.origin = std::string(origin);
    result.faults.push_back(core::make_fault(FaultCode::FileUnreadable, "", 0, 0, std::move(what)));
    return result;
}

enum class ReadStatus { Ok, Missing, Unreadable, TooLarge };

ReadStatus read_file(const fs::path& path, std::string& out) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    // A dangling symlink is missing; a symlink loop or a folder we may not search is unreadable.
    if (ec) return ec == std::errc::no_such_file_or_directory ? ReadStatus::Missing : ReadStatus::Unreadable;
    if (!fs::exists(status)) return ReadStatus::Missing;
    if (!fs::is_regular_file(status)) return ReadStatus::Unreadable;
    const uintmax_t size = fs::file_size(path, ec);
    if (ec) return ReadStatus::Unreadable;
    if (size > detail::kMaxFileBytes) return ReadStatus::TooLarge;  // not even read: it could be huge
    std::ifstream in(path, std::ios::binary);
    if (!in) return ReadStatus::Unreadable;
    out.assign(static_cast<std::size_t>(size), '\0');
    in.read(out.data(), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size)) return ReadStatus::Unreadable;
    return ReadStatus::Ok;
}

// Reads one bundle file into `files`; on trouble adds the fault and marks the file reported.
void read_into(const fs::path& dir, const std::string& name, BundleFiles& files, std::set<std::string>& reported,
               std::vector<core::Fault>& faults) {
    std::string bytes;
    switch (read_file(dir / name, bytes)) {
    case ReadStatus::Ok: files[name] = std::move(bytes); return;
    case ReadStatus::Missing:
        faults.push_back(core::make_fault(FaultCode::FileMissing, name, 0, 0, name + " is not in the bundle folder"));
        break;
    case ReadStatus::Unreadable:
        faults.push_back(core::make_fault(FaultCode::FileUnreadable, name, 0, 0,
                                          name + " is not a regular file or cannot be read (check permissions)"));
        break;
    case ReadStatus::TooLarge:
        faults.push_back(core::make_fault(FaultCode::FileTooLarge, name, 0, 0,
                                          name + " is larger than 1 MiB; an article this long is not meant for "
                                                 "the kiosk"));
        break;
    }
    reported.insert(name);
}

void append_line(std::string& out, std::string_view text) {
    if (text.empty()) return;
    out += text;
    out += '\n';
}

}  // namespace

LoadResult parse_bundle(const BundleFiles& files, std::string_view origin) {
    try {
        return parse_files(files, origin, {}, {});
    } catch (const std::exception& error) {
        return internal_failure(origin, std::string("the bundle could not be parsed: ") + error.what());
    } catch (...) {
        return internal_failure(origin, "the bundle could not be parsed");
    }
}

LoadResult load_bundle_dir(const std::string& dir) {
    try {
        std::error_code ec;
        const fs::path root(dir);
        if (!fs::is_directory(root, ec)) {
            LoadResult result;
            result.bundle.origin = dir;
            std::string why = "does not exist";
            if (ec == std::errc::too_many_symbolic_link_levels) why = "is a symbolic link that leads round in a loop";
            else if (!ec && fs::exists(root, ec)) why = "is a file, not a folder";
            else if (ec && ec != std::errc::no_such_file_or_directory) why = "cannot be reached (" + ec.message() + ")";
            result.faults.push_back(core::make_fault(FaultCode::BundleMissing, "", 0, 0,
                                                     "the bundle folder " + dir + " " + why));
            return result;
        }
        BundleFiles files;
        std::set<std::string> reported;
        std::vector<core::Fault> faults;
        const std::string manifest_name(kManifestFile);
        read_into(root, manifest_name, files, reported, faults);
        std::string article_name = Manifest{}.article_file;
        if (auto it = files.find(manifest_name); it != files.end()) {
            std::vector<core::Fault> ignored;  // parse_files reports these once, properly
            std::string_view text = it->second;
            if (detail::check_utf8(text, manifest_name, ignored))
                article_name = detail::manifest_article_name(detail::strip_bom(text, manifest_name, ignored));
        }
        read_into(root, article_name, files, reported, faults);
        // Each translation's manifest, then the article it names.
        std::vector<std::string> translations;
        if (auto it = files.find(manifest_name); it != files.end()) {
            std::vector<core::Fault> ignored;
            if (detail::check_utf8(it->second, manifest_name, ignored))
                translations = detail::manifest_translations(detail::strip_bom(it->second, manifest_name, ignored));
        }
        for (const std::string& tag : translations) {
            const std::string name = translation_manifest_name(tag);
            read_into(root, name, files, reported, faults);
            std::string translated_article = translation_article_name(tag);
            if (auto it = files.find(name); it != files.end()) {
                std::vector<core::Fault> ignored;
                if (detail::check_utf8(it->second, name, ignored))
                    translated_article =
                        detail::manifest_article_name(detail::strip_bom(it->second, name, ignored), translated_article);
            }
            if (!files.count(translated_article)) read_into(root, translated_article, files, reported, faults);
        }
        return parse_files(files, dir, reported, std::move(faults));
    } catch (const std::exception& error) {
        return internal_failure(dir, std::string("the bundle could not be read: ") + error.what());
    } catch (...) {
        return internal_failure(dir, "the bundle could not be read");
    }
}

LoadResult load_builtin_bundle() {
    try {
        BundleFiles files;
        for (const core::EmbeddedFile& file : core::embedded_files())
            if (file.path.substr(0, kBuiltinPrefix.size()) == kBuiltinPrefix)
                files[std::string(file.path.substr(kBuiltinPrefix.size()))] = std::string(file.bytes);
        return parse_files(files, "built-in", {}, {});
    } catch (const std::exception& error) {
        return internal_failure("built-in", std::string("the built-in bundle could not be parsed: ") + error.what());
    } catch (...) {
        return internal_failure("built-in", "the built-in bundle could not be parsed");
    }
}

std::string visible_text(const Bundle& bundle) {
    std::string out;
    try {
        for (const Block& block : bundle.article) {
            for (const Span& span : block.spans) append_line(out, span.text);
            append_line(out, block.figure.credit);  // a photograph's credit and alt text show in full screen
            append_line(out, block.figure.alt);
        }
        const Manifest& m = bundle.manifest;
        for (std::string_view text : {std::string_view(m.title), std::string_view(m.credit), std::string_view(m.publisher)})
            append_line(out, text);
        const Memorial& mem = bundle.memorial;
        for (const std::string* text : {&mem.qualifier, &mem.caption, &mem.attribution, &mem.remembrance, &mem.dates})
            append_line(out, *text);
        for (const Source& s : bundle.sources)
            for (const std::string* text : {&s.who, &s.what, &s.when, &s.uses, &s.url}) append_line(out, *text);
        for (const LabelKey& label : label_keys()) append_line(out, bundle.labels.*label.field);
        // The counter formats its number at run time, with separators that depend on the language;
        // these must be covered even when the text happens not to contain them. U+00A0 and U+202F
        // are the no-break spaces some languages group digits with.
        out += "0123456789,. \xC2\xA0\xE2\x80\xAF";
    } catch (...) {
        // Out of memory: the coverage check then sees less text, and a missing glyph shows as a box.
    }
    return out;
}

std::string translation_manifest_name(std::string_view language) {
    return "manifest." + std::string(language) + ".toml";
}

std::string translation_article_name(std::string_view language) {
    return "article." + std::string(language) + ".md";
}

namespace {

// "fa_IR" -> "fa-ir": tags compare ignoring case, '_' read as '-'.
std::string folded(std::string_view tag) {
    std::string out;
    for (char c : tag) out += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string match_language(const Bundle& bundle, std::string_view language) {
    const std::vector<std::string>& tags = bundle.manifest.languages;
    const std::string wanted = folded(language);
    if (wanted.empty()) return "";
    for (const std::string& tag : tags)
        if (folded(tag) == wanted) return tag;
    const std::string primary = wanted.substr(0, wanted.find('-'));
    for (const std::string& tag : tags)
        if (folded(tag).substr(0, folded(tag).find('-')) == primary) return tag;
    return "";
}

Bundle in_language(const Bundle& bundle, std::string_view language, bool* found) {
    const std::string tag = match_language(bundle, language);
    if (found) *found = !tag.empty();
    if (tag.empty() || tag == bundle.manifest.language) return bundle;
    // Every language side by side, then the one asked for on top and the rest in the bundle's order.
    std::vector<const Bundle*> all{&bundle};
    for (const Bundle& translation : bundle.translations) all.push_back(&translation);
    Bundle out;
    for (const Bundle* one : all)
        if (one->manifest.language == tag) {
            out = *one;
            out.translations.clear();
        }
    for (const std::string& other : bundle.manifest.languages)
        for (const Bundle* one : all)
            if (one->manifest.language == other && other != tag) {
                out.translations.push_back(*one);
                out.translations.back().translations.clear();
            }
    return out;
}

std::string block_text(const Block& block) {
    std::string out;
    for (const Span& span : block.spans)
        if (span.citation == 0 && span.citation_id.empty()) out += span.text;
    return out;
}

}  // namespace kiosk::content
