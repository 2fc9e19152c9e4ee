#include "processes.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <thread>

namespace kiosk::bench {

namespace {

std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (std::string& s : strings) pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return pointers;
}

}  // namespace

Spawned spawn(const std::vector<std::string>& argv, const std::vector<std::string>& set_env,
              const std::vector<std::string>& unset_env, bool capture_stdout, const std::string& stderr_path) {
    Spawned spawned;
    int pipe_fds[2] = {-1, -1};
    if (capture_stdout && pipe2(pipe_fds, O_CLOEXEC) != 0) return spawned;
    std::vector<std::string> args = argv;
    std::vector<char*> arg_pointers = c_strings(args);
    const pid_t pid = fork();
    if (pid == 0) {
        if (capture_stdout) dup2(pipe_fds[1], STDOUT_FILENO);
        if (!stderr_path.empty()) {
            const int log_fd = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
            if (log_fd >= 0) dup2(log_fd, STDERR_FILENO);
        }
        for (const std::string& name : unset_env) unsetenv(name.c_str());
        for (const std::string& entry : set_env) {
            const size_t eq = entry.find('=');
            setenv(entry.substr(0, eq).c_str(), entry.substr(eq + 1).c_str(), 1);
        }
        execvp(arg_pointers[0], arg_pointers.data());
        std::fprintf(stderr, "bench: cannot run %s: %s\n", arg_pointers[0], std::strerror(errno));
        _exit(127);
    }
    if (capture_stdout) {
        close(pipe_fds[1]);
        if (pid < 0) close(pipe_fds[0]);
        else spawned.stdout_fd = pipe_fds[0];
    }
    spawned.pid = pid;
    return spawned;
}

Xvfb start_xvfb(int width, int height, std::string* error) {
    Xvfb server;
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) {
        *error = "pipe failed";
        return server;
    }
    fcntl(pipe_fds[0], F_SETFD, FD_CLOEXEC);
    const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
    const pid_t pid = fork();
    if (pid == 0) {
        // Xvfb's own log stays out of the benchmark's output.
        const int null_fd = open("/dev/null", O_WRONLY);
        if (null_fd >= 0) {
            dup2(null_fd, STDOUT_FILENO);
            dup2(null_fd, STDERR_FILENO);
        }
        const std::string fd = std::to_string(pipe_fds[1]);
        execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp", "-br",
               static_cast<char*>(nullptr));
        _exit(127);
    }
    close(pipe_fds[1]);
    if (pid < 0) {
        close(pipe_fds[0]);
        *error = "fork failed";
        return server;
    }
    // Xvfb writes the display number and a newline once it accepts connections.
    std::string number;
    pollfd waiting{pipe_fds[0], POLLIN, 0};
    while (number.find('\n') == std::string::npos && poll(&waiting, 1, 10000) > 0) {
        char buffer[32];
        const ssize_t got = read(pipe_fds[0], buffer, sizeof buffer);
        if (got <= 0) break;
        number.append(buffer, static_cast<size_t>(got));
    }
    close(pipe_fds[0]);
    const size_t end = number.find('\n');
    if (end == std::string::npos || end == 0) {
        *error = "Xvfb did not start (is the xvfb package installed?)";
        stop(pid);
        return server;
    }
    server.pid = pid;
    server.display = ":" + number.substr(0, end);
    return server;
}

namespace {

constexpr uid_t kNobody = 65534;
constexpr gid_t kNogroup = 65534;

// Whether a user other than the owner may run `path`: every folder on the way searchable by others,
// the file executable by them.
bool others_can_run(const std::string& path) {
    struct stat info {};
    if (stat(path.c_str(), &info) != 0 || !(info.st_mode & S_IXOTH)) return false;
    for (std::filesystem::path dir = std::filesystem::absolute(path).parent_path();; dir = dir.parent_path()) {
        if (stat(dir.c_str(), &info) != 0 || !(info.st_mode & S_IXOTH)) return false;
        if (dir == dir.root_path()) return true;
    }
}

}  // namespace

bool make_cage(Cage& cage, std::string* error) {
    char dir[] = "/tmp/kiosk-bench-cage-XXXXXX";
    if (mkdtemp(dir) == nullptr || chmod(dir, 0755) != 0) {
        *error = std::string("cannot make a folder for cage: ") + std::strerror(errno);
        return false;
    }
    cage.dir = dir;
    cage.as_nobody = getuid() == 0;
    return true;
}

std::string cage_writable_file(const Cage& cage, const std::string& name) {
    const std::string path = cage.dir + "/" + name;
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return "";
    const bool ok = !cage.as_nobody || fchown(fd, kNobody, kNogroup) == 0;
    close(fd);
    return ok ? path : "";
}

std::string runnable_in_cage(const Cage& cage, const std::string& program) {
    if (!cage.as_nobody || others_can_run(program)) return program;
    const std::string copy = cage.dir + "/" + std::filesystem::path(program).filename().string();
    std::error_code failed;
    std::filesystem::copy_file(program, copy, std::filesystem::copy_options::overwrite_existing, failed);
    if (failed || chmod(copy.c_str(), 0755) != 0) return program;  // cage's own error will say so
    return copy;
}

Spawned spawn_in_cage(Cage& cage, const std::vector<std::string>& argv, std::vector<std::string> set_env,
                      bool capture_stdout) {
    // cage's Wayland socket goes in the runtime folder; Xwayland's X socket in /tmp/.X11-unix.
    const std::string runtime = cage.dir + "/run-" + std::to_string(++cage.runs);
    if (mkdir(runtime.c_str(), 0700) != 0 || (cage.as_nobody && chown(runtime.c_str(), kNobody, kNogroup) != 0))
        return {};
    std::vector<std::string> command;
    if (cage.as_nobody) command = {"setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"};
    command.insert(command.end(), {"cage", "-d", "--"});
    command.insert(command.end(), argv.begin(), argv.end());
    set_env.insert(set_env.end(), {"XDG_RUNTIME_DIR=" + runtime, "HOME=" + runtime, "WLR_BACKENDS=headless",
                                   "WLR_LIBINPUT_NO_DEVICES=1", "WLR_RENDERER=pixman"});
    return spawn(command, set_env, {"DISPLAY", "WAYLAND_DISPLAY"}, capture_stdout, cage.dir + "/cage.log");
}

void remove_cage(const Cage& cage) {
    std::error_code ignored;
    if (!cage.dir.empty()) std::filesystem::remove_all(cage.dir, ignored);
}

std::string read_all(int fd) {
    std::string text;
    char buffer[4096];
    for (;;) {
        const ssize_t got = read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        text.append(buffer, static_cast<size_t>(got));
    }
    close(fd);
    return text;
}

int wait_exit_for(pid_t pid, double seconds) {
    int status = 0;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < give_up) {
        if (waitpid(pid, &status, WNOHANG) == pid) return status;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
}

int stop(pid_t pid, double grace_s) {
    if (pid <= 0) return -1;
    kill(pid, SIGTERM);
    int status = wait_exit_for(pid, grace_s);
    if (status != -1) return status;
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return status;
}

pid_t child_named(pid_t parent, const std::string& name) {
    DIR* proc = opendir("/proc");
    if (proc == nullptr) return -1;
    pid_t found = -1;
    while (const dirent* entry = readdir(proc)) {
        const pid_t pid = static_cast<pid_t>(std::atoi(entry->d_name));
        if (pid <= 0) continue;
        // /proc/PID/stat: "PID (COMM) STATE PPID ..."; COMM may hold spaces and parentheses.
        std::ifstream in("/proc/" + std::string(entry->d_name) + "/stat");
        std::string stat;
        std::getline(in, stat);
        const size_t open = stat.find('('), close = stat.rfind(')');
        if (open == std::string::npos || close == std::string::npos || close < open) continue;
        int ppid = 0;
        char state = 0;
        if (std::sscanf(stat.c_str() + close + 1, " %c %d", &state, &ppid) != 2) continue;
        if (ppid == parent && stat.compare(open + 1, close - open - 1, name) == 0) {
            found = pid;
            break;
        }
    }
    closedir(proc);
    return found;
}

int wait_exit(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

}  // namespace kiosk::bench
