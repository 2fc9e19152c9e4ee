// What /proc and the clocks say about a process: memory (smaps_rollup), CPU time (stat ticks as
// `top` sees them, and the scheduler's nanoseconds), and the machine the figures come from.
// Linux only. Does NOT sample on its own or keep history: callers take two readings and subtract.
#pragma once
#include <cstdint>
#include <string>
#include <sys/types.h>

namespace kiosk::bench {

struct Memory {
    int64_t rss_kb = 0;                // Rss: resident pages, shared ones counted in full
    int64_t pss_kb = 0;                // Pss: shared pages divided among the processes sharing them
    int64_t uss_kb = 0;                // Private_Clean + Private_Dirty: pages only this process has
    int64_t peak_rss_kb = 0;           // VmHWM from /proc/PID/status
    bool ok = false;                   // false when the process is gone or /proc cannot be read
};
Memory read_memory(pid_t pid);

struct CpuTime {
    int64_t ticks = 0;                 // utime + stime from /proc/PID/stat, in clock ticks (10 ms)
    int64_t sched_ns = 0;              // sum of /proc/PID/task/*/schedstat run times (live threads)
    int64_t slices = 0;                // sum of their time slices: how often a thread woke to run
    int64_t runqueue_ns = 0;           // sum of their schedstat run-queue waits: runnable, no free core
    int64_t main_run_ns = 0;           // the main thread's (task PID) run time alone
    int64_t main_runqueue_ns = 0;      // and its run-queue wait: the rest of its life it was asleep
    bool ok = false;
};
// Threads that have exited are not in task/: their run time is still in the stat ticks and in
// CLOCK_PROCESS_CPUTIME_ID, but their run-queue wait is gone.
CpuTime read_cpu(pid_t pid);
int64_t clock_ticks_per_second();

int64_t monotonic_ns();                // CLOCK_MONOTONIC
int64_t process_cpu_ns();              // CLOCK_PROCESS_CPUTIME_ID: this process, all its threads
int64_t thread_cpu_ns();               // CLOCK_THREAD_CPUTIME_ID: the calling thread
double epoch_ms();                     // CLOCK_REALTIME, milliseconds

// "AMD EPYC 7B13, 2 cores, 23.5 GiB, Linux 6.1.0-..., Debian GNU/Linux 12 (bookworm)"
std::string machine_description();

}  // namespace kiosk::bench
