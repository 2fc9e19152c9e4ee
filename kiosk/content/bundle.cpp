// The bundle's public functions: checks every file, runs the manifest and article readers, joins
// citations to sources, and reads bundles from a directory or from the binary.
#include <algorithm>
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

// `reported`: files whose absence or trouble the caller has already reported (reading from disk).
LoadResult parse_files(const BundleFiles& files, std::string_view origin, const std::set<std::string>& reported,
                       std::vector<core::Fault> faults) {
    LoadResult result;
    Bundle& bundle = result.bundle;
    bundle.origin = std::string(origin);
    bundle.hash = fnv1a_hex(files);

    const std::string manifest_name(kManifestFile);
    detail::ManifestData manifest;
    if (auto it = files.find(manifest_name); it != files.end()) {
        std::string_view text;
        if (check_file(it->second, manifest_name, faults, text)) manifest = detail::parse_manifest(text, manifest_name, faults);
    } else if (!reported.count(manifest_name)) {
        faults.push_back(core::make_fault(FaultCode::FileMissing, manifest_name, 0, 0,
                                          "the bundle has no manifest.toml"));
    }
    bundle.manifest = manifest.manifest;
    bundle.memorial = manifest.memorial;
    bundle.sources = manifest.sources;
    bundle.labels = manifest.labels;

    const std::string& article_name = bundle.manifest.article_file;
    std::vector<bool> cited(bundle.sources.size(), false);
    bool article_read = false;
    if (auto it = files.find(article_name); it != files.end()) {
        std::string_view text;
        if (check_file(it->second, article_name, faults, text)) {
            bundle.article = detail::parse_article(text, article_name, bundle.sources, cited, faults);
            article_read = true;
        }
    } else if (!reported.count(article_name)) {
        faults.push_back(core::make_fault(FaultCode::FileMissing, article_name, 0, 0,
                                          "the article file " + article_name + " named in manifest.toml is missing"));
    }

    // Only meaningful when the article could be read: otherwise every source would look unused.
    if (article_read)
        for (std::size_t i = 0; i < bundle.sources.size(); ++i)
            if (!cited[i] && !bundle.sources[i].id.empty())
                faults.push_back(core::make_fault(FaultCode::UnusedSource, manifest_name, manifest.source_lines[i], 0,
                                                  "no [^" + bundle.sources[i].id + "] marker in the article cites "
                                                  "this source"));

    sort_faults(faults, article_name);
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

std::string block_text(const Block& block) {
    std::string out;
    for (const Span& span : block.spans)
        if (span.citation == 0 && span.citation_id.empty()) out += span.text;
    return out;
}

}  // namespace kiosk::content
