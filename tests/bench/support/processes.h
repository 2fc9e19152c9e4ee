// Starting and stopping the processes a benchmark measures: an Xvfb server on a free display, a
// headless cage compositor with a program in it, and programs with their own environment and their
// standard output captured. Every process is stopped
// by its PID (never by name) and waited for. Does NOT measure anything.
#pragma once
#include <string>
#include <sys/types.h>
#include <vector>

namespace kiosk::bench {

struct Xvfb {
    pid_t pid = -1;
    std::string display;               // ":N", chosen by Xvfb itself (-displayfd)
};

// Starts `Xvfb -displayfd FD -screen 0 WxHx24 -nolisten tcp -br` (the set-up the Chromium
// baseline uses, in the size asked for). pid -1 and a reason in `error` when it does not start.
Xvfb start_xvfb(int width, int height, std::string* error);

struct Spawned {
    pid_t pid = -1;
    int stdout_fd = -1;                // the program's standard output, or -1 when not captured
};

// Starts `argv` with `set_env` (NAME=value) added and `unset_env` names removed. Standard output
// goes to a pipe when `capture_stdout`; standard error stays the benchmark's, or is appended to
// `stderr_path` when one is given.
Spawned spawn(const std::vector<std::string>& argv, const std::vector<std::string>& set_env,
              const std::vector<std::string>& unset_env, bool capture_stdout, const std::string& stderr_path = "");

// Headless cage, as deploy/ci/boards.sh runs the packaged kiosk (the kiosk's unit on a board runs
// it in cage): wlroots' headless backend and pixman renderer, no input devices, Xwayland (Debian's
// GLFW is the X11 build). cage refuses to run as root, so as root cage and its program run as
// nobody, with their own folders and copies of programs nobody could not reach.
struct Cage {
    std::string dir;                   // a new folder (mode 755) for everything the runs need
    bool as_nobody = false;            // root: cage and its program run as nobody
    int runs = 0;                      // a fresh runtime folder per run
};
// Makes the folder; false and a reason in `error` when it cannot.
bool make_cage(Cage& cage, std::string* error);
// A file in the folder that cage's user may write (e.g. a frame log); empty when it cannot be made.
std::string cage_writable_file(const Cage& cage, const std::string& name);
// `program`, or a copy of it in the folder when cage's user cannot reach it.
std::string runnable_in_cage(const Cage& cage, const std::string& program);
// Starts `cage -d -- argv...` with `set_env` added (DISPLAY and WAYLAND_DISPLAY removed; cage sets
// them for its program). cage's own log goes to `cage.log` in the folder. cage ends when its
// program does.
Spawned spawn_in_cage(Cage& cage, const std::vector<std::string>& argv, std::vector<std::string> set_env,
                      bool capture_stdout);
// Removes the folder.
void remove_cage(const Cage& cage);

// Reads `fd` to its end and closes it.
std::string read_all(int fd);

// SIGTERM, then SIGKILL after `grace_s`; waits for it. Returns its exit status (waitpid's).
int stop(pid_t pid, double grace_s = 5.0);

// Waits for the process to exit by itself; its exit status (waitpid's).
int wait_exit(pid_t pid);

// Waits at most `seconds` for the process to exit by itself: its exit status, or -1 if it still runs.
int wait_exit_for(pid_t pid, double seconds);

// A child of `parent` whose command name (/proc/PID/comm) is `name`, e.g. the program cage started;
// -1 when there is none (yet).
pid_t child_named(pid_t parent, const std::string& name);

}  // namespace kiosk::bench
