// SIGTERM, SIGINT and SIGHUP as flags the main loop reads. Nothing runs in a signal handler: the
// three signals are blocked in every thread, and one watcher thread takes them with sigwait(),
// sets the flags and calls the waker (Surface::wake), so a loop asleep in wait_events() notices at
// once. GLFW's waits are not ended by signals, which is why the waker is needed.
// Create it before any other thread starts (threads inherit the blocked mask; Mesa starts some
// when a GL context is made). One per process. Does NOT decide what a signal means to the app.
#pragma once
#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

#include <signal.h>

namespace kiosk::platform {

class SignalWatcher {
public:
    SignalWatcher();                   // blocks the signals and starts the watcher thread
    ~SignalWatcher();                  // stops the thread and restores the previous signal mask
    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

    // Called on the watcher thread after each signal; must be thread-safe. Empty: none. Returns
    // only when no call of the previous waker is in progress, so its target may then go away.
    void set_waker(std::function<void()> waker);

    bool stop_requested() const { return stop_signal_.load() != 0; }
    int stop_signal() const { return stop_signal_.load(); }     // SIGTERM or SIGINT; 0 before either
    bool take_reload() { return reload_.exchange(false); }     // true once for any SIGHUPs since the last call
    int reloads_received() const { return reloads_received_.load(); }

private:
    void watch();

    sigset_t signals_{};
    sigset_t previous_mask_{};
    std::atomic<bool> exiting_{false};
    std::atomic<int> stop_signal_{0};
    std::atomic<bool> reload_{false};
    std::atomic<int> reloads_received_{0};
    std::mutex waker_mutex_;
    std::function<void()> waker_;
    std::thread thread_;
};

}  // namespace kiosk::platform
