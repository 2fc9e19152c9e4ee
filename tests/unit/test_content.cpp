// The content bundle: the built-in bundle, the article kept verbatim, and every fault a curator can
// cause. Asserts on fault codes, never on message text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "content/bundle.h"

using kiosk::content::Block;
using kiosk::content::BlockKind;
using kiosk::content::BundleFiles;
using kiosk::content::LoadResult;
using kiosk::content::Span;
using kiosk::content::SpanStyle;
using kiosk::core::Fault;
using kiosk::core::FaultCode;

namespace {

const std::string kBundles = std::string(KIOSK_TEST_DATA) + "/bundles/";

// A small valid manifest; tests replace one line to break it.
const std::string kManifest = R"([bundle]
id = "test"
title = "Test"
language = "en"
credit = "© Test"

[memorial]
figure = 1234
qualifier = "About"
caption = "things"
attribution = "Test"

[[sources]]
id = "a"
who = "Alice"

[[sources]]
id = "b"
who = "Bob"
)";

const std::string kArticle = R"(###### Label

# Headline

> Standfirst text.

Body with *emphasis* and **strong**.[^a]
Second   line.[^b]

## A subheading

More body.

---

Byline

Credit line
)";

BundleFiles files(const std::string& manifest = kManifest, const std::string& article = kArticle) {
    return BundleFiles{{"manifest.toml", manifest}, {"article.md", article}};
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

std::vector<FaultCode> codes(const LoadResult& result) {
    std::vector<FaultCode> out;
    for (const Fault& fault : result.faults) out.push_back(fault.code);
    return out;
}

bool has(const LoadResult& result, FaultCode code) {
    const auto c = codes(result);
    return std::find(c.begin(), c.end(), code) != c.end();
}

long count(const LoadResult& result, FaultCode code) {
    const auto c = codes(result);
    return std::count(c.begin(), c.end(), code);
}

const Fault& first(const LoadResult& result, FaultCode code) {
    for (const Fault& fault : result.faults)
        if (fault.code == code) return fault;
    FAIL("no such fault");
    return result.faults.front();
}

const Block* find_block(const LoadResult& result, BlockKind kind) {
    for (const Block& block : result.bundle.article)
        if (block.kind == kind) return &block;
    return nullptr;
}

std::string all_text(const LoadResult& result) {
    std::string out;
    for (const Block& block : result.bundle.article) out += kiosk::content::block_text(block) + "\n";
    return out;
}

}  // namespace

// --- the built-in bundle ----------------------------------------------------------------------

TEST_CASE("built-in bundle parses with no fault at all", "[content]") {
    const LoadResult result = kiosk::content::load_builtin_bundle();
    for (const Fault& fault : result.faults) UNSCOPED_INFO(kiosk::core::format_fault(fault));
    CHECK(result.faults.empty());
    REQUIRE(result.usable);
    CHECK(result.bundle.origin == "built-in");
    CHECK(result.bundle.hash.size() == 16);
    CHECK(result.bundle.sources.size() == 6);
    CHECK(result.bundle.memorial.figure == 30000);
    CHECK(result.bundle.memorial.qualifier == "More than");
    CHECK(result.bundle.manifest.language == "en");
    CHECK(result.bundle.manifest.credit == "Copyright \u00A9 2020 MEK-Iran.com. All Rights Reserved");
    for (const auto& source : result.bundle.sources) CHECK(source.url.empty());  // the article gives none
}

TEST_CASE("built-in bundle has the published structure", "[content]") {
    const LoadResult result = kiosk::content::load_builtin_bundle();
    const auto& blocks = result.bundle.article;
    REQUIRE(blocks.size() > 6);
    CHECK(blocks[0].kind == BlockKind::SectionLabel);
    CHECK(kiosk::content::block_text(blocks[0]) == "1988 massacre of political prisoners in Iran");
    REQUIRE(blocks[1].kind == BlockKind::Headline);
    const std::string headline = kiosk::content::block_text(blocks[1]);
    CHECK(headline.rfind("Lack of Investigation", 0) == 0);
    CHECK(headline.find("\u2018Abject Failure\u2019") != std::string::npos);
    CHECK(blocks[2].kind == BlockKind::Standfirst);
    CHECK(kiosk::content::block_text(blocks[2]).rfind("More than 30,000 political prisoners", 0) == 0);
    CHECK(std::count_if(blocks.begin(), blocks.end(), [](const Block& b) { return b.kind == BlockKind::SectionLabel; }) == 1);

    const Block* byline = find_block(result, BlockKind::Byline);
    REQUIRE(byline);
    CHECK(kiosk::content::block_text(*byline) == "Staff Writer");
    const Span& marker = byline->spans.back();
    CHECK(marker.citation_id == "article");
    REQUIRE(marker.citation > 0);
    CHECK(result.bundle.sources[static_cast<std::size_t>(marker.citation - 1)].id == "article");
    const Block* credit = find_block(result, BlockKind::Credit);
    REQUIRE(credit);
    CHECK(kiosk::content::block_text(*credit) == "Copyright \u00A9 2020 MEK-Iran.com. All Rights Reserved");

    // Every marker resolves, and every source is cited.
    std::vector<bool> cited(result.bundle.sources.size(), false);
    for (const Block& block : blocks)
        for (const Span& span : block.spans)
            if (!span.citation_id.empty()) {
                INFO(span.citation_id);
                REQUIRE(span.citation > 0);
                CHECK(result.bundle.sources[static_cast<std::size_t>(span.citation - 1)].id == span.citation_id);
                cited[static_cast<std::size_t>(span.citation - 1)] = true;
            }
    CHECK(std::all_of(cited.begin(), cited.end(), [](bool c) { return c; }));
    CHECK_FALSE(has(result, FaultCode::UnusedSource));
}

TEST_CASE("built-in article keeps every sentence of the received article verbatim", "[content]") {
    const std::string path = std::string(KIOSK_SOURCE_DIR) + "/../shared/content/article-as-received.txt";
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        WARN("skipped: " << path << " is not there");
        return;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string received = buffer.str();

    // Page furniture of the web capture, not article: the only text allowed to go.
    received = replace(received, " | XML Sitemap", "");
    received = replace(received, "Social media & sharing icons powered by UltimatelySocial", "");
    received = replace(received, "Tags: , , , , ,", "");

    const std::string shown = all_text(kiosk::content::load_builtin_bundle());
    std::size_t start = 0;
    int paragraphs = 0;
    while (start < received.size()) {
        std::size_t end = received.find('\n', start);
        if (end == std::string::npos) end = received.size();
        std::string line = received.substr(start, end - start);
        start = end + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (line.empty()) continue;
        INFO(line);
        CHECK(shown.find(line + "\n") != std::string::npos);  // whole paragraphs, not just fragments
        ++paragraphs;
    }
    CHECK(paragraphs >= 18);
}

// --- reading from a directory -----------------------------------------------------------------

TEST_CASE("a bundle directory loads like the same files in memory", "[content]") {
    const std::string dir = kBundles + "minimal";
    const LoadResult result = kiosk::content::load_bundle_dir(dir);
    CHECK(result.faults.empty());
    REQUIRE(result.usable);
    CHECK(result.bundle.origin == dir);
    CHECK(result.bundle.memorial.figure == 42);

    std::ifstream manifest(dir + "/manifest.toml", std::ios::binary), article(dir + "/article.md", std::ios::binary);
    std::stringstream m, a;
    m << manifest.rdbuf();
    a << article.rdbuf();
    CHECK(kiosk::content::parse_bundle(files(m.str(), a.str()), "x").bundle.hash == result.bundle.hash);
}

TEST_CASE("the manifest can name another article file", "[content]") {
    const LoadResult result = kiosk::content::load_bundle_dir(kBundles + "named_article");
    CHECK(result.faults.empty());
    REQUIRE(result.usable);
    CHECK(kiosk::content::block_text(*find_block(result, BlockKind::Headline)) == "Story headline");
}

TEST_CASE("directory faults", "[content]") {
    SECTION("missing directory") {
        const LoadResult result = kiosk::content::load_bundle_dir(kBundles + "does-not-exist");
        CHECK(codes(result) == std::vector<FaultCode>{FaultCode::BundleMissing});
        CHECK_FALSE(result.usable);
    }
    SECTION("no manifest") {
        const LoadResult result = kiosk::content::load_bundle_dir(kBundles + "no_manifest");
        CHECK(first(result, FaultCode::FileMissing).file == "manifest.toml");
        CHECK_FALSE(result.usable);
    }
    SECTION("manifest is a directory") {
        const LoadResult result = kiosk::content::load_bundle_dir(kBundles + "manifest_is_dir");
        CHECK(first(result, FaultCode::FileUnreadable).file == "manifest.toml");
        CHECK_FALSE(has(result, FaultCode::FileMissing));
        CHECK_FALSE(result.usable);
    }
    SECTION("no article") {
        const LoadResult result = kiosk::content::load_bundle_dir(kBundles + "missing_article");
        CHECK(codes(result) == std::vector<FaultCode>{FaultCode::FileMissing});
        CHECK(result.faults[0].file == "article.md");
        CHECK_FALSE(result.usable);
    }
    SECTION("bad UTF-8 on disk") {
        const LoadResult result = kiosk::content::load_bundle_dir(kBundles + "bad_utf8");
        const Fault& fault = first(result, FaultCode::BadUtf8);
        CHECK(fault.file == "article.md");
        CHECK(fault.line == 3);
        CHECK(fault.column == 8);
        CHECK_FALSE(result.usable);
    }
}

// --- bytes ------------------------------------------------------------------------------------

TEST_CASE("bytes that are not UTF-8 make the bundle unusable", "[content]") {
    for (const std::string bad : {"\xff", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x80"}) {
        const LoadResult result = kiosk::content::parse_bundle(files(replace(kManifest, "Alice", "Al" + bad)), "t");
        const Fault& fault = first(result, FaultCode::BadUtf8);
        CHECK(fault.file == "manifest.toml");
        CHECK(fault.line == 15);
        CHECK(fault.column == 10);
        CHECK_FALSE(result.usable);
    }
}

TEST_CASE("a byte order mark is ignored with a warning", "[content]") {
    const LoadResult result = kiosk::content::parse_bundle(files("\xEF\xBB\xBF" + kManifest, "\xEF\xBB\xBF" + kArticle), "t");
    CHECK(codes(result) == std::vector<FaultCode>{FaultCode::ByteOrderMark, FaultCode::ByteOrderMark});
    REQUIRE(result.usable);
    CHECK(kiosk::content::block_text(result.bundle.article[0]) == "Label");
    CHECK(result.bundle.manifest.id == "test");
}

TEST_CASE("CRLF line ends read like LF", "[content]") {
    auto crlf = [](std::string text) {
        std::string out;
        for (char c : text) out += c == '\n' ? std::string("\r\n") : std::string(1, c);
        return out;
    };
    const LoadResult lf = kiosk::content::parse_bundle(files(), "t");
    const LoadResult result = kiosk::content::parse_bundle(files(crlf(kManifest), crlf(kArticle)), "t");
    CHECK(result.faults.empty());
    REQUIRE(result.usable);
    CHECK(all_text(result) == all_text(lf));
    REQUIRE(result.bundle.article.size() == lf.bundle.article.size());
    for (std::size_t i = 0; i < lf.bundle.article.size(); ++i) CHECK(result.bundle.article[i].line == lf.bundle.article[i].line);
}

TEST_CASE("files over 1 MiB are refused", "[content]") {
    const std::string huge = kArticle + std::string(1024 * 1024, 'x');
    const LoadResult result = kiosk::content::parse_bundle(files(kManifest, huge), "t");
    CHECK(first(result, FaultCode::FileTooLarge).file == "article.md");
    CHECK_FALSE(result.usable);
}

// --- the manifest -----------------------------------------------------------------------------

TEST_CASE("broken TOML gives BadToml with its line", "[content]") {
    const LoadResult result = kiosk::content::parse_bundle(files(replace(kManifest, "title = \"Test\"", "title = \"Test")), "t");
    const Fault& fault = first(result, FaultCode::BadToml);
    CHECK(fault.file == "manifest.toml");
    CHECK(fault.line == 3);
    CHECK_FALSE(result.usable);
}

TEST_CASE("the memorial figure must be a sensible count", "[content]") {
    for (const std::string figure : {"-5", "0", "100000000", "9999999999999", "\"30000\"", "3.5", "true"}) {
        INFO(figure);
        const LoadResult result = kiosk::content::parse_bundle(files(replace(kManifest, "1234", figure)), "t");
        CHECK(codes(result) == std::vector<FaultCode>{FaultCode::BadFigure});
        CHECK(first(result, FaultCode::BadFigure).line == 8);
        CHECK_FALSE(result.usable);
    }
    for (const std::string figure : {"1", "99999999", "30_000"}) {
        INFO(figure);
        const LoadResult result = kiosk::content::parse_bundle(files(replace(kManifest, "1234", figure)), "t");
        CHECK(result.usable);
    }
}

TEST_CASE("every required field is checked", "[content]") {
    const std::vector<std::pair<std::string, int>> required = {
        {"id = \"test\"", 1},       {"title = \"Test\"", 1},   {"language = \"en\"", 1},
        {"credit = \"© Test\"", 1}, {"figure = 1234", 7},      {"qualifier = \"About\"", 7},
        {"caption = \"things\"", 7}, {"attribution = \"Test\"", 7},
    };
    for (const auto& [line, table_line] : required) {
        INFO(line);
        const LoadResult removed = kiosk::content::parse_bundle(files(replace(kManifest, line, "")), "t");
        CHECK(codes(removed) == std::vector<FaultCode>{FaultCode::MissingField});
        CHECK(first(removed, FaultCode::MissingField).line == table_line);  // the table it belongs in
        CHECK_FALSE(removed.usable);
    }
    SECTION("empty text counts as missing") {
        const LoadResult result = kiosk::content::parse_bundle(files(replace(kManifest, "\"Test\"\nlanguage", "\"  \"\nlanguage")), "t");
        CHECK(first(result, FaultCode::MissingField).line == 3);
    }
    SECTION("a whole table missing") {
        const std::string no_memorial = kManifest.substr(0, kManifest.find("[memorial]")) + kManifest.substr(kManifest.find("[[sources]]"));
        const LoadResult result = kiosk::content::parse_bundle(files(no_memorial), "t");
        CHECK(count(result, FaultCode::MissingField) == 4);
    }
    SECTION("wrong types") {
        const LoadResult result = kiosk::content::parse_bundle(files(replace(kManifest, "title = \"Test\"", "title = 7")), "t");
        CHECK(codes(result) == std::vector<FaultCode>{FaultCode::BadField});
        CHECK(first(result, FaultCode::BadField).line == 3);
    }
    SECTION("the article must sit in the bundle") {
        const LoadResult result = kiosk::content::parse_bundle(files(replace(kManifest, "[memorial]", "article = \"../x.md\"\n[memorial]")), "t");
        CHECK(has(result, FaultCode::BadField));
        CHECK_FALSE(result.usable);
    }
    SECTION("the language is a tag") {
        const LoadResult result = kiosk::content::parse_bundle(files(replace(kManifest, "\"en\"", "\"English\"")), "t");
        CHECK(codes(result) == std::vector<FaultCode>{FaultCode::BadField});
        CHECK(kiosk::content::parse_bundle(files(replace(kManifest, "\"en\"", "\"fa-IR\"")), "t").usable);
    }
}

TEST_CASE("two sources with one id", "[content]") {
    const LoadResult result = kiosk::content::parse_bundle(files(replace(kManifest, "id = \"b\"", "id = \"a\"")), "t");
    CHECK(first(result, FaultCode::DuplicateSource).line == 18);
    CHECK_FALSE(result.usable);
}

// --- the article ------------------------------------------------------------------------------

TEST_CASE("block kinds follow the Markdown convention", "[content]") {
    const LoadResult result = kiosk::content::parse_bundle(files(), "t");
    CHECK(result.faults.empty());
    REQUIRE(result.usable);
    std::vector<BlockKind> kinds;
    for (const Block& block : result.bundle.article) kinds.push_back(block.kind);
    CHECK(kinds == std::vector<BlockKind>{BlockKind::SectionLabel, BlockKind::Headline, BlockKind::Standfirst,
                                          BlockKind::Paragraph, BlockKind::Subheading, BlockKind::Paragraph,
                                          BlockKind::Byline, BlockKind::Credit});
    std::vector<int> lines;
    for (const Block& block : result.bundle.article) lines.push_back(block.line);
    CHECK(lines == std::vector<int>{1, 3, 5, 7, 10, 12, 16, 18});
}

TEST_CASE("spans carry styles, collapsed spaces and citations", "[content]") {
    const LoadResult result = kiosk::content::parse_bundle(files(), "t");
    const Block& body = result.bundle.article.at(3);
    CHECK(kiosk::content::block_text(body) == "Body with emphasis and strong. Second line.");
    REQUIRE(body.spans.size() == 8);
    CHECK(body.spans[0].text == "Body with ");
    CHECK(body.spans[1].text == "emphasis");
    CHECK(body.spans[1].style == SpanStyle::Emphasis);
    CHECK(body.spans[3].text == "strong");
    CHECK(body.spans[3].style == SpanStyle::Strong);
    CHECK(body.spans[4].text == ".");
    CHECK(body.spans[5].citation == 1);
    CHECK(body.spans[5].citation_id == "a");
    CHECK(body.spans[6].text == " Second line.");  // the soft break and the run of spaces became one space
    CHECK(body.spans[7].citation == 2);
    CHECK(body.spans[7].text == "2");
}

TEST_CASE("markers next to each other, after a space, and in emphasis", "[content]") {
    const LoadResult result = kiosk::content::parse_bundle(files(kManifest, "# H\n\nOne.[^a][^b] Two *x.[^a]* three [^b]\n"), "t");
    CHECK(result.faults.empty());
    const Block& body = result.bundle.article.at(1);
    CHECK(kiosk::content::block_text(body) == "One. Two x. three");
    std::vector<int> numbers;
    for (const Span& span : body.spans)
        if (!span.citation_id.empty()) numbers.push_back(span.citation);
    CHECK(numbers == std::vector<int>{1, 2, 1, 2});
}

TEST_CASE("a marker naming no source is kept and reported", "[content]") {
    const LoadResult result = kiosk::content::parse_bundle(files(kManifest, "# H\n\nText.[^a][^b]\nMore text.[^nobody]\n"), "t");
    CHECK(codes(result) == std::vector<FaultCode>{FaultCode::UnknownCitation});
    const Fault& fault = first(result, FaultCode::UnknownCitation);
    CHECK(fault.file == "article.md");
    CHECK(fault.line == 4);
    CHECK(fault.column == 11);
    CHECK(result.usable);  // a warning: the view shows "source unavailable"
    const Span& marker = result.bundle.article.at(1).spans.back();
    CHECK(marker.citation == 0);
    CHECK(marker.citation_id == "nobody");
}

TEST_CASE("a source no marker cites is reported", "[content]") {
    const LoadResult result = kiosk::content::parse_bundle(files(kManifest, "# H\n\nText.[^a]\n"), "t");
    CHECK(codes(result) == std::vector<FaultCode>{FaultCode::UnusedSource});
    CHECK(first(result, FaultCode::UnusedSource).file == "manifest.toml");
    CHECK(first(result, FaultCode::UnusedSource).line == 17);
    CHECK(result.usable);
}

TEST_CASE("Markdown the kiosk cannot show is left out with a warning", "[content]") {
    const std::string article = "# H\n\nBody.[^a][^b]\n\nSee ![a photo](photo.jpg)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
                                "<div>html</div>\n\nInline <b>bold</b> text.\n\n- item one\n- item two\n";
    const LoadResult result = kiosk::content::parse_bundle(files(kManifest, article), "t");
    CHECK(count(result, FaultCode::UnsupportedMarkdown) == 6);
    CHECK(result.usable);
    const std::string text = all_text(result);
    CHECK(text.find("photo") == std::string::npos);  // an image inside text: a photograph starts its own paragraph
    CHECK(text.find("html") == std::string::npos);
    CHECK(text.find("Inline bold text.") != std::string::npos);
    CHECK(text.find("item two") != std::string::npos);
    std::vector<int> lines;
    for (const Fault& fault : result.faults) lines.push_back(fault.line);
    CHECK(lines == std::vector<int>{5, 7, 11, 13, 13, 15});
}

TEST_CASE("an article needs a headline and a body", "[content]") {
    CHECK(has(kiosk::content::parse_bundle(files(kManifest, "Body.[^a][^b]\n"), "t"), FaultCode::NoHeadline));
    const LoadResult no_body = kiosk::content::parse_bundle(files(kManifest, "# H\n\n---\n\nBy[^a][^b]\n"), "t");
    CHECK(codes(no_body) == std::vector<FaultCode>{FaultCode::NoBody});
    CHECK_FALSE(no_body.usable);
}

TEST_CASE("entities are decoded", "[content]") {
    const LoadResult result = kiosk::content::parse_bundle(files(kManifest, "# H\n\nA &amp; B &copy; &#8220;q&#x201D; &bogus;[^a][^b]\n"), "t");
    CHECK(kiosk::content::block_text(result.bundle.article.at(1)) == "A & B \u00A9 \u201Cq\u201D &bogus;");
}

// --- coverage text and robustness -------------------------------------------------------------

TEST_CASE("visible text holds everything a reader can see", "[content]") {
    const LoadResult result = kiosk::content::load_builtin_bundle();
    const std::string text = kiosk::content::visible_text(result.bundle);
    for (const std::string& part : {std::string("0123456789"), std::string(","), std::string("\u2018"),
                                    std::string("\u201C"), std::string("\u00A9"), result.bundle.manifest.title,
                                    result.bundle.memorial.caption, result.bundle.memorial.attribution,
                                    result.bundle.sources[0].who, std::string("Staff Writer")}) {
        INFO(part);
        CHECK(text.find(part) != std::string::npos);
    }
}

TEST_CASE("garbage never throws", "[content]") {
    const std::vector<std::string> inputs = {"", "[", "[[sources]]\nid = 1", "\0\0\0", "# \n> \n---\n[^", "[^]", "*[^a*]"};
    for (const std::string& manifest : inputs)
        for (const std::string& article : inputs) {
            LoadResult result;
            REQUIRE_NOTHROW(result = kiosk::content::parse_bundle(files(manifest, article), "t"));
            CHECK_FALSE(result.usable);
        }
    CHECK_NOTHROW(kiosk::content::parse_bundle({}, "t"));
    CHECK_NOTHROW(kiosk::content::load_bundle_dir(""));
}
