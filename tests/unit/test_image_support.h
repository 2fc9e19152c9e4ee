// What the photograph tests share: a temporary folder removed at the end of its scope, and a
// bundle with pictures made in it (tests/support/image_fixtures.h).
#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "support/image_fixtures.h"

#include "unit/test_support.h"

namespace kiosk::test {

class TempDir {
public:
    explicit TempDir(const std::string& name) : path_(temp_path(name)) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// A bundle with photographs, made in `dir` (replaced): the test corpus's base bundle (or, with
// `persian`, the Persian fixture) with a landscape JPEG after the first paragraph and a portrait
// one (EXIF orientation 6) after the second, and, with `broken`, filler paragraphs and a third:
// a JPEG cut in half whose header is whole, which the kiosk finds only when it decodes it.
inline std::string make_photo_bundle(const std::string& dir, bool persian = false, bool broken = false) {
    namespace fs = std::filesystem;
    fs::remove_all(dir);
    const std::string from = std::string(KIOSK_TEST_DATA) + (persian ? "/bundles/persian" : "/bad_bundles_base");
    fs::copy(from, dir, fs::copy_options::recursive);
    fs::create_directories(dir + "/photos");
    testing::JpegFixture landscape;
    landscape.width = 1200, landscape.height = 800;
    testing::write_file(dir + "/photos/landscape.jpg", testing::make_jpeg(landscape));
    testing::JpegFixture portrait;
    portrait.width = 960, portrait.height = 1280, portrait.orientation = 6;
    testing::write_file(dir + "/photos/portrait.jpg", testing::make_jpeg(portrait));
    std::string cut = testing::make_jpeg(landscape);
    cut.resize(cut.size() / 2);
    testing::write_file(dir + "/photos/cut.jpg", cut);

    std::ifstream in(dir + "/article.md");
    std::stringstream text;
    text << in.rdbuf();
    std::string article = text.str();
    const std::string caption1 = persian ? "\u0647\u0631 \u06a9\u0633 \u062d\u0642 \u0632\u0646\u062f\u06af\u06cc\u060c \u0622\u0632\u0627\u062f\u06cc \u0648 \u0627\u0645\u0646\u06cc\u062a \u0634\u062e\u0635\u06cc \u062f\u0627\u0631\u062f."
                                         : "A generated test pattern in four colours, shown at the column's width.";
    const std::string figure1 = "![Four coloured quadrants: red, green, blue and yellow](photos/landscape.jpg \"Test pattern, made by the test suite\")\n" + caption1 + "\n\n";
    const std::string figure2 = "![The same four quadrants, stored turned, shown upright](photos/portrait.jpg \"Test pattern, made by the test suite\")\n" + std::string(persian ? "" : "A portrait picture, letterboxed in the column.") + "\n\n";
    const std::string figure3 = "![A picture that is cut in half](photos/cut.jpg \"Test pattern, made by the test suite\")\n" + std::string(persian ? "" : "A damaged picture: its placeholder and this caption show.") + "\n\n";
    // After the first and the second body paragraphs (the first blank line after a body line).
    size_t at = article.find("\n\n", article.find(persian ? "[^udhr]" : "[^first]"));
    article.insert(at + 2, figure1);
    at = article.find("\n\n", at + 2 + figure1.size());
    std::string filler;  // puts the damaged picture more than a screen below the others
    for (int i = 0; broken && i < 24; ++i)
        filler += "A filler paragraph of this test bundle, so that the damaged picture is far below the others.\n\n";
    article.insert(at + 2, figure2 + (broken ? filler + figure3 : ""));
    std::ofstream out(dir + "/article.md", std::ios::binary | std::ios::trunc);
    out << article;
    return dir;
}

}  // namespace kiosk::test
