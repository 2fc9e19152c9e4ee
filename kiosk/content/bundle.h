// The content bundle: one article, a memorial figure and the sources the article cites.
// Parses a bundle (manifest.toml + article Markdown) into plain data. Collects every problem as a
// Fault with file, line and column and never throws. Does NOT touch GL, ImGui, fonts or the clock.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "content/labels.h"
#include "core/fault.h"

namespace kiosk::content {

// What a block of the article is, as the article view sets it.
enum class BlockKind {
    SectionLabel,  // the kicker above the headline (Markdown: `###### label`)
    Headline,      // `# headline`
    Standfirst,    // the first `> quote` after the headline
    Paragraph,     // body text
    Subheading,    // `##` .. `#####` inside the body
    Byline,        // first paragraph after `---`
    Credit,        // paragraphs after the byline (the publisher's copyright line)
    Figure,        // a photograph: a paragraph that starts with `![alt](file "credit")`; spans: its caption
};

enum class SpanStyle { Regular, Emphasis, Strong };

// A run of text in one style. A citation marker `[^id]` becomes its own span with citation > 0;
// its text is the number as the reader sees it ("3"), or "" when the id names no source.
struct Span {
    std::string text;                  // UTF-8, whitespace already collapsed to single spaces
    SpanStyle style = SpanStyle::Regular;
    int citation = 0;                  // 1-based number of the cited source; 0: ordinary text
    std::string citation_id;           // the id written in the marker (kept even when unknown)
};

// A photograph (assets/content/README.md, "Photographs"). The caption is the block's spans.
struct Figure {
    std::string file;                  // bundle-relative path, as written
    std::string alt;                   // what the picture shows, for who cannot see it (WCAG 1.1.1)
    std::string credit;                // photographer or rights holder, shown with the picture
    int width = 0, height = 0;         // as shown (EXIF orientation applied); 0 until the validator reads the header
    bool broken = false;               // the validator found it unusable: a placeholder is shown
};

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    std::vector<Span> spans;
    int line = 0;                      // 1-based line in the article file, for faults
    Figure figure;                     // kind Figure only
};

struct Source {
    std::string id;                    // what markers name: [^id]
    std::string who;                   // author or organisation
    std::string what;                  // the work: report, op-ed, recording
    std::string when;                  // as the article gives it; may be empty
    std::string uses;                  // what the article takes from it
    std::string url;                   // optional web address; empty when none is known
};

// The memorial figure: an estimate, never shown without its qualifier and attribution.
struct Memorial {
    int64_t figure = 0;                // the number the counter reaches
    std::string qualifier;             // words that stay with the number, e.g. "More than"
    std::string caption;               // what the number counts
    std::string attribution;           // where the figure comes from
    std::string remembrance;           // a line of remembrance from the article
    std::string dates;                 // the date range, as words
};

struct Manifest {
    std::string id;                    // stable identity of the bundle
    std::string version;               // curator's version of the bundle
    std::string title;                 // short title (fallback screen, window title)
    std::string language = "en";       // BCP 47 tag of the text
    std::string publisher;             // who published the article
    std::string credit;                // copyright / credit line
    std::string article_file = "article.md";
};

struct Bundle {
    Manifest manifest;
    std::vector<Block> article;
    std::vector<Source> sources;       // in manifest order; citation numbers index this (1-based)
    Memorial memorial;
    Labels labels;                     // the interface's words in the bundle's language
    std::string origin;                // "built-in" or the directory it came from
    std::string hash;                  // FNV-1a 64 of the files' bytes, hex: identifies the content
};

// The files of a bundle, by name relative to the bundle root ("manifest.toml", "article.md").
using BundleFiles = std::map<std::string, std::string>;

struct LoadResult {
    Bundle bundle;
    std::vector<core::Fault> faults;   // every problem found, in file order
    bool usable = false;               // false: an error means the bundle must not be shown
    BundleFiles files;                 // the bytes that were parsed, for checks that point into them
};

// Parses a bundle held in memory. `origin` is used in faults and stored in the bundle.
LoadResult parse_bundle(const BundleFiles& files, std::string_view origin);

// Reads manifest.toml and the article it names from `dir`, then parses them.
// A missing or unreadable directory or file gives a fault, never an exception.
LoadResult load_bundle_dir(const std::string& dir);

// The bundle compiled into the binary.
LoadResult load_builtin_bundle();

// Where `needle` first occurs in the bundle's files (the manifest first, then the others): for
// faults about text that parsed well (a character no font has). line 0 when it is nowhere.
struct TextLocation {
    std::string file;                  // bundle-relative name; "" when not found
    int line = 0;                      // 1-based
    int column = 0;                    // 1-based, in code points
};
TextLocation find_text(const BundleFiles& files, std::string_view needle);

// Checks that judge wording rather than form, so parse_bundle leaves them to the validator: the
// memorial figure is stated in the article, and the remembrance line quotes it word for word.
// Warnings only (FigureNotInArticle, NotVerbatim); empty when the bundle is not usable.
std::vector<core::Fault> check_wording(const LoadResult& loaded);

// All the text a reader can see in the bundle (for glyph coverage).
std::string visible_text(const Bundle& bundle);

// Plain text of a block without citation markers.
std::string block_text(const Block& block);

}  // namespace kiosk::content
