#include "proc_stats.h"

#include <dirent.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace kiosk::bench {

namespace {

int64_t clock_ns(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}

// The value of a "Key:   123 kB" line, or -1.
int64_t field_kb(const std::string& text, const std::string& key) {
    const size_t at = text.find("\n" + key + ":");
    const size_t start = at == std::string::npos ? (text.rfind(key + ":", 0) == 0 ? 0 : std::string::npos) : at + 1;
    if (start == std::string::npos) return -1;
    return std::strtoll(text.c_str() + start + key.size() + 1, nullptr, 10);
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

Memory read_memory(pid_t pid) {
    Memory memory;
    const std::string rollup = slurp("/proc/" + std::to_string(pid) + "/smaps_rollup");
    const std::string status = slurp("/proc/" + std::to_string(pid) + "/status");
    if (rollup.empty()) return memory;
    memory.rss_kb = field_kb(rollup, "Rss");
    memory.pss_kb = field_kb(rollup, "Pss");
    memory.uss_kb = field_kb(rollup, "Private_Clean") + field_kb(rollup, "Private_Dirty");
    memory.peak_rss_kb = field_kb(status, "VmHWM");
    memory.ok = memory.rss_kb >= 0 && memory.pss_kb >= 0;
    return memory;
}

CpuTime read_cpu(pid_t pid) {
    CpuTime cpu;
    const std::string base = "/proc/" + std::to_string(pid);
    const std::string stat = slurp(base + "/stat");
    const size_t paren = stat.rfind(')');
    if (paren == std::string::npos) return cpu;
    // After "(comm)": state is field 3; utime and stime are fields 14 and 15.
    std::istringstream fields(stat.substr(paren + 2));
    std::string value;
    for (int field = 3; field <= 15 && fields >> value; ++field) {
        if (field == 14 || field == 15) cpu.ticks += std::stoll(value);
    }
    if (DIR* tasks = opendir((base + "/task").c_str())) {
        while (const dirent* entry = readdir(tasks)) {
            if (entry->d_name[0] == '.') continue;
            std::ifstream in(base + "/task/" + entry->d_name + "/schedstat");
            int64_t run_ns = 0, wait_ns = 0, slices = 0;
            if (in >> run_ns >> wait_ns >> slices) {
                cpu.sched_ns += run_ns;
                cpu.slices += slices;
                cpu.runqueue_ns += wait_ns;
                if (std::to_string(pid) == entry->d_name) {
                    cpu.main_run_ns = run_ns;
                    cpu.main_runqueue_ns = wait_ns;
                }
            }
        }
        closedir(tasks);
    }
    cpu.ok = true;
    return cpu;
}

int64_t clock_ticks_per_second() { return sysconf(_SC_CLK_TCK); }
int64_t monotonic_ns() { return clock_ns(CLOCK_MONOTONIC); }
int64_t process_cpu_ns() { return clock_ns(CLOCK_PROCESS_CPUTIME_ID); }
int64_t thread_cpu_ns() { return clock_ns(CLOCK_THREAD_CPUTIME_ID); }
double epoch_ms() { return static_cast<double>(clock_ns(CLOCK_REALTIME)) / 1e6; }

std::string machine_description() {
    std::string cpu_model = "unknown CPU";
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);) {
        if (line.rfind("model name", 0) == 0) {
            cpu_model = line.substr(line.find(':') + 2);
            break;
        }
    }
    const std::string meminfo = slurp("/proc/meminfo");
    const double ram_gib = static_cast<double>(field_kb(meminfo, "MemTotal")) / (1024.0 * 1024.0);
    utsname names{};
    uname(&names);
    std::string os = "unknown OS";
    std::ifstream release("/etc/os-release");
    for (std::string line; std::getline(release, line);) {
        if (line.rfind("PRETTY_NAME=", 0) == 0) {
            os = line.substr(12);
            if (os.size() >= 2 && os.front() == '"') os = os.substr(1, os.size() - 2);
        }
    }
    char text[512];
    std::snprintf(text, sizeof text, "%s, %ld cores, %.1f GiB RAM, %s %s %s, %s", cpu_model.c_str(),
                  sysconf(_SC_NPROCESSORS_ONLN), ram_gib, names.sysname, names.release, names.machine, os.c_str());
    return text;
}

}  // namespace kiosk::bench
