// The interface's words from the bundle: the manifest's [labels] table, its English defaults, the
// faults a curator can cause there, the Persian fixture's labels and the curator README's table.
#include <catch2/catch.hpp>

#include <algorithm>

#include "test_process_support.h"
#include "check/validate.h"
#include "content/bundle.h"

using namespace kiosk;
using core::FaultCode;

namespace {

std::string manifest(const std::string& language, const std::string& labels) {
    return "[bundle]\nid = \"t\"\ntitle = \"T\"\nlanguage = \"" + language +
           "\"\ncredit = \"c\"\n\n[memorial]\nfigure = 12\nqualifier = \"About\"\ncaption = \"things\"\n"
           "attribution = \"A\"\n\n[[sources]]\nid = \"a\"\nwho = \"Alice\"\n" +
           labels;
}

content::LoadResult parse(const std::string& language, const std::string& labels) {
    return content::parse_bundle({{"manifest.toml", manifest(language, labels)},
                                  {"article.md", "# Head\n\nThere were 12 things.[^a]\n"}},
                                 "test");
}

int count(const content::LoadResult& loaded, FaultCode code) {
    return static_cast<int>(std::count_if(loaded.faults.begin(), loaded.faults.end(),
                                          [&](const core::Fault& f) { return f.code == code; }));
}

const core::Fault* find(const content::LoadResult& loaded, FaultCode code) {
    for (const core::Fault& fault : loaded.faults)
        if (fault.code == code) return &fault;
    return nullptr;
}

}  // namespace

TEST_CASE("labels: an English bundle without [labels] has the English words and no finding", "[content][labels]") {
    const content::LoadResult loaded = parse("en-GB", "");
    REQUIRE(loaded.usable);
    CHECK(loaded.faults.empty());
    const content::Labels& labels = loaded.bundle.labels;
    CHECK(labels.article == "Article");
    CHECK(labels.memorial == "Memorial");
    CHECK(labels.sources == "Sources");
    CHECK(labels.still_reading == "Still reading?");
    CHECK(labels.touch_to_read == "Touch the screen to read");
    CHECK(labels.close == "Close");
    CHECK(labels.language_name == "English");
}

TEST_CASE("labels: each key sets its own field and leaves the others English", "[content][labels]") {
    for (const content::LabelKey& key : content::label_keys()) {
        INFO(key.key);
        const content::LoadResult loaded = parse("en", "\n[labels]\n" + std::string(key.key) + " = \"X y\"\n");
        REQUIRE(loaded.usable);
        CHECK(loaded.faults.empty());
        const content::Labels english;
        for (const content::LabelKey& other : content::label_keys())
            CHECK(loaded.bundle.labels.*other.field == (other.key == key.key ? "X y" : english.*other.field));
    }
}

TEST_CASE("labels: every key is unique and named in snake case", "[content][labels]") {
    std::vector<std::string_view> keys;
    for (const content::LabelKey& key : content::label_keys()) {
        CHECK(key.field != nullptr);
        CHECK(key.key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos);
        keys.push_back(key.key);
    }
    std::sort(keys.begin(), keys.end());
    CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
    CHECK(content::find_label_key("still_reading") != nullptr);
    CHECK(content::find_label_key("Still reading?") == nullptr);
}

TEST_CASE("labels: an unknown key is an error that names the nearest key", "[content][labels]") {
    const content::LoadResult loaded = parse("en", "\n[labels]\nstil_reading = \"Still?\"\n");
    CHECK_FALSE(loaded.usable);
    const core::Fault* fault = find(loaded, FaultCode::UnknownLabel);
    REQUIRE(fault != nullptr);
    CHECK(fault->severity == core::Severity::Error);
    CHECK(fault->line == 18);
    CHECK(fault->message.find("still_reading") != std::string::npos);
    CHECK(loaded.bundle.labels.still_reading == "Still reading?");
}

TEST_CASE("labels: a value that is not text, an empty one and a long one are errors", "[content][labels]") {
    const content::LoadResult number = parse("en", "\n[labels]\nclose = 3\n");
    CHECK_FALSE(number.usable);
    REQUIRE(find(number, FaultCode::BadField) != nullptr);
    CHECK(find(number, FaultCode::BadField)->line == 18);
    const content::LoadResult table = parse("en", "\n[labels]\nclose = { text = \"x\" }\n");
    CHECK(find(table, FaultCode::BadField) != nullptr);
    const content::LoadResult empty = parse("en", "\n[labels]\nclose = \" \"\n");
    CHECK(find(empty, FaultCode::MissingField) != nullptr);
    const content::LoadResult long_label = parse("en", "\n[labels]\nclose = \"" + std::string(81, 'x') + "\"\n");
    CHECK(find(long_label, FaultCode::FieldTooLong) != nullptr);
    const content::LoadResult fits = parse("en", "\n[labels]\nclose = \"" + std::string(80, 'x') + "\"\n");
    CHECK(fits.faults.empty());
    const content::LoadResult sub_table = parse("en", "\n[labels.close]\ntext = \"Close\"\n");
    CHECK(find(sub_table, FaultCode::BadField) != nullptr);
    // `labels` written as one text instead of a table.
    const content::LoadResult not_a_table = content::parse_bundle(
        {{"manifest.toml", "labels = \"Close\"\n" + manifest("en", "")}, {"article.md", "# Head\n\nThere were 12 things.[^a]\n"}},
        "test");
    CHECK(find(not_a_table, FaultCode::BadField) != nullptr);
}

TEST_CASE("labels: a non-English bundle that leaves words in English gets one warning naming them", "[content][labels]") {
    SECTION("no [labels] at all: every key, at the language line") {
        const content::LoadResult loaded = parse("de", "");
        CHECK(loaded.usable);
        REQUIRE(count(loaded, FaultCode::LabelsNotTranslated) == 1);
        const core::Fault& fault = *find(loaded, FaultCode::LabelsNotTranslated);
        CHECK(fault.severity == core::Severity::Warning);
        CHECK(fault.line == 4);
        for (const content::LabelKey& key : content::label_keys()) CHECK(fault.message.find(std::string(key.key)) != std::string::npos);
    }
    SECTION("some given, one written in English: the rest, at the table") {
        std::string labels = "\n[labels]\n";
        for (const content::LabelKey& key : content::label_keys())
            if (key.key != "done" && key.key != "close") labels += std::string(key.key) + " = \"Wort\"\n";
        labels += "close = \"Close\"\n";
        const content::LoadResult loaded = parse("de", labels);
        REQUIRE(count(loaded, FaultCode::LabelsNotTranslated) == 1);
        CHECK(find(loaded, FaultCode::LabelsNotTranslated)->line == 17);
        CHECK(content::labels_left_in_english(loaded.bundle.labels) == std::vector<std::string_view>{"close", "done"});
    }
    SECTION("all given: nothing to say") {
        std::string labels = "\n[labels]\n";
        for (const content::LabelKey& key : content::label_keys()) labels += std::string(key.key) + " = \"Wort\"\n";
        CHECK(parse("de", labels).faults.empty());
    }
}

TEST_CASE("labels: which tags are English", "[content][labels]") {
    CHECK(content::is_english("en"));
    CHECK(content::is_english("en-GB"));
    CHECK(content::is_english("EN_us"));
    CHECK_FALSE(content::is_english("fa"));
    CHECK_FALSE(content::is_english("eng"));
    CHECK_FALSE(content::is_english("de-EN"));
}

TEST_CASE("labels: the Persian fixture gives its labels in Persian, the rest stay English with a warning", "[content][labels]") {
    const content::LoadResult loaded = check::load_and_validate_dir(std::string(KIOSK_TEST_DATA) + "/bundles/persian");
    REQUIRE(loaded.usable);
    const content::Labels& labels = loaded.bundle.labels;
    CHECK(labels.article == "\xD9\x85\xD9\x82\xD8\xA7\xD9\x84\xD9\x87");                      // مقاله
    CHECK(labels.language_name == "\xD9\x81\xD8\xA7\xD8\xB1\xD8\xB3\xDB\x8C");               // فارسی
    CHECK(labels.still_reading.find("\xD8\x9F") != std::string::npos);                     // ends with the Arabic question mark
    CHECK(content::labels_left_in_english(labels) ==
          std::vector<std::string_view>{"source_unavailable", "done", "touch_to_continue", "returns_to_start", "keep_reading"});
    CHECK(count(loaded, FaultCode::LabelsNotTranslated) == 1);
    // The labels are visible text, so the glyph check sees them.
    CHECK(content::visible_text(loaded.bundle).find(labels.touch_to_read) != std::string::npos);
}

TEST_CASE("labels: the curator README lists every key with its English default", "[content][labels][docs]") {
    const std::string readme = testing::read_file(std::string(KIOSK_SOURCE_DIR) + "/assets/content/README.md");
    const content::Labels english;
    for (const content::LabelKey& key : content::label_keys()) {
        const std::string row = "| `" + std::string(key.key) + "` | " + english.*key.field + " |";
        INFO(row);
        CHECK(readme.find(row) != std::string::npos);
    }
}
