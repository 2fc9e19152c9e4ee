#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "app/manual_page.h"
#include "app/options.h"
#include "test_process_support.h"

using namespace kiosk;

namespace {

// Every "--name" the text mentions.
std::set<std::string> option_names_in(const std::string& text) {
    std::set<std::string> names;
    const std::regex option(R"((^|[^a-z-])(--[a-z][a-z-]*[a-z]))");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), option); it != std::sregex_iterator(); ++it)
        names.insert((*it)[2]);
    return names;
}

// "--size" as the manual page sets it: bold, hyphens escaped.
std::string in_roff(const std::string& name) {
    std::string escaped;
    for (char c : name) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
    return "\\fB" + escaped + "\\fR";
}

}  // namespace

TEST_CASE("manual page: every option in the usage has its entry", "[options][manpage]") {
    const std::string page = app::manual_page("0.0.0");
    const std::set<std::string> names = option_names_in(app::usage());
    REQUIRE(names.size() >= 15);  // the parser saw the usage's options, not nothing
    for (const std::string& name : names) {
        INFO(name);
        CHECK(page.find(".TP\n" + in_roff(name)) != std::string::npos);
    }
    CHECK(names.count("--print-manpage") == 1);
}

TEST_CASE("manual page: signals, files, exit codes and the version", "[options][manpage]") {
    const std::string page = app::manual_page("1.2.3");
    CHECK(page.find(".TH KIOSK 1 \"\" \"kiosk 1.2.3\"") != std::string::npos);
    CHECK(page.find(".SH NAME\nkiosk \\- ") != std::string::npos);  // what whatis(1) and lintian read
    for (const char* section : {"SYNOPSIS", "DESCRIPTION", "OPTIONS", "SIGNALS", "FILES", "EXIT STATUS"})
        CHECK(page.find(std::string(".SH ") + section + "\n") != std::string::npos);
    for (const char* tag : {"SIGHUP", "SIGTERM", "SIGINT", "/etc/kiosk/kiosk.toml", "/etc/kiosk/content", "0", "1", "2"}) {
        INFO(tag);
        CHECK(page.find(".TP\n\\fB" + std::string(tag) + "\\fR\n") != std::string::npos);
    }
    // Plain ASCII, and no unescaped hyphen outside requests: roff would print a hyphen, not a minus.
    std::istringstream lines(page);
    for (std::string line; std::getline(lines, line);) {
        INFO(line);
        CHECK(std::all_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
        if (line.rfind(".", 0) != 0) CHECK(std::regex_search(line, std::regex(R"((^|[^\\])-)")) == false);
    }
}

TEST_CASE("manual page: roff_escape", "[manpage]") {
    CHECK(app::roff_escape("a --size WxH b") == "a \\fB\\-\\-size\\fR WxH b");
    CHECK(app::roff_escape("well-kept") == "well\\-kept");
    CHECK(app::roff_escape("C:\\dir") == "C:\\edir");
    CHECK(app::roff_escape(".not a request") == "\\&.not a request");
    CHECK(app::roff_escape("'not either") == "\\&'not either");
    CHECK(app::roff_escape("(--print-config)") == "(\\fB\\-\\-print\\-config\\fR)");
    CHECK(app::roff_escape("--size-") == "\\fB\\-\\-size\\fR\\-");
}

TEST_CASE("option table: each row is parsed, in the usage's forms and in the README", "[options]") {
    std::string forms;
    for (std::string_view form : app::usage_forms()) forms += std::string(form) + "\n";
    // The README's options table: its rows' first cells.
    std::istringstream readme(testing::read_file(std::string(KIOSK_SOURCE_DIR) + "/README.md"));
    std::string readme_options;
    for (std::string line; std::getline(readme, line);)
        if (line.rfind("| `--", 0) == 0) readme_options += line.substr(0, line.find('|', 1)) + "\n";
    for (const app::OptionSpec& option : app::option_table()) {
        const std::string name(option.name);
        INFO(name);
        std::vector<std::string> args{name};
        if (option.value == app::OptionValue::Required) args.push_back("x");
        const app::ParsedOptions parsed = app::parse_options(args);
        CHECK(parsed.error.find("unknown option") == std::string::npos);
        CHECK(parsed.error.find("not handled") == std::string::npos);
        CHECK(app::find_option(name) == &option);
        CHECK(option_names_in(forms).count(name) == 1);
        CHECK(option_names_in(readme_options).count(name) == 1);
        CHECK_FALSE(option.help.empty());
        CHECK((option.value == app::OptionValue::None) == option.placeholder.empty());
    }
    CHECK(app::find_option("-h") == app::find_option("--help"));
    CHECK(app::find_option("--frobnicate") == nullptr);
    CHECK(option_names_in(forms).size() == app::option_table().size());  // and nothing else
}

TEST_CASE("usage: every line fits 80 columns", "[options]") {
    std::istringstream lines(app::usage());
    int count = 0;
    for (std::string line; std::getline(lines, line); ++count) {
        INFO(line);
        CHECK(line.size() < 80);
    }
    CHECK(count > static_cast<int>(app::option_table().size()));
}

TEST_CASE("kiosk --print-manpage prints the page and exits 0", "[manpage][e2e]") {
    const testing::Exit printed = testing::run(testing::kiosk({"--print-manpage"}));
    CHECK(printed.code == 0);
    CHECK(printed.output == app::manual_page(KIOSK_VERSION));
}
