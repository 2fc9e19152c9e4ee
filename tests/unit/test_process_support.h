// Child processes for end-to-end tests, by argument vector rather than a shell line (compare
// test_support.h's run_kiosk): run the kiosk or a wrapper such as strace with a clean environment,
// capture what it prints, signal it while it runs, wait for it with a bound. Also a private Xvfb
// on a free display, and temporary folders. Tests only.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

namespace kiosk::testing {

struct ProcessOptions {
    std::vector<std::string> set_env;  // "NAME=value" added to (or replacing in) the environment
    std::vector<std::string> unset_env{"DISPLAY", "WAYLAND_DISPLAY"};  // removed; by default no display
    std::string cwd;                   // working directory; "" keeps the test's
};

struct Exit {
    int code = -1;                     // exit status; -1 when killed by a signal
    int signal = 0;                    // the signal that ended it, 0 when it exited
    std::string output;                // stdout and stderr, interleaved
};

// A started child; its output goes to a temporary file until it is collected.
class Process {
public:
    Process(const std::vector<std::string>& argv, const ProcessOptions& options = {});
    ~Process();                        // kills the child if it still runs
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    pid_t pid() const { return pid_; }
    void send(int signal) const;
    // Waits at most `seconds`; nothing when the child still runs then.
    std::optional<Exit> wait_for(double seconds);
    // What the child has printed so far.
    std::string output_so_far() const;
    // Waits until the output holds `text` (true) or `seconds` pass or the child ends (false).
    bool wait_for_output(const std::string& text, double seconds);

private:
    pid_t pid_ = -1;
    std::string log_;
    bool reaped_ = false;
};

// The command that starts the kiosk (KIOSK_BINARY, which a cross build prefixes with its emulator),
// as words, followed by `args`.
std::vector<std::string> kiosk(const std::vector<std::string>& args);

// Runs to the end (killed after `timeout` seconds: then code -1, signal SIGKILL).
Exit run(const std::vector<std::string>& argv, const ProcessOptions& options = {}, double timeout = 120.0);

// Xvfb on a display number it picks itself; stopped by the destructor. display() is ":N", or ""
// when Xvfb could not start (error() says why).
class VirtualDisplay {
public:
    explicit VirtualDisplay(const std::string& screen = "1024x768x24");
    ~VirtualDisplay();
    const std::string& display() const { return display_; }
    const std::string& error() const { return error_; }

private:
    pid_t pid_ = -1;
    std::string display_;
    std::string error_;
};

// The whole file as bytes; "" when it cannot be read.
std::string read_file(const std::string& path);

// A fresh empty directory under the system temp directory, removed with everything in it.
class TempDir {
public:
    explicit TempDir(const std::string& label);
    ~TempDir();
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace kiosk::testing
