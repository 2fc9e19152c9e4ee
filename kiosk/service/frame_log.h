// A benchmark's window into a running kiosk: when the environment variable KIOSK_FRAME_LOG names a
// file, every frame drawn appends one line to it (wall-clock time after the frame was presented, the
// process CPU time the frame took, what it drew). With the variable unset, which is always the case
// outside benchmarks, nothing is opened or written and each call is a branch on a null pointer.
// Does NOT decide when frames are drawn, time anything beyond the frame it is told about, or read
// the file back (tests/bench/ does).
#pragma once
#include <cstdio>
#include <memory>

#include "app/app.h"

namespace kiosk::app {

class FrameLog {
public:
    // Opens the file KIOSK_FRAME_LOG names (appending); a disabled log when unset or unopenable.
    static FrameLog from_environment();

    bool enabled() const { return file_ != nullptr; }
    void begin_frame();                          // call before the frame's first GL or ImGui work
    void end_frame(const App& app);              // call after present(): appends one line

private:
    struct Closer {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };
    std::unique_ptr<std::FILE, Closer> file_;
    long long cpu_at_begin_ns_ = 0;              // process CPU time (all threads) at begin_frame
};

}  // namespace kiosk::app
