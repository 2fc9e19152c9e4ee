// Starting and stopping the processes a benchmark measures: an Xvfb server on a free display, and
// programs with their own environment and their standard output captured. Every process is stopped
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
// goes to a pipe when `capture_stdout`; standard error stays the benchmark's.
Spawned spawn(const std::vector<std::string>& argv, const std::vector<std::string>& set_env,
              const std::vector<std::string>& unset_env, bool capture_stdout);

// Reads `fd` to its end and closes it.
std::string read_all(int fd);

// SIGTERM, then SIGKILL after `grace_s`; waits for it. Returns its exit status (waitpid's).
int stop(pid_t pid, double grace_s = 5.0);

// Waits for the process to exit by itself; its exit status (waitpid's).
int wait_exit(pid_t pid);

}  // namespace kiosk::bench
