// Pieces of the bundle parser shared by its .cpp files; not part of the public interface.
// Byte-level checks (size, UTF-8, BOM), offset -> line/column, the manifest reader and the
// Markdown reader. Each appends faults and never throws. Does NOT read files from disk.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "content/bundle.h"

namespace kiosk::content::detail {

// Anything bigger is not an article a visitor reads standing up; refusing it also keeps a stray
// copied video from eating the Pi's memory.
constexpr std::size_t kMaxFileBytes = 1024 * 1024;

// Limits on what parses but could not be shown well; assets/content/README.md gives them to the
// curator. A long read is about 50,000 characters; laying out much more takes seconds on a Pi.
constexpr std::size_t kMaxArticleCodepoints = 200'000;
constexpr std::size_t kMaxSources = 99;          // citation superscripts have room for two digits
constexpr std::size_t kMaxTitleCodepoints = 300; // the title is centred on the fallback screen
constexpr std::size_t kMaxFieldCodepoints = 2000;  // any other manifest text: a caption, not a chapter
constexpr std::size_t kMaxLabelCodepoints = 80;  // a label sits on a button or a card's line
constexpr int kMaxNesting = 8;                   // quotes and lists inside each other

struct TextPos {
    int line = 0;                      // 1-based; 0 when unknown
    int column = 0;                    // 1-based, in code points; 0 when unknown
};

// Maps byte offsets of one text to line and column. CRLF counts as one line end.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    TextPos at(std::size_t offset) const;
    // Offset of the first byte of a 1-based line (clamped to the text).
    std::size_t line_start(int line) const;

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;  // offset of the first byte of each line
};

// True when `bytes` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
// Otherwise adds BadUtf8 at the first bad byte.
bool check_utf8(std::string_view bytes, const std::string& file, std::vector<core::Fault>& faults);

// The text without a leading UTF-8 BOM; adds ByteOrderMark when there was one.
std::string_view strip_bom(std::string_view bytes, const std::string& file, std::vector<core::Fault>& faults);

struct ManifestData {
    Manifest manifest;
    Memorial memorial;
    std::vector<Source> sources;
    Labels labels;                     // English defaults where [labels] gives none
    std::vector<int> source_lines;     // line of each source's [[sources]] table, for UnusedSource
    bool parsed = false;               // false: the TOML itself was broken
};

ManifestData parse_manifest(std::string_view text, const std::string& file, std::vector<core::Fault>& faults);

// The article file the manifest names, or the default when it names none or cannot be read.
// Reports nothing: parse_manifest reports the same problems when the bundle is parsed.
std::string manifest_article_name(std::string_view text);

// Code points in well-formed UTF-8 (counts lead bytes).
std::size_t count_codepoints(std::string_view text);

// Control characters other than tab and line ends: a NUL usually means a UTF-16 file. Adds one
// ControlCharacter at the first one.
void check_controls(std::string_view text, const std::string& file, std::vector<core::Fault>& faults);

// `cited` has one flag per source and is set for every source a marker names.
std::vector<Block> parse_article(std::string_view text, const std::string& file, const std::vector<Source>& sources,
                                 std::vector<bool>& cited, std::vector<core::Fault>& faults);

}  // namespace kiosk::content::detail
