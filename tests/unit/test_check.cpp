// The validator behind `kiosk --check`: limits, wording, glyph coverage with positions, the text
// and JSON reports, the options, and the curator README listing every fault code.
#include <catch2/catch.hpp>

#include <fstream>
#include <optional>
#include <regex>
#include <sstream>

#include "test_process_support.h"
#include "app/options.h"
#include "check/report.h"
#include "check/validate.h"
#include "content/bundle.h"
#include "core/embedded.h"

using namespace kiosk;
using core::FaultCode;

namespace {

const std::string kBase = std::string(KIOSK_TEST_DATA) + "/bad_bundles_base/";

content::BundleFiles base_files() {
    return {{"manifest.toml", testing::read_file(kBase + "manifest.toml")}, {"article.md", testing::read_file(kBase + "article.md")}};
}

content::LoadResult validated(const content::BundleFiles& files) {
    content::LoadResult loaded = content::parse_bundle(files, "test");
    check::validate(loaded);
    return loaded;
}

// A copy, so that it may outlive the result it came from.
std::optional<core::Fault> find(const content::LoadResult& loaded, FaultCode code) {
    for (const core::Fault& fault : loaded.faults)
        if (fault.code == code) return fault;
    return std::nullopt;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("check: the built-in bundle and the corpus base pass with no finding at all", "[check]") {
    const content::LoadResult builtin = check::load_and_validate_builtin();
    CHECK(builtin.usable);
    CHECK(builtin.faults.empty());
    const content::LoadResult base = validated(base_files());
    CHECK(base.usable);
    CHECK(base.faults.empty());
}

TEST_CASE("check: a character no font covers is reported where it first appears", "[check]") {
    content::BundleFiles files = base_files();
    // Line 7 of the article; "試" is the 23rd code point of the line.
    files["article.md"] = replace(files["article.md"], "The first paragraph", "The first 試 paragraph");
    const content::LoadResult loaded = validated(files);
    CHECK(loaded.usable);  // a warning: the kiosk still shows the bundle
    const std::optional<core::Fault> fault = find(loaded, FaultCode::MissingGlyph);
    REQUIRE(fault);
    CHECK(fault->severity == core::Severity::Warning);
    CHECK(fault->file == "article.md");
    CHECK(fault->line == 7);
    CHECK(fault->column == 11);
    CHECK_THAT(fault->message, Catch::Contains("U+8A66"));

    // In the manifest, the manifest's line is given.
    files = base_files();
    files["manifest.toml"] = replace(files["manifest.toml"], "caption = \"test items counted\"", "caption = \"test ☃ items\"");
    const std::optional<core::Fault> in_manifest = find(validated(files), FaultCode::MissingGlyph);
    // U+2603 (snowman) may be in Noto; the check must agree with the fonts either way.
    if (in_manifest) CHECK(in_manifest->file == "manifest.toml");
}

TEST_CASE("check: Persian letters pass on every screen, which the engine sets with the Arabic face", "[check]") {
    content::BundleFiles files = base_files();
    files["article.md"] = replace(files["article.md"], "The first paragraph", "The first \xD8\xA8 paragraph");
    CHECK_FALSE(find(validated(files), FaultCode::MissingGlyph));
    files["manifest.toml"] = replace(files["manifest.toml"], "caption = \"test items counted\"", "caption = \"\xD8\xA8\"");
    CHECK_FALSE(find(validated(files), FaultCode::MissingGlyph));
    // A letter no embedded face has (Han) is still found in the manifest's words.
    files["manifest.toml"] = replace(files["manifest.toml"], "caption = \"\xD8\xA8\"", "caption = \"\u8A66\"");
    const std::optional<core::Fault> fault = find(validated(files), FaultCode::MissingGlyph);
    REQUIRE(fault);
    CHECK(fault->file == "manifest.toml");
    CHECK_THAT(fault->message, Catch::Contains("U+8A66"));
}

TEST_CASE("check: each glyph fault says where the screen shows an empty box", "[check]") {
    // The engine draws the font's .notdef (an empty box) wherever a character has no face.
    content::BundleFiles files = base_files();
    files["article.md"] = replace(files["article.md"], "The first paragraph", "The first \u8A66 paragraph");
    std::optional<core::Fault> fault = find(validated(files), FaultCode::MissingGlyph);
    REQUIRE(fault);
    CHECK_THAT(fault->message, Catch::Contains("the article shows an empty box"));

    files = base_files();
    files["manifest.toml"] = replace(files["manifest.toml"], "caption = \"test items counted\"", "caption = \"test \u8A66\"");
    fault = find(validated(files), FaultCode::MissingGlyph);
    REQUIRE(fault);
    CHECK(fault->file == "manifest.toml");
    CHECK_THAT(fault->message, Catch::Contains("the screen shows an empty box") && !Catch::Contains("article"));

    files["article.md"] = replace(files["article.md"], "The first paragraph", "The first \u8A66 paragraph");
    fault = find(validated(files), FaultCode::MissingGlyph);
    REQUIRE(fault);
    CHECK_THAT(fault->message, Catch::Contains("in the article and on the other screens"));
}

TEST_CASE("check: a character outside the engine's faces for its role is missing in the article", "[check]") {
    // A character beyond the Basic Multilingual Plane (U+1F56F, a candle) that no face has: one
    // fault for the whole code point (two UTF-16 units), at its column.
    content::BundleFiles files = base_files();
    files["article.md"] = replace(files["article.md"], "The first paragraph", "The first \U0001F56F paragraph");
    const content::LoadResult loaded = validated(files);
    int count = 0;
    for (const core::Fault& fault : loaded.faults) count += fault.code == FaultCode::MissingGlyph ? 1 : 0;
    CHECK(count == 1);
    const std::optional<core::Fault> fault = find(loaded, FaultCode::MissingGlyph);
    REQUIRE(fault);
    CHECK(fault->line == 7);
    CHECK(fault->column == 11);
    CHECK_THAT(fault->message, Catch::Contains("U+1F56F"));
}

TEST_CASE("check: a mark on a letter whose font lacks it shapes to .notdef and is reported", "[check]") {
    // U+064B ARABIC FATHATAN: Noto Naskh Arabic has it, so no MissingGlyph; after a Latin letter it
    // stays in that letter's font (Noto Serif), which has no glyph for it.
    content::BundleFiles files = base_files();
    files["article.md"] = replace(files["article.md"], "The first paragraph", "The firsx\u064B paragraph");
    content::LoadResult loaded = validated(files);
    CHECK(loaded.usable);
    CHECK_FALSE(find(loaded, FaultCode::MissingGlyph));
    std::optional<core::Fault> fault = find(loaded, FaultCode::NotdefGlyph);
    REQUIRE(fault);
    CHECK(fault->severity == core::Severity::Warning);
    CHECK(fault->file == "article.md");
    CHECK(fault->line == 7);
    CHECK(fault->column == 9);  // the letter it sits on: "x" is the 9th code point
    CHECK_THAT(fault->message, Catch::Contains("U+064B") && Catch::Contains("NotoSerif") && Catch::Contains("empty box"));

    // On an Arabic letter it shapes with the letter: nothing to report. Nor on a Latin accent.
    files["article.md"] = replace(base_files()["article.md"], "The first paragraph", "The first \u0628\u064B e\u0301 paragraph");
    loaded = validated(files);
    CHECK_FALSE(find(loaded, FaultCode::NotdefGlyph));
    CHECK_FALSE(find(loaded, FaultCode::MissingGlyph));
}

TEST_CASE("check: many missing characters are capped with one summary", "[check]") {
    content::BundleFiles files = base_files();
    std::string many;
    for (uint32_t cp = 0x4E00; cp < 0x4E00 + 40; ++cp) {
        many += static_cast<char>(0xE0 | (cp >> 12));
        many += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        many += static_cast<char>(0x80 | (cp & 0x3F));
    }
    files["article.md"] = replace(files["article.md"], "The second paragraph", many + " The second paragraph");
    const std::vector<core::Fault> faults = check::glyph_faults(content::parse_bundle(files, "test"), 20);
    REQUIRE(faults.size() == 21);
    CHECK_THAT(faults.back().message, Catch::Contains("20 more"));
}

TEST_CASE("check: the memorial figure must be stated in the article", "[check]") {
    const auto with_figure = [](const std::string& figure, const std::string& written) {
        content::BundleFiles files = base_files();
        files["manifest.toml"] = replace(files["manifest.toml"], "figure = 1234", "figure = " + figure);
        files["article.md"] = replace(files["article.md"], "about 1,234 test", "about " + written + " test");
        return find(validated(files), FaultCode::FigureNotInArticle) == std::nullopt;
    };
    CHECK(with_figure("30000", "30,000"));
    CHECK(with_figure("30000", "30000"));
    CHECK(with_figure("30000", "30\xC2\xA0" "000"));        // no-break space
    CHECK(with_figure("30000", "30.000"));
    CHECK(with_figure("1234567", "1,234,567"));
    CHECK_FALSE(with_figure("30000", "130,000"));         // a longer number is not the figure
    CHECK_FALSE(with_figure("30000", "30,0000"));
    CHECK_FALSE(with_figure("30000", "3,000"));
    CHECK_FALSE(with_figure("30000", "30,000,000"));
    CHECK(with_figure("30000", "30\u2019" "000"));         // Swiss German, as ICU writes de-CH
    // Persian digits with the Arabic thousands separator U+066C (۳۰٬۰۰۰), as the counter writes fa.
    CHECK(with_figure("30000", "\u06F3\u06F0\u066C\u06F0\u06F0\u06F0"));
    CHECK(with_figure("30000", "\u06F3\u06F0\u06F0\u06F0\u06F0"));    // ۳۰۰۰۰
    CHECK(with_figure("30000", "\u0663\u0660\u066C\u0660\u0660\u0660"));  // Arabic-Indic ٣٠٬٠٠٠
    CHECK(with_figure("30000", "\u06F3\u06F0,\u06F0\u06F0\u06F0"));  // Persian digits, a Latin comma
    CHECK_FALSE(with_figure("30000", "\u06F1\u06F3\u06F0\u066C\u06F0\u06F0\u06F0"));  // ۱۳۰٬۰۰۰
    CHECK_FALSE(with_figure("30000", "\u06F3\u06F0\u066C\u06F0\u06F0\u06F0\u066C\u06F0\u06F0\u06F0"));  // ۳۰٬۰۰۰٬۰۰۰
    CHECK_FALSE(with_figure("30000", "\u06F3\u06F0\u066C\u06F0\u06F0\u06F0\u06F1"));
    CHECK_FALSE(with_figure("30000", "\u06F3\u06F1\u066C\u06F0\u06F0\u06F0"));  // ۳۱٬۰۰۰
    // Other Arabic-script characters next to the digits are not digits (U+06EF, U+06FA, U+065F, U+066A).
    CHECK(with_figure("30000", "\u06EF30,000\u06FA"));
    CHECK(with_figure("30000", "\u065F30,000\u066A"));

    content::BundleFiles files = base_files();
    files["manifest.toml"] = replace(files["manifest.toml"], "figure = 1234", "figure = 4321");
    const std::optional<core::Fault> fault = find(validated(files), FaultCode::FigureNotInArticle);
    REQUIRE(fault);
    CHECK(fault->line == 10);  // the figure's line in the manifest
}

TEST_CASE("check: the remembrance line must quote the article word for word", "[check]") {
    content::BundleFiles files = base_files();
    files["manifest.toml"] = replace(files["manifest.toml"], "Every one of them is remembered.", "Every one of them is remembered");
    // A shorter quote is still verbatim.
    CHECK(find(validated(files), FaultCode::NotVerbatim) == std::nullopt);
    files = base_files();
    files["manifest.toml"] = replace(files["manifest.toml"], "is remembered.", "is remembered!");
    const std::optional<core::Fault> fault = find(validated(files), FaultCode::NotVerbatim);
    REQUIRE(fault);
    CHECK(fault->line == 14);
}

TEST_CASE("check: limits give their codes at the right place", "[check]") {
    SECTION("more than 99 sources") {
        content::BundleFiles files = base_files();
        std::string sources;
        for (int i = 0; i < 98; ++i) sources += "\n[[sources]]\nid = \"s" + std::to_string(i) + "\"\nwho = \"S\"\n";
        files["manifest.toml"] += sources;  // 2 + 98 = 100 sources
        const content::LoadResult loaded = validated(files);
        const std::optional<core::Fault> fault = find(loaded, FaultCode::TooManySources);
        REQUIRE(fault);
        CHECK_FALSE(loaded.usable);
        // The 100th [[sources]] table: the base has 22 lines, each added source takes 4.
        CHECK(fault->line == 22 + 4 * 97 + 2);
    }
    SECTION("99 sources are fine") {
        content::BundleFiles files = base_files();
        for (int i = 0; i < 97; ++i) files["manifest.toml"] += "\n[[sources]]\nid = \"s" + std::to_string(i) + "\"\nwho = \"S\"\n";
        CHECK(find(validated(files), FaultCode::TooManySources) == std::nullopt);
    }
    SECTION("a title too long for the fallback screen") {
        content::BundleFiles files = base_files();
        files["manifest.toml"] = replace(files["manifest.toml"], "title = \"A Test Headline\"",
                                         "title = \"" + std::string(301, 'T') + "\"");
        const std::optional<core::Fault> fault = find(validated(files), FaultCode::FieldTooLong);
        REQUIRE(fault);
        CHECK(fault->line == 5);
    }
    SECTION("an article longer than the kiosk lays out") {
        content::BundleFiles files = base_files();
        const std::string paragraph(999, 'w');
        std::string body;
        for (int i = 0; i < 201; ++i) body += paragraph + "\n\n";
        files["article.md"] = replace(files["article.md"], "---", body + "---");
        const content::LoadResult loaded = validated(files);
        REQUIRE(find(loaded, FaultCode::ArticleTooLong));
        CHECK_FALSE(loaded.usable);
    }
    SECTION("quotes nested deeper than 8") {
        content::BundleFiles files = base_files();
        files["article.md"] += "\n> > > > > > > > > nine deep\n";
        const content::LoadResult loaded = validated(files);
        const std::optional<core::Fault> fault = find(loaded, FaultCode::DeepNesting);
        REQUIRE(fault);
        CHECK(loaded.usable);
        CHECK(fault->line == 17);
        CHECK(fault->column == 19);
        files = base_files();
        files["article.md"] += "\n> > > > > > > > eight deep\n";
        CHECK(find(validated(files), FaultCode::DeepNesting) == std::nullopt);
    }
    SECTION("a control character") {
        content::BundleFiles files = base_files();
        files["article.md"] = replace(files["article.md"], "counts", std::string("co\0unts", 7));
        const std::optional<core::Fault> fault = find(validated(files), FaultCode::ControlCharacter);
        REQUIRE(fault);
        CHECK(fault->line == 7);
        CHECK_THAT(fault->message, Catch::Contains("UTF-16"));
    }
}

TEST_CASE("check: the text report has one line per finding and a closing verdict", "[check]") {
    std::vector<core::Fault> faults{
        core::make_fault(FaultCode::BadToml, "manifest.toml", 3, 7, "the manifest is not valid TOML"),
        core::make_fault(FaultCode::UnusedSource, "manifest.toml", 20, 0, "no marker cites this source")};
    const std::string text = check::report_text(faults, "/srv/bundle");
    CHECK(text == "error BadToml manifest.toml:3:7: the manifest is not valid TOML\n"
                  "warning UnusedSource manifest.toml:20: no marker cites this source\n"
                  "/srv/bundle: 1 error, 1 warning: the kiosk would refuse this bundle and show its last good or "
                  "built-in one\n");
    CHECK_THAT(check::report_text({}, "b"), Catch::EndsWith("0 errors, 0 warnings: the kiosk would show this bundle as intended\n"));
}

TEST_CASE("check: the JSON report escapes everything a message can hold", "[check]") {
    std::vector<core::Fault> faults{core::make_fault(FaultCode::MissingGlyph, "article.md", 2, 5,
                                                     "quote \" backslash \\ tab \t newline \n bell \x07 snowman ☃")};
    const std::string json = check::report_json(faults, std::string("dir\xFF"));
    CHECK(json == "{\"bundle\":\"dir\xEF\xBF\xBD\",\"usable\":true,\"errors\":0,\"warnings\":1,\"faults\":["
                  "{\"severity\":\"warning\",\"code\":\"MissingGlyph\",\"file\":\"article.md\",\"line\":2,"
                  "\"column\":5,\"language\":\"\",\"message\":\"quote \\\" backslash \\\\ tab \\t newline \\n bell \\u0007 snowman ☃\"}]}\n");
}

TEST_CASE("check: options take an optional folder and --json", "[check][options]") {
    using app::parse_options;
    CHECK(parse_options({"--check"}).options.check);
    CHECK(parse_options({"--check"}).options.content_dir.empty());
    CHECK(parse_options({"--check", "/b"}).options.content_dir == "/b");
    CHECK(parse_options({"--check=/b"}).options.content_dir == "/b");
    CHECK(parse_options({"--check", "--json"}).options.json);
    CHECK(parse_options({"--check", "/b", "--json"}).options.content_dir == "/b");
    CHECK(parse_options({"--content", "/b", "--check"}).options.content_dir == "/b");
    CHECK_FALSE(parse_options({"--json"}).ok);
    CHECK_FALSE(parse_options({"--check", "/a", "--content", "/b"}).ok);
    CHECK_FALSE(parse_options({"--content", "/a", "--check", "/b"}).ok);
    CHECK_FALSE(parse_options({"--check", "--screenshot", "x.png"}).ok);
    CHECK_FALSE(parse_options({"--check="}).ok);
    CHECK(app::usage().find("--check") != std::string::npos);
    CHECK(app::usage().find("--json") != std::string::npos);
}

TEST_CASE("kiosk --check exits 0, 1 or 2 and prints the findings", "[check][e2e]") {
    const testing::Exit good = testing::run(testing::kiosk({"--check"}));
    CHECK(good.code == 0);
    CHECK_THAT(good.output, Catch::Contains("built-in: 0 errors, 0 warnings"));
    const testing::Exit bad = testing::run(testing::kiosk({"--check", std::string(KIOSK_TEST_DATA) + "/bad_bundles/truncated_manifest", "--json"}));
    CHECK(bad.code == 1);
    CHECK(std::regex_search(bad.output, std::regex(R"(^\{"bundle":".*","usable":false,"errors":1,)")));
    const testing::Exit usage = testing::run(testing::kiosk({"--json"}));
    CHECK(usage.code == 2);
}

TEST_CASE("every fault code is documented in the curator README", "[check][docs]") {
    const std::string readme = testing::read_file(std::string(KIOSK_SOURCE_DIR) + "/assets/content/README.md");
#define KIOSK_TEST_DOCUMENTED(name, severity)                                                        \
    {                                                                                                \
        const std::string row = "| `" #name "` | " + std::string(core::Severity::severity == core::Severity::Error ? "error" : "warning") + " |"; \
        INFO(row);                                                                                   \
        CHECK(readme.find(row) != std::string::npos);                                                \
    }
    KIOSK_FAULT_CODES(KIOSK_TEST_DOCUMENTED)
#undef KIOSK_TEST_DOCUMENTED
}
