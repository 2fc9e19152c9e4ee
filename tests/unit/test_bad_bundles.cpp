// The broken-bundle corpus (tests/data/bad_bundles/expected.txt) end to end: every bundle through
// `kiosk --check` (its fault code, the exit status, the JSON) and through the kiosk itself
// (`--screenshot`: the fault on stderr and a picture that is not blank; on errors, exactly the
// built-in article's picture, since the kiosk falls back to it).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include <unistd.h>

#include "test_support.h"
#include "test_process_support.h"
#include "support/image_fixtures.h"
#include "core/fault.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

const std::string kCorpus = std::string(KIOSK_TEST_DATA) + "/bad_bundles";
const std::string kBase = std::string(KIOSK_TEST_DATA) + "/bad_bundles_base";
constexpr const char* kShotSize = "480x320";

struct Case {
    std::string name;                  // as in expected.txt; "@name": made by the test
    std::string code;                  // the fault code it must give; "none": no fault at all
    std::string dir;                   // where the bundle is
    std::vector<std::string> wrapper;  // run the kiosk through this (dropping root's file access)
};

std::vector<Case> read_expected() {
    std::vector<Case> cases;
    std::ifstream in(kCorpus + "/expected.txt");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        Case c;
        words >> c.name >> c.code;
        c.dir = kCorpus + "/" + c.name;
        cases.push_back(c);
    }
    return cases;
}

std::optional<core::Severity> severity_of(const std::string& code) {
#define KIOSK_TEST_SEVERITY(name, severity) \
    if (code == #name) return core::Severity::severity;
    KIOSK_FAULT_CODES(KIOSK_TEST_SEVERITY)
#undef KIOSK_TEST_SEVERITY
    return std::nullopt;
}

// Root reads files whatever their mode; without these two capabilities it cannot.
std::vector<std::string> without_file_override() {
    if (geteuid() != 0) return {};
    return {"setpriv", "--bounding-set=-dac_override,-dac_read_search"};
}

// Makes the "@" cases in `dir`.
void make_generated(Case& c, const std::string& dir) {
    const std::string target = dir + "/" + c.name.substr(1);
    fs::copy(kBase, target, fs::copy_options::recursive);
    c.dir = target;
    if (c.name.rfind("@picture_", 0) == 0) {
        // A photograph after the last paragraph, its file made here (support/image_fixtures.h).
        fs::create_directories(target + "/photos");
        const std::string photo = target + "/photos/x.jpg";
        const std::string alt = c.name == "@picture_no_alt" ? "" : "A generated test pattern";
        if (c.name == "@picture_bomb") testing::write_file(photo, testing::png_header_declaring(100000, 100000));
        if (c.name == "@picture_huge_file" || c.name == "@picture_no_alt") testing::write_file(photo, testing::make_jpeg({1200, 800}));
        if (c.name == "@picture_huge_file") fs::resize_file(photo, 300ull << 20);  // sparse
        if (c.name == "@picture_gif") testing::write_file(photo, std::string("GIF89a\x10\x00\x10\x00\x80\x00\x00", 13));
        if (c.name == "@picture_webp") testing::write_file(photo, std::string("RIFF\x24\x00\x00\x00WEBPVP8 ", 16));
        if (c.name == "@picture_symlink_out") {
            testing::write_file(dir + "/outside.jpg", testing::make_jpeg({1200, 800}));
            fs::create_symlink(dir + "/outside.jpg", photo);
        }
        // Before the "---": a photograph in the body.
        std::ifstream in(target + "/article.md");
        std::stringstream text;
        text << in.rdbuf();
        std::string article = text.str();
        article.insert(article.find("\n---"), "\n![" + alt + "](photos/x.jpg \"Test pattern, made by the test suite\")\nA caption.\n");
        std::ofstream(target + "/article.md", std::ios::trunc) << article;
    } else if (c.name == "@huge_article") {
        std::ofstream out(target + "/article.md", std::ios::binary | std::ios::app);
        const std::string paragraph(1023, 'a');
        for (int i = 0; i < 2048; ++i) out << paragraph << '\n';
    } else if (c.name == "@huge_manifest") {
        fs::resize_file(target + "/manifest.toml", 64u << 20);  // sparse: 64 MiB of NULs after the text
    } else if (c.name == "@unreadable_article") {
        fs::permissions(target + "/article.md", fs::perms::none);
        c.wrapper = without_file_override();
    } else if (c.name == "@unreadable_folder") {
        fs::permissions(target, fs::perms::none);
        c.wrapper = without_file_override();
    }
}

struct Outcome {
    testing::Exit check, json, shot;
    test::Image picture;
};

std::vector<std::string> command(const Case& c, std::vector<std::string> args) {
    std::vector<std::string> argv = c.wrapper;
    const std::vector<std::string> kiosk = testing::kiosk(args);
    argv.insert(argv.end(), kiosk.begin(), kiosk.end());
    return argv;
}

Outcome run_case(const Case& c, const std::string& png) {
    Outcome outcome;
    outcome.check = testing::run(command(c, {"--check", c.dir}));
    outcome.json = testing::run(command(c, {"--check", c.dir, "--json"}));
    outcome.shot = testing::run(command(c, {"--content", c.dir, "--screenshot", png, "--size", kShotSize}));
    outcome.picture = test::load_png(png);
    return outcome;
}

}  // namespace

TEST_CASE("every broken bundle gives its fault code from --check and the kiosk still shows a picture", "[bad][e2e]") {
    std::vector<Case> cases = read_expected();
    size_t broken = 0;
    for (const Case& c : cases) broken += c.code != "none";
    REQUIRE(broken >= 30);

    testing::TempDir work("bad-bundles");
    for (Case& c : cases)
        if (c.name[0] == '@') make_generated(c, work.path());

    // The picture the kiosk shows when it refuses a bundle: the built-in article.
    const std::string builtin_png = work.path() + "/builtin.png";
    const testing::Exit builtin = testing::run(testing::kiosk({"--screenshot", builtin_png, "--size", kShotSize}));
    REQUIRE(builtin.code == 0);
    const test::Image builtin_picture = test::load_png(builtin_png);
    REQUIRE(test::ink(builtin_picture, 0, 0, builtin_picture.width, builtin_picture.height) > 0.01);

    // Two at a time: each case starts three processes, and the machine has two cores.
    std::vector<Outcome> outcomes(cases.size());
    std::mutex next_mutex;
    size_t next = 0;
    auto worker = [&] {
        for (;;) {
            size_t i = 0;
            {
                std::lock_guard<std::mutex> lock(next_mutex);
                if (next == cases.size()) return;
                i = next++;
            }
            outcomes[i] = run_case(cases[i], work.path() + "/shot-" + std::to_string(i) + ".png");
        }
    };
    std::thread a(worker), b(worker);
    a.join();
    b.join();

    for (size_t i = 0; i < cases.size(); ++i) {
        const Case& c = cases[i];
        const Outcome& o = outcomes[i];
        INFO("bundle " << c.name << ", expected " << c.code << "\n--check said:\n" << o.check.output
                       << "\n--screenshot said:\n" << o.shot.output);
        const std::optional<core::Severity> severity = severity_of(c.code);
        if (c.code == "none") {
            CHECK(o.check.code == 0);
            CHECK_THAT(o.check.output, Catch::Contains("0 errors, 0 warnings"));
            CHECK_THAT(o.json.output, Catch::Contains("\"faults\":[]"));
        } else {
            REQUIRE(severity.has_value());
            const bool error = *severity == core::Severity::Error;
            const std::string finding = std::string(error ? "error " : "warning ") + c.code + " ";
            CHECK(o.check.code == (error ? 1 : 0));
            CHECK_THAT(o.check.output, Catch::Contains(finding));
            CHECK(o.json.code == o.check.code);
            CHECK(o.json.output.rfind("{\"bundle\":", 0) == 0);
            CHECK_THAT(o.json.output, Catch::Contains("\"code\":\"" + c.code + "\""));
            // The kiosk names the same fault when it starts.
            CHECK_THAT(o.shot.output, Catch::Contains(finding));
            if (error) CHECK_THAT(o.shot.output, Catch::Contains("showing the built-in article instead"));
        }
        // Never blank, never crashed: a picture with text on it.
        CHECK(o.shot.code == 0);
        CHECK(o.shot.signal == 0);
        REQUIRE(o.picture.width == 480);
        CHECK(test::ink(o.picture, 0, 0, o.picture.width, o.picture.height) > 0.01);
        const bool refused = severity && *severity == core::Severity::Error;
        if (refused) CHECK(o.picture.rgba == builtin_picture.rgba);
        else CHECK(o.picture.rgba != builtin_picture.rgba);
    }
}
