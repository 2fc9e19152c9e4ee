#include "test_process_support.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace kiosk::testing {
namespace fs = std::filesystem;

namespace {

std::string unique_path(const std::string& label) {
    static std::atomic<int> counter{0};  // test threads start processes side by side
    return (fs::temp_directory_path() / ("kiosk-" + label + "-" + std::to_string(getpid()) + "-" +
                                         std::to_string(++counter)))
        .string();
}

// Polling with a short step is the only portable way to wait for a child with a deadline.
constexpr auto kPollStep = std::chrono::milliseconds(10);

}  // namespace

Process::Process(const std::vector<std::string>& argv, const ProcessOptions& options) : log_(unique_path("out") + ".log") {
    const int out = open(log_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    pid_ = fork();
    if (pid_ == 0) {
        // Only async-signal-safe calls would be strictly right here; the test process has no
        // other threads running at this point in practice, and exec follows at once.
        dup2(out, STDOUT_FILENO);
        dup2(out, STDERR_FILENO);
        const int null = open("/dev/null", O_RDONLY);
        dup2(null, STDIN_FILENO);
        for (const std::string& name : options.unset_env) unsetenv(name.c_str());
        for (const std::string& entry : options.set_env) {
            const size_t eq = entry.find('=');
            setenv(entry.substr(0, eq).c_str(), entry.substr(eq + 1).c_str(), 1);
        }
        if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(126);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        std::vector<char*> args;
        for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        std::fprintf(stderr, "cannot run %s: %s\n", args[0], std::strerror(errno));
        _exit(127);
    }
    close(out);
}

Process::~Process() {
    if (pid_ > 0 && !reaped_) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    std::error_code ec;
    fs::remove(log_, ec);
}

void Process::send(int signal) const {
    if (pid_ > 0 && !reaped_) kill(pid_, signal);
}

std::string Process::output_so_far() const {
    std::ifstream in(log_, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::optional<Exit> Process::wait_for(double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        int status = 0;
        const pid_t done = waitpid(pid_, &status, WNOHANG);
        if (done == pid_) {
            reaped_ = true;
            Exit exit;
            if (WIFEXITED(status)) exit.code = WEXITSTATUS(status);
            if (WIFSIGNALED(status)) exit.signal = WTERMSIG(status);
            exit.output = output_so_far();
            return exit;
        }
        if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
        std::this_thread::sleep_for(kPollStep);
    }
}

bool Process::wait_for_output(const std::string& text, double seconds) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (output_so_far().find(text) != std::string::npos) return true;
        siginfo_t info{};
        if (waitid(P_PID, static_cast<id_t>(pid_), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid_)
            return output_so_far().find(text) != std::string::npos;  // it ended

        std::this_thread::sleep_for(kPollStep);
    }
    return output_so_far().find(text) != std::string::npos;
}

std::vector<std::string> kiosk(const std::vector<std::string>& args) {
    std::vector<std::string> argv;
    std::istringstream words(KIOSK_BINARY);
    for (std::string word; words >> word;) argv.push_back(word);
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
}

Exit run(const std::vector<std::string>& argv, const ProcessOptions& options, double timeout) {
    Process process(argv, options);
    if (std::optional<Exit> exit = process.wait_for(timeout)) return *exit;
    process.send(SIGKILL);
    std::optional<Exit> killed = process.wait_for(10.0);
    return killed ? *killed : Exit{};
}

VirtualDisplay::VirtualDisplay(const std::string& screen) {
    int fds[2];
    if (pipe(fds) != 0) {
        error_ = "no pipe";
        return;
    }
    pid_ = fork();
    if (pid_ == 0) {
        close(fds[0]);
        const int null = open("/dev/null", O_RDWR);
        dup2(null, STDIN_FILENO);
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        const std::string fd = std::to_string(fds[1]);
        execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp",
               static_cast<char*>(nullptr));
        _exit(127);
    }
    close(fds[1]);
    // Xvfb writes the display number once it accepts connections.
    std::string number;
    pollfd poll_fd{fds[0], POLLIN, 0};
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
        if (poll(&poll_fd, 1, 100) > 0) {
            char c = 0;
            if (read(fds[0], &c, 1) != 1) break;
            if (c == '\n') break;
            number += c;
        }
    }
    close(fds[0]);
    if (number.empty()) error_ = "Xvfb did not start (is the xvfb package installed?)";
    else display_ = ":" + number;
}

VirtualDisplay::~VirtualDisplay() {
    if (pid_ > 0) {
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
    }
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

TempDir::TempDir(const std::string& label) : path_(unique_path(label)) { fs::create_directories(path_); }

TempDir::~TempDir() {
    std::error_code ec;
    // Give back what a test took away (mode 000), so that the directory can be removed.
    for (auto it = fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
}

}  // namespace kiosk::testing
