#include "processes.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
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
              const std::vector<std::string>& unset_env, bool capture_stdout) {
    Spawned spawned;
    int pipe_fds[2] = {-1, -1};
    if (capture_stdout && pipe2(pipe_fds, O_CLOEXEC) != 0) return spawned;
    std::vector<std::string> args = argv;
    std::vector<char*> arg_pointers = c_strings(args);
    const pid_t pid = fork();
    if (pid == 0) {
        if (capture_stdout) dup2(pipe_fds[1], STDOUT_FILENO);
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

int stop(pid_t pid, double grace_s) {
    if (pid <= 0) return -1;
    int status = 0;
    kill(pid, SIGTERM);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::duration<double>(grace_s);
    while (std::chrono::steady_clock::now() < give_up) {
        if (waitpid(pid, &status, WNOHANG) == pid) return status;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return status;
}

int wait_exit(pid_t pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

}  // namespace kiosk::bench
