// The kiosk makes no network connection and writes no file. Each mode runs under strace in an
// empty network namespace, with a read-only working directory and HOME (bind mounts in a private
// mount namespace): the trace must hold no inet/inet6 socket and no attempt to create, open for
// writing, rename or remove a file, except the screenshot that --screenshot was asked to write and
// the health file that --health-file names (written as PATH.new, then renamed over PATH).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <cstdlib>
#include <sstream>

#include <unistd.h>

#include "test_process_support.h"

using namespace kiosk;

namespace {

// Unsharing the network and mounts needs root (CI and the developers' machines are root here).
bool can_unshare() {
    return geteuid() == 0 && testing::run({"unshare", "--net", "--mount", "true"}).code == 0;
}

struct Traced {
    testing::Exit exit;
    std::string trace;
};

// Runs the kiosk with `args` in the sandbox; `seconds` > 0 ends it with SIGTERM after that long.
Traced run_isolated(const std::string& root, const std::string& name, const std::vector<std::string>& args,
                    const std::string& display, double seconds) {
    const std::string home = root + "/home", cwd = root + "/cwd", trace = root + "/out/" + name + ".trace";
    std::string command;
    const auto quote = [](const std::string& text) { return "'" + text + "'"; };
    if (can_unshare())
        for (const std::string& dir : {home, cwd})
            command += "mount --bind " + quote(dir) + " " + quote(dir) + " && mount -o remount,bind,ro " + quote(dir) +
                       " && ";
    command += "cd " + quote(cwd) + " && HOME=" + quote(home) + " exec strace -f -qq -o " + quote(trace) +
               " -e trace=network,open,openat,openat2,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,"
               "rmdir,truncate,link,linkat,symlink,symlinkat -- ";
    if (seconds > 0) command += "timeout -s TERM --preserve-status " + std::to_string(seconds) + " ";
    for (const std::string& word : testing::kiosk(args)) command += " " + quote(word);

    std::vector<std::string> argv;
    if (can_unshare()) argv = {"unshare", "--net", "--mount", "--propagation", "private", "--"};
    argv.insert(argv.end(), {"sh", "-c", command});
    testing::ProcessOptions options;
    if (!display.empty()) options.set_env = {"DISPLAY=" + display};
    // Under the sanitizer build: LeakSanitizer stops the process with ptrace at exit, which it
    // cannot do under strace (a process has one tracer). Every other test still checks leaks.
    const char* asan = std::getenv("ASAN_OPTIONS");
    options.set_env.push_back(std::string("ASAN_OPTIONS=") + (asan ? std::string(asan) + ":" : "") + "detect_leaks=0");
    Traced traced;
    traced.exit = testing::run(argv, options, 120.0);
    traced.trace = testing::read_file(trace);
    return traced;
}

// Trace lines that open a network socket other than a local (AF_UNIX) one.
std::vector<std::string> network_lines(const std::string& trace) {
    std::vector<std::string> found;
    std::istringstream lines(trace);
    const std::regex inet(R"((socket|socketpair)\((AF_INET|AF_INET6|AF_PACKET|AF_NETLINK)|sa_family=AF_INET)");
    for (std::string line; std::getline(lines, line);)
        if (std::regex_search(line, inet)) found.push_back(line);
    return found;
}

// Trace lines that write to the file system, other than the `allowed` paths and /dev.
std::vector<std::string> write_lines(const std::string& trace, const std::vector<std::string>& allowed) {
    std::vector<std::string> found;
    std::istringstream lines(trace);
    const std::regex writing(R"((O_WRONLY|O_RDWR|O_CREAT|O_TRUNC)|\b(creat|mkdir|mkdirat|rename|renameat2?|unlink|unlinkat|rmdir|truncate|link|linkat|symlink|symlinkat)\()");
    for (std::string line; std::getline(lines, line);) {
        if (!std::regex_search(line, writing)) continue;
        if (line.find("\"/dev/") != std::string::npos) continue;
        bool is_allowed = false;
        for (const std::string& path : allowed) is_allowed = is_allowed || line.find("\"" + path + "\"") != std::string::npos;
        if (!is_allowed) found.push_back(line);
    }
    return found;
}

}  // namespace

TEST_CASE("the kiosk opens no network socket and writes no file", "[isolation][e2e]") {
    REQUIRE(testing::run({"strace", "-V"}).code == 0);
    testing::TempDir root("isolation");
    for (const char* dir : {"/home", "/cwd", "/out"}) std::filesystem::create_directories(root.path() + dir);
    if (!can_unshare()) WARN("no namespaces here (not root?): strace alone checks, the folders stay writable");

    SECTION("in a window, until SIGTERM") {
        testing::VirtualDisplay display;
        INFO(display.error());
        REQUIRE_FALSE(display.display().empty());
        const Traced run = run_isolated(root.path(), "window", {"--size", "640x400"}, display.display(), 4.0);
        INFO(run.exit.output);
        CHECK(run.exit.code == 0);
        CHECK_THAT(run.exit.output, Catch::Contains("kiosk: showing built-in"));
        CHECK_THAT(run.exit.output, Catch::Contains("kiosk: stopping on SIGTERM"));
        REQUIRE_FALSE(run.trace.empty());
        CHECK(network_lines(run.trace).empty());
        CHECK(write_lines(run.trace, {}).empty());
        // It did talk to the X server: the trace is not empty for want of tracing.
        CHECK_THAT(run.trace, Catch::Contains("AF_UNIX"));
    }
    SECTION("in a window with --health-file: that file, replaced whole, and nothing else") {
        testing::VirtualDisplay display;
        INFO(display.error());
        REQUIRE_FALSE(display.display().empty());
        const std::string health = root.path() + "/out/health.prom";
        // Longer than the window's run: the first write comes with the frame loop's first turn,
        // which under qemu (the arm64 suite) and strace can come after 4 s; a SIGTERM before it
        // ends the kiosk with nothing written (seen once in CI).
        const Traced run = run_isolated(root.path(), "health", {"--size", "640x400", "--health-file", health},
                                        display.display(), 12.0);
        INFO(run.exit.output);
        CHECK(run.exit.code == 0);
        CHECK_THAT(testing::read_file(health), Catch::Contains("kiosk_content_info{"));
        CHECK_FALSE(std::filesystem::exists(health + ".new"));
        CHECK(network_lines(run.trace).empty());
        const std::vector<std::string> writes = write_lines(run.trace, {health, health + ".new"});
        INFO((writes.empty() ? std::string() : writes.front()));
        CHECK(writes.empty());
        // rename(2) where there is one; renameat(2) on arm64, which has only that.
        const std::regex replaced("rename(at2?)?\\((AT_FDCWD, )?\"" + health + "\\.new\", (AT_FDCWD, )?\"" + health + "\"");
        CHECK(std::regex_search(run.trace, replaced));
    }
    SECTION("--check") {
        const Traced run = run_isolated(root.path(), "check", {"--check"}, "", 0.0);
        INFO(run.exit.output);
        CHECK(run.exit.code == 0);
        CHECK(network_lines(run.trace).empty());
        CHECK(write_lines(run.trace, {}).empty());
    }
    SECTION("--screenshot writes the picture and nothing else") {
        const std::string shot = root.path() + "/out/shot.png";
        const Traced run = run_isolated(root.path(), "shot", {"--screenshot", shot, "--size", "640x400"}, "", 0.0);
        INFO(run.exit.output);
        CHECK(run.exit.code == 0);
        CHECK(std::filesystem::file_size(shot) > 1000);
        CHECK(network_lines(run.trace).empty());
        const std::vector<std::string> writes = write_lines(run.trace, {shot});
        INFO((writes.empty() ? std::string() : writes.front()));
        CHECK(writes.empty());
        CHECK_THAT(run.trace, Catch::Contains(shot));
    }
}

TEST_CASE("the isolation check sees a write and a socket when there is one", "[isolation]") {
    // The filters themselves, on lines strace really prints.
    CHECK(write_lines("1 openat(AT_FDCWD, \"/root/.cache/x/index\", O_RDWR|O_CREAT|O_CLOEXEC, 0644) = 7\n", {}).size() == 1);
    CHECK(write_lines("1 mkdir(\"/home/k/.cache\", 0700) = -1 EROFS (Read-only file system)\n", {}).size() == 1);
    CHECK(write_lines("1 openat(AT_FDCWD, \"/usr/lib/x.so\", O_RDONLY|O_CLOEXEC) = 3\n", {}).empty());
    CHECK(write_lines("1 openat(AT_FDCWD, \"/dev/null\", O_RDWR) = 3\n", {}).empty());
    CHECK(network_lines("1 socket(AF_INET6, SOCK_DGRAM|SOCK_CLOEXEC, IPPROTO_IP) = 5\n").size() == 1);
    CHECK(network_lines("1 connect(3, {sa_family=AF_INET, sin_port=htons(53)}, 16) = 0\n").size() == 1);
    CHECK(network_lines("1 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3\n").empty());
}
