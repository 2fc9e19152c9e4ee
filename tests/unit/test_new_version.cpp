// An upgrade replaces the kiosk's program while it runs: NewVersionWatch notices (the installed
// path now holds another file), and the new version takes over only when nobody is reading.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "test_process_support.h"
#include "service/new_version.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

void write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

// As dpkg does: the new file is written beside the old one and renamed over it.
void install_new(const std::string& path) {
    write(path + ".dpkg-new", "new version");
    fs::rename(path + ".dpkg-new", path);
}

}  // namespace

TEST_CASE("new version: the watch notices a program renamed over the running one, and only then", "[new_version]") {
    testing::TempDir dir("new-version");
    const std::string program = dir.path() + "/kiosk", self = dir.path() + "/self";
    write(program, "old version");
    fs::create_symlink(program, self);  // stands in for /proc/self/exe
    // A running program's file stays in use, so its inode is not reused by the new file.
    std::ifstream running(program);
    app::NewVersionWatch watch({self, 10.0});
    CHECK(watch.path() == program);
    CHECK_FALSE(watch.installed(0.0));

    // The same file rewritten in place is no new file; a missing one (mid-upgrade) is not yet one.
    write(program, "old version, touched");
    CHECK_FALSE(watch.installed(20.0));
    fs::remove(program);
    CHECK_FALSE(watch.installed(40.0));

    install_new(program);
    CHECK_FALSE(watch.installed(45.0));  // checked at most every 10 s
    CHECK(watch.installed(50.0));
    CHECK(watch.installed(51.0));        // and it stays so
}

TEST_CASE("new version: an unknown program never reports one", "[new_version]") {
    app::NewVersionWatch watch({"/nonexistent/self", 0.0});
    CHECK(watch.path().empty());
    CHECK_FALSE(watch.installed(100.0));
}

TEST_CASE("new version: it takes over only when nobody is reading", "[new_version]") {
    using app::IdlePhase;
    CHECK_FALSE(app::hand_over_now(true, IdlePhase::Active, true));
    CHECK_FALSE(app::hand_over_now(true, IdlePhase::Prompt, true));  // the "Still reading?" card: maybe someone is
    CHECK(app::hand_over_now(true, IdlePhase::Attract, true));
    CHECK(app::hand_over_now(true, IdlePhase::Resting, true));
    CHECK(app::hand_over_now(true, IdlePhase::Active, false));        // off hours: the screen is black
    for (IdlePhase phase : {IdlePhase::Active, IdlePhase::Prompt, IdlePhase::Attract, IdlePhase::Resting})
        CHECK_FALSE(app::hand_over_now(false, phase, false));
}
