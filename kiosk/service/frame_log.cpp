#include "service/frame_log.h"

#include <cstdlib>
#include <ctime>

namespace kiosk::app {

namespace {
long long clock_ns(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}
}  // namespace

FrameLog FrameLog::from_environment() {
    FrameLog log;
    const char* path = std::getenv("KIOSK_FRAME_LOG");
    if (path == nullptr || *path == '\0') return log;
    log.file_.reset(std::fopen(path, "a"));
    if (!log.file_) std::fprintf(stderr, "kiosk: KIOSK_FRAME_LOG: cannot open %s; no frame log\n", path);
    return log;
}

void FrameLog::begin_frame() {
    if (file_) cpu_at_begin_ns_ = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
}

void FrameLog::end_frame(const App& app) {
    if (!file_) return;
    const double cpu_ms = static_cast<double>(clock_ns(CLOCK_PROCESS_CPUTIME_ID) - cpu_at_begin_ns_) / 1e6;
    // Epoch milliseconds, so a launcher can subtract its own `date +%s%3N` taken before exec.
    const double epoch_ms = static_cast<double>(clock_ns(CLOCK_REALTIME)) / 1e6;
    const FrameStats& stats = app.last_frame_stats();
    std::fprintf(file_.get(), "frame=%llu epoch_ms=%.3f cpu_ms=%.3f vertices=%d draw_calls=%d runs=%d\n",
                 static_cast<unsigned long long>(app.frames_drawn()), epoch_ms, cpu_ms, stats.vertices,
                 stats.draw_calls, stats.runs_drawn);
    std::fflush(file_.get());
}

}  // namespace kiosk::app
